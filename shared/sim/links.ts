// VPC connectivity as a count of links and routes, for the lesson "a full mesh of peerings grows as n²":
// n VPCs need n(n−1)/2 peering connections to all reach each other (peering is not transitive), each with a
// route in both VPCs' route tables, but only n attachments to one Transit Gateway and one route to it per VPC.
// (What a design's routes actually carry is decided by compile/vpc-routes.ts; these are the counts.)

export function peeringMeshLinks(vpcs: number): number {
  return vpcs > 1 ? (vpcs * (vpcs - 1)) / 2 : 0;
}

export function transitGatewayLinks(vpcs: number): number {
  return vpcs > 0 ? vpcs : 0;
}

/** Routes a full mesh needs (one per VPC route table, both sides of every peering): n(n−1). */
export function peeringMeshRoutes(vpcs: number): number {
  return 2 * peeringMeshLinks(vpcs);
}

/** Routes a Transit Gateway hub needs: one to the gateway per VPC (its route table learns the rest). */
export function transitGatewayRoutes(vpcs: number): number {
  return transitGatewayLinks(vpcs);
}

/** What one more VPC joining a full mesh of n costs in connections and routes: n peerings and 2n routes. */
export function meshGrowth(existing: number): { peerings: number; routes: number } {
  const n = existing > 0 ? existing : 0;
  return { peerings: n, routes: 2 * n };
}

/** Pairs of VPCs that cannot reach each other with the given peerings (pairs of VPC indices). */
export function unreachablePairs(vpcs: number, peerings: [number, number][]): number {
  const linked = new Set(peerings.map(([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`)));
  let missing = 0;
  for (let a = 0; a < vpcs; a++) for (let b = a + 1; b < vpcs; b++) if (!linked.has(`${a}:${b}`)) missing++;
  return missing;
}
