// Security groups decide who may open a connection to whom, worked out once per compiled design (like
// vpc-routes.ts does for routes) so the step only reads a flag per edge.
//
// AWS as it is (Amazon VPC User Guide, "Security group rules" and "Default security groups for your VPCs";
// Elastic Load Balancing, "Security groups for your Application Load Balancer"):
// - Allow rules only: a connection is admitted if any rule of any group of the receiver admits it (protocol, port
//   range, and a source that is a CIDR range or another security group, meaning its members).
// - Stateful: "If you send a request from your instance, the response traffic for that request is allowed to
//   reach the instance regardless of the inbound security group rules", so only the opening direction is checked.
// - A group's outbound rules default to all traffic to 0.0.0.0/0; a group that writes its own egress keeps only those.
// - A resource naming no group is in its VPC's default security group, whose rules admit inbound traffic only from
//   members of the same default group and allow all outbound traffic.
// - "You must ensure that your load balancer can communicate with registered targets on both the listener port
//   and the health check port": the targets' groups must admit the target port from the load balancer's group
//   (or from a range holding the load balancer's node addresses, its subnets).

import { cidrContains, parseCidr } from '../../design/cidr.ts';
import type { Design, Resource, ResourceId, SecurityRule } from '../../design/model.ts';

/**
 * A group of the board (`sg:<id>`), a VPC's implicit default group (`default:<vpc id or the region's>`), or a
 * classic ELB's own source security group (`lb:<id>`, which every load balancer peer carries).
 */
export type GroupKey = string;

/** One side of a connection: its groups and the address ranges its packets come from or go to. */
export interface Peer {
  groups: readonly GroupKey[];
  cidrs: readonly string[];
  /** The subnets it sits in (network ACLs: network-acls.ts); absent for the internet. */
  subnets?: readonly ResourceId[];
}

/** The key of a VPC's default group; `vpc` undefined is the region's default VPC. */
export function defaultGroupKey(vpc: ResourceId | undefined, region = ''): GroupKey {
  return vpc === undefined ? `default:region:${region}` : `default:${vpc}`;
}

/** The groups a resource names that exist on the board, or its VPC's default group when it names none. */
export function effectiveGroups(
  design: Design,
  removed: Uint8Array | undefined,
  named: readonly ResourceId[],
  vpc: ResourceId | undefined,
): GroupKey[] {
  const live = named.filter((id) => removed?.[id] !== 1 && design.resources[id]?.kind === 'securityGroup');
  if (live.length > 0) return live.map((id) => `sg:${id}`);
  return [defaultGroupKey(vpc, design.stacks[0]?.region ?? '')];
}

function groupOf(design: Design, key: GroupKey): (Resource & { kind: 'securityGroup' }) | undefined {
  if (!key.startsWith('sg:')) return undefined;
  const r = design.resources[Number(key.slice(3))];
  return r && r.kind === 'securityGroup' ? r : undefined;
}

