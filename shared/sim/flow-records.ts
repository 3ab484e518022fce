// VPC flow log records (AWS::EC2::FlowLog) from the simulation's connections, in AWS's default format v2:
//   version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
// "each record captures a network internet protocol (IP) traffic flow (characterized by a 5-tuple on a per network
// interface basis) that occurs within an aggregation interval" (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html).
// Computed on demand from a world (its compiled topology and the latest step's rates), never inside step(), so the
// hot loop pays nothing. The flows recorded:
// - load balancer node → target, on the target's interface: requests and health checks ACCEPTed, or, when the
//   security groups or network ACLs forbid the connection (topo.edgeBlocked), the health checks' SYNs REJECTed;
// - users → an internet-facing load balancer node, on the node's interface (all users as one documentation address);
// - instance → its database, on the instance's interface, the group's queries shared by the instances' request rates.
// Counts cover the current capture window so far ([window start, now]) at the latest step's rates: the game keeps
// no per-connection history. Addresses are deterministic hosts of the VPC's range; the board has no interfaces of its
// own, so an interface id is derived from the resource and slot; addresses are hosts of the interface's subnet.

import { catalogue } from '../catalogue/index.ts';
import type { Design, ResourceId, ResourceOfKind } from '../design/model.ts';
import { ACCOUNT_ID } from '../iam/arn.ts';
import { enginePort } from './compile/security-groups.ts';
import { RUNNING, STEP_SECONDS } from './constants.ts';
import { T_NOW } from './state.ts';
import type { World } from './world.ts';

export type FlowAction = 'ACCEPT' | 'REJECT';

export interface FlowRecord {
  version: number;
  accountId: string;
  interfaceId: string;
  srcaddr: string;
  dstaddr: string;
  srcport: number;
  dstport: number;
  /** IANA protocol number: 6 (TCP) for every flow the game has. */
  protocol: number;
  packets: number;
  bytes: number;
  /** Unix seconds. */
  start: number;
  end: number;
  action: FlowAction;
  logStatus: 'OK';
}

/** Unix seconds of simulated time 0 (2026-01-01T00:00:00Z): the records' start and end count from it. */
export const RUN_EPOCH_S = 1_767_225_600;
/** Where users come from in the records: TEST-NET-3, the documentation range (RFC 5737). */
export const USERS_ADDRESS = '203.0.113.10';
const TCP = 6;
const F = catalogue.flowLogs;
const RESPONSE_BYTES = catalogue.requests.readResponseKb.value * 1024;
const QUERY_BYTES = catalogue.requests.queryKb.value * 1024;

/** One record as the default format writes it: the fields separated by spaces. */
export function flowRecordLine(r: FlowRecord): string {
  return [r.version, r.accountId, r.interfaceId, r.srcaddr, r.dstaddr, r.srcport, r.dstport, r.protocol, r.packets, r.bytes, r.start, r.end, r.action, r.logStatus].join(' ');
}

