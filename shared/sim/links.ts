// VPC connectivity as a count of links, for the lesson "a full mesh of peerings grows as n²":
// n VPCs need n(n−1)/2 peering connections to all reach each other (peering is not transitive), but only
// n attachments to one Transit Gateway.

export function peeringMeshLinks(vpcs: number): number {
  return vpcs > 1 ? (vpcs * (vpcs - 1)) / 2 : 0;
}

export function transitGatewayLinks(vpcs: number): number {
  return vpcs > 0 ? vpcs : 0;
}

/** Pairs of VPCs that cannot reach each other with the given peerings (pairs of VPC indices). */
export function unreachablePairs(vpcs: number, peerings: [number, number][]): number {
  const linked = new Set(peerings.map(([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`)));
  let missing = 0;
  for (let a = 0; a < vpcs; a++) for (let b = a + 1; b < vpcs; b++) if (!linked.has(`${a}:${b}`)) missing++;
  return missing;
}
