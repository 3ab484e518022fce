// Network ACLs decide, per subnet, which packets cross its edge, worked out once per compiled design.
//
// AWS as it is (Amazon VPC User Guide, "Control subnet traffic with network access control lists" and
// "Network ACL rules"):
// - "Network ACLs are stateless, which means that responses to allowed inbound traffic are subject to the rules
//   for outbound traffic (and vice versa)": a connection needs the request allowed out of the sender's subnet and
//   into the receiver's, and the response allowed out of the receiver's and into the sender's, on the client's
//   ephemeral ports ("Ephemeral ports": an Elastic Load Balancing node or a Linux client uses 1024-65535 or
//   32768-60999), so a missing outbound ephemeral rule drops every response.
// - "Rules are evaluated starting with the lowest numbered rule. As soon as a rule matches traffic, it's applied
//   regardless of any higher-numbered rule that might contradict it"; rules allow or deny; the final rule (*)
//   denies what no numbered rule matched.
// - "Each subnet in your VPC must be associated with a network ACL. If you don't explicitly associate a subnet
//   with a network ACL, the subnet is automatically associated with the default network ACL", which "allows all
//   inbound and outbound IPv4 traffic". A network ACL created in a template (AWS::EC2::NetworkAcl) is a custom
//   one: it denies everything until entries allow it.
// - Traffic between two addresses of the same subnet does not cross its ACL.
// Game simplification: a rule matches a peer when its range holds all of the peer's addresses; a deny rule also
// when it overlaps them (some of the peer is denied, so the peer is treated as denied).

import { catalogue } from '../../catalogue/index.ts';
import { cidrContains, cidrOverlaps, parseCidr } from '../../design/cidr.ts';
import type { Design, Resource, ResourceId } from '../../design/model.ts';

/**
 * The client ports a response goes back to (catalogue.vpc.networkAclEphemeral*: ELB's whole range, Linux's
 * 32768-60999 inside it); every one must pass for the response to be allowed.
 */
export const EPHEMERAL_PORTS = [catalogue.vpc.networkAclEphemeralFromPort.value, 32768, 49152, 60999, catalogue.vpc.networkAclEphemeralToPort.value] as const;

type Entry = Resource & { kind: 'networkAclEntry' };

export interface AclJudge {
  /** Whether a TCP connection from a subnet (or the internet: undefined, 0.0.0.0/0) to a subnet on `port` gets through, both ways. */
  connection(from: ResourceId | undefined, to: ResourceId | undefined, port: number): boolean;
}

function protocolMatches(protocol: string, port: number, e: Entry): boolean {
  const p = e.props.protocol.toLowerCase();
  if (p === '-1' || p === 'all') return true;
  if (p !== '6' && p !== 'tcp') return false;
  const from = e.props.fromPort ?? 0;
  const to = e.props.toPort ?? 65535;
  return protocol === 'tcp' && from <= port && port <= to;
}

/** The first matching entry by rule number decides; none matches: the final deny. */
function allows(entries: readonly Entry[], peer: string, port: number): boolean {
  const block = parseCidr(peer);
  for (const e of entries) {
    if (!protocolMatches('tcp', port, e)) continue;
    const rule = parseCidr(e.props.cidr);
    if (!rule || !block) continue;
    const hit = cidrContains(rule, block) || (e.props.action === 'deny' && cidrOverlaps(rule, block));
    if (hit) return e.props.action === 'allow';
  }
  return false;
}

export function buildAclJudge(design: Design, removed: Uint8Array): AclJudge {
  const live = (r: Resource | undefined) => r !== undefined && removed[r.id] !== 1;
  const aclOfSubnet = new Map<ResourceId, ResourceId>();
  for (const a of design.resources) {
    if (a.kind !== 'subnetNetworkAclAssociation' || !live(a)) continue;
    if (live(design.resources[a.props.networkAcl])) aclOfSubnet.set(a.props.subnet, a.props.networkAcl);
  }
  const entries = new Map<ResourceId, { inbound: Entry[]; outbound: Entry[] }>();
  for (const e of design.resources) {
    if (e.kind !== 'networkAclEntry' || !live(e)) continue;
    const list = entries.get(e.props.networkAcl) ?? { inbound: [], outbound: [] };
    (e.props.egress ? list.outbound : list.inbound).push(e);
    entries.set(e.props.networkAcl, list);
  }
  for (const list of entries.values()) {
    list.inbound.sort((a, b) => a.props.ruleNumber - b.props.ruleNumber);
    list.outbound.sort((a, b) => a.props.ruleNumber - b.props.ruleNumber);
  }
  const cidrOf = (subnet: ResourceId | undefined) => {
    const s = subnet === undefined ? undefined : design.resources[subnet];
    return s?.kind === 'subnet' ? s.props.cidr : '0.0.0.0/0';
  };
  /** Whether `subnet`'s ACL lets a packet with `peer` on the other end cross it (undefined subnet: the internet, no ACL). */
  const crosses = (subnet: ResourceId | undefined, outbound: boolean, peer: string, port: number): boolean => {
    if (subnet === undefined) return true;
    const acl = aclOfSubnet.get(subnet);
    if (acl === undefined) return true; // the VPC's default ACL: everything
    const list = entries.get(acl) ?? { inbound: [], outbound: [] };
    return allows(outbound ? list.outbound : list.inbound, peer, port);
  };
  const cache = new Map<string, boolean>();
  return {
    connection(from, to, port) {
      if (from !== undefined && from === to) return true;
      if (aclOfSubnet.size === 0) return true;
      const key = `${from}:${to}:${port}`;
      const known = cache.get(key);
      if (known !== undefined) return known;
      const a = cidrOf(from);
      const b = cidrOf(to);
      const ok =
        crosses(from, true, b, port) &&
        crosses(to, false, a, port) &&
        EPHEMERAL_PORTS.every((p) => crosses(to, true, a, p) && crosses(from, false, b, p));
      cache.set(key, ok);
      return ok;
    },
  };
}