/** IpProtocol -1 (all) matches everything; tcp (6) and udp (17) by name or number; ports inclusive. */
export function ruleCovers(rule: SecurityRule, protocol: 'tcp' | 'udp', port: number): boolean {
  const p = rule.protocol.toLowerCase();
  if (p === '-1' || p === 'all') return true;
  const number = protocol === 'tcp' ? '6' : '17';
  if (p !== protocol && p !== number) return false;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** Whether a rule's peer (CIDR or group) covers `other`: every address of it, or one of its groups. */
function peerCovers(rule: SecurityRule, other: Peer): boolean {
  if (rule.sourceGroup !== undefined && other.groups.includes(`sg:${rule.sourceGroup}`)) return true;
  if (rule.sourceLoadBalancer !== undefined && other.groups.includes(`lb:${rule.sourceLoadBalancer}`)) return true;
  if (rule.cidr === undefined) return false;
  const block = parseCidr(rule.cidr);
  if (!block || other.cidrs.length === 0) return false;
  return other.cidrs.every((c) => {
    const inner = parseCidr(c);
    return inner !== undefined && cidrContains(block, inner);
  });
}

/** Whether any of the receiver's groups admits a new connection from `sender` on protocol/port (inbound). */
export function ingressAdmits(design: Design, receiver: Peer, sender: Peer, protocol: 'tcp' | 'udp', port: number): boolean {
  for (const key of receiver.groups) {
    const group = groupOf(design, key);
    // The default group: all traffic from its own members, nothing else. (A load balancer's source group admits nothing.)
    if (!group) {
      if (key.startsWith('lb:')) continue;
      if (sender.groups.includes(key)) return true;
      continue;
    }
    for (const rule of group.props.ingress) if (ruleCovers(rule, protocol, port) && peerCovers(rule, sender)) return true;
  }
  return rangesCovered(design, receiver.groups, 'ingress', sender, protocol, port);
}

/**
 * A peer with several ranges (a load balancer's nodes, one per subnet) is admitted when every range is held by
 * some rule, not necessarily the same: each node connects from its own address, and AWS checks each connection
 * against all the rules (two rules for two subnets admit both nodes, as one rule for their common range does).
 */
function rangesCovered(design: Design, keys: readonly GroupKey[], side: 'ingress' | 'egress', other: Peer, protocol: 'tcp' | 'udp', port: number): boolean {
  if (other.cidrs.length < 2) return false;
  const blocks: NonNullable<ReturnType<typeof parseCidr>>[] = [];
  for (const key of keys) {
    const group = groupOf(design, key);
    for (const rule of (side === 'ingress' ? group?.props.ingress : group?.props.egress) ?? []) {
      const block = rule.cidr !== undefined && ruleCovers(rule, protocol, port) ? parseCidr(rule.cidr) : undefined;
      if (block) blocks.push(block);
    }
  }
  return other.cidrs.every((c) => {
    const inner = parseCidr(c);
    return inner !== undefined && blocks.some((b) => cidrContains(b, inner));
  });
}

/** Whether any of the sender's groups lets it open a connection to `receiver` (outbound; unwritten egress: all). */
export function egressAllows(design: Design, sender: Peer, receiver: Peer, protocol: 'tcp' | 'udp', port: number): boolean {
  for (const key of sender.groups) {
    // A classic ELB's source group has no rules of its own to send by.
    if (key.startsWith('lb:')) continue;
    const group = groupOf(design, key);
    if (!group || group.props.egress === undefined) return true;
    for (const rule of group.props.egress) if (ruleCovers(rule, protocol, port) && peerCovers(rule, receiver)) return true;
  }
  return rangesCovered(design, sender.groups, 'egress', receiver, protocol, port);
}

/** A connection opened from `sender` to `receiver`: both ends' groups must allow it (the answer is then allowed). */
export function connectionAllowed(design: Design, sender: Peer, receiver: Peer, protocol: 'tcp' | 'udp', port: number): boolean {
  return egressAllows(design, sender, receiver, protocol, port) && ingressAdmits(design, receiver, sender, protocol, port);
}

/** The internet as a sender: any address, no group. */
export const INTERNET: Peer = { groups: [], cidrs: ['0.0.0.0/0'] };

/** An instance's or an Auto Scaling group's (its launch template's) groups and the ranges of its subnets. */
export function computePeer(design: Design, removed: Uint8Array, resource: ResourceId): Peer {
  const r = design.resources[resource];
  const subnetsOf = (ids: readonly ResourceId[]) =>
    ids.map((id) => design.resources[id]).filter((s): s is Resource & { kind: 'subnet' } => s?.kind === 'subnet' && removed[s.id] !== 1);
  if (r?.kind === 'instance') {
    const subnets = subnetsOf([r.props.subnet]);
    return { groups: effectiveGroups(design, removed, r.props.securityGroups, subnets[0]?.props.vpc), cidrs: subnets.map((s) => s.props.cidr), subnets: subnets.map((s) => s.id) };
  }
  if (r?.kind === 'autoScalingGroup') {
    const subnets = subnetsOf(r.props.subnets);
    const template = design.resources[r.props.launchTemplate];
    const named = template?.kind === 'launchTemplate' && removed[template.id] !== 1 ? template.props.securityGroups : [];
    return { groups: effectiveGroups(design, removed, named, subnets[0]?.props.vpc), cidrs: subnets.map((s) => s.props.cidr), subnets: subnets.map((s) => s.id) };
  }
  return { groups: [], cidrs: [] };
}

/** A database's groups (VPCSecurityGroups, else its VPC's default group) and its subnet group's ranges. */
export function databasePeer(design: Design, removed: Uint8Array, resource: ResourceId): Peer {
  const d = design.resources[resource];
  if (d?.kind !== 'database') return { groups: [], cidrs: [] };
  const group = d.props.subnetGroup === undefined ? undefined : design.resources[d.props.subnetGroup];
  const subnets = (group?.kind === 'dbSubnetGroup' ? group.props.subnets : [])
    .map((id) => design.resources[id])
    .filter((s): s is Resource & { kind: 'subnet' } => s?.kind === 'subnet' && removed[s.id] !== 1);
  return { groups: effectiveGroups(design, removed, d.props.securityGroups ?? [], subnets[0]?.props.vpc), cidrs: subnets.map((s) => s.props.cidr), subnets: subnets.map((s) => s.id) };
}

/** The port an RDS engine listens on by default (RDS User Guide, DB instance Port defaults). */
export function enginePort(engine: string): number {
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return 5432;
  if (e.startsWith('oracle')) return 1521;
  if (e.startsWith('sqlserver')) return 1433;
  if (e.startsWith('db2')) return 50000;
  return 3306; // MySQL, MariaDB, Aurora MySQL, and an engine left unsaid
}