function ipv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The network address of a VPC's range (10.0.0.0 when it cannot be read). */
function vpcBase(design: Design, vpcResource: number): number {
  const cidr = vpcResource >= 0 ? (design.resources[vpcResource]?.props as { cidr?: string } | undefined)?.cidr : undefined;
  const parts = (cidr ?? '10.0.0.0/16').split('/')[0]!.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return (10 << 24) >>> 0;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Host `offset` of a subnet's range (its network address when unreadable: 10.0.0.0). */
function subnetHost(design: Design, subnet: number, offset: number): number {
  const cidr = (design.resources[subnet]?.props as { cidr?: string } | undefined)?.cidr ?? '10.0.0.0/24';
  const parts = cidr.split('/')[0]!.split('.').map(Number);
  const base = parts.length === 4 && parts.every((p) => p >= 0 && p <= 255) ? ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0 : (10 << 24) >>> 0;
  return base + offset;
}

/** The subnet an instance slot is in: a static instance's own, or its group's subnet in the slot's zone; -1 if none. */
function instanceSubnet(world: World, i: number): number {
  const { design, topo, state } = world;
  const r = design.resources[topo.instResource[i]!];
  if (r?.kind === 'instance') return r.props.subnet;
  if (r?.kind !== 'autoScalingGroup') return -1;
  return r.props.subnets.find((s) => topo.subnetZone[s] === state.instZone[i]) ?? r.props.subnets[0] ?? -1;
}

/** A deterministic ephemeral port for the client side of a connection. */
function ephemeral(key: number): number {
  return 32768 + ((key * 7919) % 28232);
}

function eni(kind: number, a: number, b: number): string {
  return `eni-${kind.toString(16)}${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Which interfaces a flow log watches: by instance slot and by load balancer (its nodes). */
interface Watched {
  inst: (i: number) => boolean;
  lb: (lb: number) => boolean;
}

function watched(world: World, log: ResourceOfKind<'flowLog'>): Watched {
  const { topo, design, state } = world;
  const p = log.props;
  const res = p.resource;
  const lbSubnets = (lb: number) => (design.resources[topo.lbResource[lb]!]?.props as { subnets?: number[] } | undefined)?.subnets ?? [];
  if (p.resourceType === 'NetworkInterface') return { inst: (i) => topo.instResource[i] === res, lb: () => false };
  if (p.resourceType === 'Subnet') {
    const zone = topo.subnetZone[res] ?? -1;
    const vpc = topo.vpcOf[res] ?? -1;
    // A slot is in the subnet when it is a static instance placed there, or a group slot in its zone and VPC.
    const instIn = (i: number) => {
      const r = design.resources[topo.instResource[i]!];
      if (r?.kind === 'instance') return r.props.subnet === res;
      return state.instZone[i] === zone && topo.instVpc[i] === vpc;
    };
    return { inst: instIn, lb: (lb) => lbSubnets(lb).includes(res) };
  }
  const vpc = topo.vpcOf[res] ?? -1;
  return { inst: (i) => vpc >= 0 && topo.instVpc[i] === vpc, lb: (lb) => lbSubnets(lb).some((s) => topo.vpcOf[s] === vpc) };
}

/**
 * The flow log's records for the current capture window, or of the interval closing now, filtered by its TrafficType, in a stable order
 * (interface, then source, then destination). Empty for a resource that is not a flow log.
 */
export function flowRecords(world: World, flowLog: ResourceId, closing?: { startS: number }): FlowRecord[] {
  const log = world.design.resources[flowLog];
  if (log?.kind !== 'flowLog') return [];
  const { topo, state, scratch: sc, design } = world;
  const now = state.tally[T_NOW]!;
  const agg = log.props.aggregationS;
  // `closing`: the whole interval that starts there and closes with this step, as it is delivered (log-billing.ts).
  const windowStart = closing ? closing.startS : Math.floor(now / agg) * agg;
  const elapsed = closing ? agg : Math.max(STEP_SECONDS, now - windowStart);
  const start = RUN_EPOCH_S + windowStart;
  const end = RUN_EPOCH_S + windowStart + elapsed;
  const keep = (a: FlowAction) => log.props.trafficType === 'ALL' || log.props.trafficType === a;
  const covers = watched(world, log);
  const out: FlowRecord[] = [];
  const push = (interfaceId: string, src: string, dst: string, srcport: number, dstport: number, packets: number, bytes: number, action: FlowAction) => {
    if (!keep(action) || !(packets > 0)) return;
    out.push({ version: F.recordVersion.value, accountId: ACCOUNT_ID, interfaceId, srcaddr: src, dstaddr: dst, srcport, dstport, protocol: TCP, packets: Math.round(packets), bytes: Math.round(bytes), start, end, action, logStatus: 'OK' });
  };
  const vpcRes = (v: number) => (v >= 0 ? topo.vpcResource[v]! : -1);
  // Addresses are hosts of the subnet the interface is in (after the four AWS reserves), so that a rule admitting a
  // subnet's range admits exactly the records from it, as compile/security-groups.ts decides with the subnets' ranges.
  const instAddr = (i: number) => {
    const subnet = instanceSubnet(world, i);
    return ipv4(subnet >= 0 ? subnetHost(design, subnet, 16 + (i % 200)) : vpcBase(design, vpcRes(topo.instVpc[i]!)) + 16 + i);
  };
  const nodeAddr = (lb: number, node: number) => {
    const subnets = (design.resources[topo.lbResource[lb]!]?.props as { subnets?: number[] } | undefined)?.subnets ?? [];
    return ipv4(subnets.length > 0 ? subnetHost(design, subnets[node % subnets.length]!, 4 + lb) : vpcBase(design, -1) + 4096 + lb * 8 + node);
  };

  for (let lb = 0; lb < topo.lbCount; lb++) {
    const nodes = Math.max(1, topo.lbZoneStart[lb + 1]! - topo.lbZoneStart[lb]!);
    // Users → each node of an internet-facing load balancer, on the node's interface.
    if (covers.lb(lb) && topo.lbPublic[lb] === 1) {
      const perNode = (sc.lbRequests[lb]! / STEP_SECONDS) * elapsed / nodes;
      const listenerPort = listenerPortOf(design, topo.lbResource[lb]!);
      for (let n = 0; n < nodes; n++) {
        push(eni(1, lb, n), USERS_ADDRESS, nodeAddr(lb, n), ephemeral(lb * 8 + n), listenerPort, perNode * F.requestPackets.value, perNode * (RESPONSE_BYTES + F.requestOverheadBytes.value), 'ACCEPT');
      }
    }
    // Load balancer node → target, on the target's interface.
    for (let e = topo.lbEdgeStart[lb]!; e < topo.lbEdgeStart[lb + 1]!; e++) {
      const i = topo.edgeInst[e]!;
      if (!covers.inst(i) || state.instState[i] !== RUNNING) continue;
      const tg = topo.edgeTg[e]!;
      const port = (design.resources[topo.tgResource[tg]!]?.props as { port?: number } | undefined)?.port ?? 80;
      const checksPerNode = elapsed / Math.max(1, topo.tgIntervalS[tg]!);
      const requests = ((sc.instRps[i] ?? 0) * elapsed) / edgesTo(topo.edgeInst, i) / nodes;
      for (let n = 0; n < nodes; n++) {
        const iface = eni(2, topo.instResource[i]!, topo.instOrdinal[i]!);
        if (topo.edgeBlocked[e] === 1) {
          // Each health check is a SYN the target's group or ACL drops; nothing else is sent to a blocked target.
          push(iface, nodeAddr(lb, n), instAddr(i), ephemeral(e * 8 + n), port, checksPerNode, checksPerNode * F.rejectedSynBytes.value, 'REJECT');
          continue;
        }
        const packets = checksPerNode * F.healthCheckPackets.value + requests * F.requestPackets.value;
        const bytes = checksPerNode * F.healthCheckBytes.value + requests * (RESPONSE_BYTES + F.requestOverheadBytes.value);
        push(iface, nodeAddr(lb, n), instAddr(i), ephemeral(e * 8 + n), port, packets, bytes, 'ACCEPT');
      }
    }
  }
  instanceToDatabase(world, covers, elapsed, instAddr, push);
  return out;
}

function edgesTo(edgeInst: Int32Array, i: number): number {
  let n = 0;
  for (let e = 0; e < edgeInst.length; e++) if (edgeInst[e] === i) n++;
  return Math.max(1, n);
}

function listenerPortOf(design: Design, lbResource: number): number {
  for (const r of design.resources) if (r.kind === 'listener' && r.props.loadBalancer === lbResource) return r.props.port;
  return 80;
}

type Push = (interfaceId: string, src: string, dst: string, srcport: number, dstport: number, packets: number, bytes: number, action: FlowAction) => void;

/** Instance → the primary of its database group: the group's queries shared by its instances' request rates. */
function instanceToDatabase(world: World, covers: Watched, elapsed: number, instAddr: (i: number) => string, push: Push): void {
  const { topo, state, scratch: sc, design } = world;
  if (topo.dbCount === 0) return;
  const groupRps = new Float64Array(topo.groupCount);
  for (let i = 0; i < topo.instCount; i++) {
    const g = topo.instDbGroup[i]!;
    if (g >= 0 && state.instState[i] === RUNNING) groupRps[g] = groupRps[g]! + (sc.instRps[i] ?? 0);
  }
  for (let i = 0; i < topo.instCount; i++) {
    const g = topo.instDbGroup[i]!;
    if (g < 0 || !covers.inst(i) || state.instState[i] !== RUNNING || !(groupRps[g]! > 0)) continue;
    let primary = -1;
    let queries = 0;
    for (let j = 0; j < topo.dbCount; j++) {
      if (topo.dbGroup[j] !== g) continue;
      queries += sc.dbQueries[j] ?? 0;
      if (primary < 0 && topo.dbSource[j] === -1) primary = j;
    }
    if (primary < 0) continue;
    const share = ((sc.instRps[i] ?? 0) / groupRps[g]!) * queries * elapsed;
    const db = design.resources[topo.dbResource[primary]!];
    const port = db?.kind === 'database' ? enginePort(db.props.engine ?? '') : 3306;
    const dbAddr = ipv4(vpcBase(design, topo.dbVpc[primary]! >= 0 ? topo.vpcResource[topo.dbVpc[primary]!]! : -1) + 8192 + primary);
    push(eni(2, topo.instResource[i]!, topo.instOrdinal[i]!), instAddr(i), dbAddr, ephemeral(100_000 + i), port, share * F.queryPackets.value, share * QUERY_BYTES, 'ACCEPT');
  }
}

