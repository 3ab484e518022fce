// Address and placement rules: CIDR blocks must parse, subnets must sit inside their VPC without overlapping
// each other, peered VPCs must not overlap, and every zone named must belong to its stack's region. VPCs of
// overlapping ranges on one Transit Gateway are allowed, as AWS allows them, with a warning of what follows.

import { cidrContains, cidrOverlaps, parseCidr, type CidrBlock } from '../../design/cidr.ts';
import type { DesignIssue, Resource } from '../../design/model.ts';
import { regionOfZone } from '../../geography/regions.ts';
import type { CheckContext } from './check-context.ts';

export function checkAddresses(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  for (const vpc of c.ofKind('vpc')) {
    if (!parseCidr(vpc.props.cidr)) issues.push(c.issue(vpc, 'error', 'invalid-cidr', `CidrBlock "${vpc.props.cidr}" is not an IPv4 CIDR block`));
  }
  // Each VPC's subnets seen so far, with their blocks parsed once (every edit runs these checks).
  const seenByVpc = new Map<number, { subnet: Resource & { kind: 'subnet' }; block: CidrBlock }[]>();
  for (const subnet of c.ofKind('subnet')) {
    const block = parseCidr(subnet.props.cidr);
    if (!block) {
      issues.push(c.issue(subnet, 'error', 'invalid-cidr', `CidrBlock "${subnet.props.cidr}" is not an IPv4 CIDR block`));
      continue;
    }
    const vpc = c.get(subnet.props.vpc, 'vpc');
    const vpcBlock = vpc ? parseCidr(vpc.props.cidr) : undefined;
    if (vpc && vpcBlock && !cidrContains(vpcBlock, block)) {
      issues.push(c.issue(subnet, 'error', 'subnet-outside-vpc', `${subnet.props.cidr} is not inside ${vpc.logicalId}'s ${vpc.props.cidr}`));
    }
    const siblings = seenByVpc.get(subnet.props.vpc) ?? [];
    for (const { subnet: other, block: otherBlock } of siblings) {
      if (cidrOverlaps(block, otherBlock)) {
        issues.push(c.issue(subnet, 'error', 'subnet-overlap', `${subnet.props.cidr} overlaps ${other.logicalId}'s ${other.props.cidr} in the same VPC`));
      }
    }
    siblings.push({ subnet, block });
    seenByVpc.set(subnet.props.vpc, siblings);
  }
  for (const peering of c.ofKind('vpcPeering')) {
    const a = c.get(peering.props.vpc, 'vpc');
    const b = c.get(peering.props.peerVpc, 'vpc');
    const blockA = a ? parseCidr(a.props.cidr) : undefined;
    const blockB = b ? parseCidr(b.props.cidr) : undefined;
    if (a && b && blockA && blockB && cidrOverlaps(blockA, blockB)) {
      issues.push(
        c.issue(
          peering,
          'error',
          'peering-overlap',
          // AWS's own words: the request between overlapping ranges ends in the status "failed".
          `VPC peering connection failed: the requester VPC and accepter VPC cannot have overlapping CIDR blocks (${a.logicalId} ${a.props.cidr}, ${b.logicalId} ${b.props.cidr}). ` +
            `No route could use it: each VPC's local route keeps the overlapping range.`,
        ),
      );
    }
  }
  issues.push(...checkHubOverlaps(c));
  issues.push(...checkVpnEnds(c));
  return issues;
}

/**
 * A Site-to-Site VPN connection ends at one gateway on the AWS side (CreateVpnConnection: "If you specify a
 * virtual private gateway, you cannot specify a transit gateway"); without either it connects nothing.
 */
function checkVpnEnds(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  for (const vpn of c.ofKind('vpnConnection')) {
    // A gateway outside the board (an id given as a literal or an import) is kept as written: it counts.
    const kept = (vpn.unmodelled ?? {}) as Record<string, unknown>;
    const vgw = vpn.props.vpnGateway !== undefined || kept['VpnGatewayId'] !== undefined;
    const tgw = vpn.props.transitGateway !== undefined || kept['TransitGatewayId'] !== undefined;
    if (vgw && tgw) issues.push(c.issue(vpn, 'error', 'vpn-two-gateways', 'If you specify a virtual private gateway, you cannot specify a transit gateway (VpnGatewayId and TransitGatewayId)'));
    else if (!vgw && !tgw) issues.push(c.issue(vpn, 'error', 'vpn-no-gateway', 'A VPN connection needs a virtual private gateway (VpnGatewayId) or a transit gateway (TransitGatewayId) on the AWS side'));
  }
  return issues;
}

/**
 * A Transit Gateway attaches a VPC whose range overlaps another attached VPC's (AWS accepts the attachment), but
 * no traffic to the overlapping range crosses it: the sender's local route keeps it, and the gateway's route
 * table keeps the range of the VPC attached first (an identical range is not propagated again).
 */
function checkHubOverlaps(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const seen = new Map<number, { vpc: Resource & { kind: 'vpc' }; block: CidrBlock }[]>();
  for (const attachment of c.ofKind('transitGatewayAttachment')) {
    const vpc = c.get(attachment.props.vpc, 'vpc');
    const block = vpc ? parseCidr(vpc.props.cidr) : undefined;
    if (!vpc || !block) continue;
    const earlier = seen.get(attachment.props.transitGateway) ?? [];
    const other = earlier.find((e) => e.vpc.id !== vpc.id && cidrOverlaps(e.block, block));
    if (other) {
      issues.push(
        c.issue(
          attachment,
          'warning',
          'transit-gateway-overlap',
          `${vpc.logicalId} (${vpc.props.cidr}) overlaps ${other.vpc.logicalId} (${other.vpc.props.cidr}), already attached to this Transit Gateway: ` +
            `the attachment is accepted, but traffic to the overlapping range stays on each VPC's local route, and the gateway routes that range only to ${other.vpc.logicalId}`,
        ),
      );
    }
    earlier.push({ vpc, block });
    seen.set(attachment.props.transitGateway, earlier);
  }
  return issues;
}

export function checkZones(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const check = (resource: Resource, zones: readonly string[] | undefined, what: string) => {
    const region = c.regionOf(resource);
    for (const zone of zones ?? []) {
      if (regionOfZone(zone) !== region) {
        issues.push(c.issue(resource, 'error', 'zone-not-in-region', `${what} ${zone} is not a zone of the stack's region ${region}`));
      }
    }
  };
  for (const s of c.ofKind('subnet')) check(s, [s.props.zone], 'AvailabilityZone');
  for (const g of c.ofKind('autoScalingGroup')) check(g, g.props.zones, 'AvailabilityZones');
  for (const lb of c.ofKind('loadBalancer')) check(lb, lb.props.zones, 'AvailabilityZones');
  for (const db of c.ofKind('database')) check(db, db.props.zone === undefined ? [] : [db.props.zone], 'AvailabilityZone');
  return issues;
}
