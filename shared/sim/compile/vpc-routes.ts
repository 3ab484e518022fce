// How a packet gets from one subnet to a subnet of another VPC, decided once per compilation (never per step).
// AWS's rules, as the VPC and Transit Gateway guides give them:
// - A subnet's route table is its explicitly associated one, else its VPC's main table (shared/template's
//   public-subnets rule names it). Every table has the VPC's local route, and a destination inside the VPC's
//   own range always takes it: traffic to an overlapping range stays in the VPC and never leaves.
// - Otherwise the most specific route whose destination contains the address wins (longest prefix match).
// - A peering delivers only into its peer VPC (not transitive), and only if AWS made it: a peering between
//   overlapping ranges fails to be created. A route to it for another VPC's range goes nowhere.
// - A Transit Gateway takes traffic from a VPC attached to it with a subnet in the sender's zone, and sends it
//   by its default route table, to which every attachment propagates its VPC's range (default association and
//   propagation on). An identical range propagated by a later attachment is not installed: the first attached
//   VPC keeps it. It delivers into a zone of the destination VPC where its attachment has a subnet.
// - The answer must come back: the destination subnet's table needs a working route to the source too.
// Both directions are checked here, so "a peering needs routes in both VPCs' route tables" is a consequence.
// - The on-premises office (the scenario's `office.cidr`) is reached by a Site-to-Site VPN: into a virtual
//   private gateway attached to one VPC (it reaches that VPC only; a peering does not carry it on: AWS's
//   "edge to edge routing through a gateway or private connection" is not supported), or into a Transit
//   Gateway (a VPN attachment, dynamic routing: the office's range propagates to the default route table, so
//   every VPC attached with a route to the office's range via the gateway is reached). The VPC's answer needs
//   the office's range in its subnet's table toward that gateway: a route, or VGW route propagation.
//   A connection with StaticRoutesOnly is read as if its static routes were set (the game does not model
//   AWS::EC2::VPNConnectionRoute or a Transit Gateway's static routes); Direct Connect is not modelled (its
//   connections are ordered, not created by CloudFormation).

import { cidrContains, cidrOverlaps, formatCidr, parseCidr, type CidrBlock } from '../../design/cidr.ts';
import type { Design, ResourceId } from '../../design/model.ts';
import { liveOfKind, refOf } from './network.ts';
import type { NetworkTopology } from '../topology.ts';

/** 0 no way through, 1 same VPC, 2 over a peering, 3 through a Transit Gateway (either direction). */
export type RouteKind = 0 | 1 | 2 | 3;

/** Why a packet does not arrive: for the design warning that names the table and the range. */
export interface RouteVerdict {
  kind: RouteKind;
  /** When kind is 0: the route table (or -1: the subnet has none) that could not send it, and where to. */
  table?: ResourceId;
  from?: ResourceId;
  destination?: string;
  /** The destination overlaps the sender's own VPC: its local route keeps the traffic. */
  local?: boolean;
}

interface TableRoute {
  block: CidrBlock;
  peering: number;
  transitGateway: number;
  /** GatewayId: an internet gateway or a virtual private gateway (-1 if none). */
  gateway: number;
}

const routeGateway = (r: TableRoute) => r.gateway;

/** 0 no way from the office, 4 over a VPN into the VPC's virtual private gateway, 5 over a VPN through a Transit Gateway. */
export type OfficeRouteKind = 0 | 4 | 5;
export const OFFICE_VIA_VGW = 4;
export const OFFICE_VIA_TGW = 5;

export interface Router {
  /** The way from subnet `from` to subnet `to` and back (design resource ids). */
  between(from: ResourceId, to: ResourceId): RouteVerdict;
  /** The way from the on-premises range `office` to subnet `to` and back (kind 0, 4 or 5). */
  fromOffice(office: CidrBlock, to: ResourceId): { kind: OfficeRouteKind; table?: ResourceId; destination?: string; local?: boolean };
}

export function buildRouter(design: Design, removed: Uint8Array, net: NetworkTopology): Router {
  const blockOf = (text: string | undefined) => (text === undefined ? undefined : parseCidr(text));
  // A subnet's route table: its association, else the VPC's main table (first table nobody is associated with).
  const associations = liveOfKind(design, removed, 'subnetRouteTableAssociation');
  const associated = new Set(associations.map((a) => a.props.routeTable));
  const tableOfSubnet = new Map<ResourceId, ResourceId>();
  for (const a of associations) if (refOf(design, removed, a.props.routeTable, 'routeTable')) tableOfSubnet.set(a.props.subnet, a.props.routeTable);
  const mainTable = new Map<ResourceId, ResourceId>();
  for (const t of liveOfKind(design, removed, 'routeTable')) if (!associated.has(t.id) && !mainTable.has(t.props.vpc)) mainTable.set(t.props.vpc, t.id);
  const routes = new Map<ResourceId, TableRoute[]>();
  for (const r of liveOfKind(design, removed, 'route')) {
    const block = blockOf(r.props.destination);
    if (!block) continue;
    const list = routes.get(r.props.routeTable) ?? [];
    list.push({ block, peering: r.props.peering ?? -1, transitGateway: r.props.transitGateway ?? -1, gateway: r.props.gateway ?? -1 });
    routes.set(r.props.routeTable, list);
  }

  const vpcBlock = (vpc: ResourceId) => blockOf(refOf(design, removed, vpc, 'vpc')?.props.cidr);
  const subnetVpc = (s: ResourceId) => {
    const subnet = refOf(design, removed, s, 'subnet');
    return subnet ? subnet.props.vpc : -1;
  };
  // Where a packet to a subnet is addressed: inside the subnet's range (its VPC's if the subnet has none).
  const addressOf = (s: ResourceId) => blockOf(refOf(design, removed, s, 'subnet')?.props.cidr) ?? vpcBlock(subnetVpc(s));

  // Peerings AWS created: live, between two VPCs whose ranges do not overlap.
  const peerings = new Map<ResourceId, [ResourceId, ResourceId]>();
  for (const p of liveOfKind(design, removed, 'vpcPeering')) {
    const a = vpcBlock(p.props.vpc);
    const b = vpcBlock(p.props.peerVpc);
    if (a && b && !cidrOverlaps(a, b)) peerings.set(p.id, [p.props.vpc, p.props.peerVpc]);
  }
  // Each gateway's attachments (design order is attachment order) and its default route table.
  const attachments = new Map<ResourceId, { vpc: ResourceId; zones: Set<number>; block: CidrBlock | undefined }[]>();
  for (const a of liveOfKind(design, removed, 'transitGatewayAttachment')) {
    if (!refOf(design, removed, a.props.transitGateway, 'transitGateway') || !refOf(design, removed, a.props.vpc, 'vpc')) continue;
    const zones = new Set<number>();
    for (const s of a.props.subnets) if (refOf(design, removed, s, 'subnet')) zones.add(net.subnetZone[s]!);
    const list = attachments.get(a.props.transitGateway) ?? [];
    list.push({ vpc: a.props.vpc, zones, block: vpcBlock(a.props.vpc) });
    attachments.set(a.props.transitGateway, list);
  }
  const propagated = new Map<ResourceId, { block: CidrBlock; vpc: ResourceId; zones: Set<number> }[]>();
  for (const [gateway, list] of attachments) {
    const table: { block: CidrBlock; vpc: ResourceId; zones: Set<number> }[] = [];
    for (const a of list) {
      if (!a.block || table.some((r) => r.block.base === a.block!.base && r.block.prefix === a.block!.prefix)) continue;
      table.push({ block: a.block, vpc: a.vpc, zones: a.zones });
    }
    propagated.set(gateway, table);
  }

  /** One direction: from subnet s, is a packet to subnet t delivered? 0 if not, else 2 (peering) or 3 (gateway). */
  const oneWay = (s: ResourceId, t: ResourceId): RouteVerdict => {
    const vs = subnetVpc(s);
    const vt = subnetVpc(t);
    const own = vpcBlock(vs);
    const dst = addressOf(t);
    const table = tableOfSubnet.get(s) ?? mainTable.get(vs) ?? -1;
    const destination = dst ? formatCidr(dst) : '?';
    const dropped: RouteVerdict = { kind: 0, table, from: s, destination };
    if (!dst || !own) return dropped;
    if (cidrOverlaps(own, dst)) return { ...dropped, local: true };
    let best: TableRoute | undefined;
    for (const r of routes.get(table) ?? []) if (cidrContains(r.block, dst) && (!best || r.block.prefix > best.block.prefix)) best = r;
    if (!best) return dropped;
    if (best.peering >= 0) {
      const ends = peerings.get(best.peering);
      return ends && ends.includes(vs) && ends.includes(vt) && vs !== vt ? { kind: 2 } : dropped;
    }
    if (best.transitGateway >= 0) {
      const zone = net.subnetZone[s]!;
      const entry = attachments.get(best.transitGateway)?.find((a) => a.vpc === vs && a.zones.has(zone));
      if (!entry) return dropped;
      let hop: { block: CidrBlock; vpc: ResourceId; zones: Set<number> } | undefined;
      for (const r of propagated.get(best.transitGateway) ?? []) if (cidrContains(r.block, dst) && (!hop || r.block.prefix > hop.block.prefix)) hop = r;
      return hop && hop.vpc === vt && hop.zones.has(net.subnetZone[t]!) ? { kind: 3 } : dropped;
    }
    return dropped;
  };

  // VPN: virtual private gateways attached to a VPC, and which gateways (VGW or Transit Gateway) a live VPN
  // connection from a live customer gateway ends at.
  const vgwOfVpc = new Map<ResourceId, Set<ResourceId>>();
  for (const a of liveOfKind(design, removed, 'gatewayAttachment')) {
    if (!refOf(design, removed, a.props.gateway, 'vpnGateway')) continue;
    const set = vgwOfVpc.get(a.props.vpc) ?? new Set<ResourceId>();
    set.add(a.props.gateway);
    vgwOfVpc.set(a.props.vpc, set);
  }
  const vpnEnds = new Set<ResourceId>();
  for (const v of liveOfKind(design, removed, 'vpnConnection')) {
    if (!refOf(design, removed, v.props.customerGateway, 'customerGateway')) continue;
    if (v.props.vpnGateway !== undefined && refOf(design, removed, v.props.vpnGateway, 'vpnGateway')) vpnEnds.add(v.props.vpnGateway);
    if (v.props.transitGateway !== undefined && refOf(design, removed, v.props.transitGateway, 'transitGateway')) vpnEnds.add(v.props.transitGateway);
  }
  // Route propagation: the VPN's routes (the office's range) appear in these tables toward the VGW.
  const propagating = new Map<ResourceId, ResourceId[]>();
  for (const p of liveOfKind(design, removed, 'vpnGatewayRoutePropagation')) {
    for (const t of p.props.routeTables) propagating.set(t, [...(propagating.get(t) ?? []), p.props.vpnGateway]);
  }

  const fromOffice: Router['fromOffice'] = (office, t) => {
    const vt = subnetVpc(t);
    const own = vpcBlock(vt);
    const table = tableOfSubnet.get(t) ?? mainTable.get(vt) ?? -1;
    const destination = formatCidr(office);
    const dropped = { kind: 0 as const, table, destination };
    if (!own) return dropped;
    if (cidrOverlaps(own, office)) return { ...dropped, local: true };
    // The answer's route: the most specific static route containing the office's range; a propagated one
    // (exactly the office's range, learned over BGP) when no static route is as specific (static routes win ties).
    let best: { prefix: number; gateway: number; transitGateway: number } | undefined;
    for (const r of routes.get(table) ?? []) {
      if (!cidrContains(r.block, office) || (best && r.block.prefix <= best.prefix)) continue;
      const gateway = refOf(design, removed, routeGateway(r), 'vpnGateway') ? routeGateway(r) : -1;
      best = { prefix: r.block.prefix, gateway, transitGateway: r.transitGateway };
    }
    for (const g of propagating.get(table) ?? []) {
      if (!best || office.prefix > best.prefix) best = { prefix: office.prefix, gateway: g, transitGateway: -1 };
    }
    if (!best) return dropped;
    if (best.gateway >= 0) return vgwOfVpc.get(vt)?.has(best.gateway) && vpnEnds.has(best.gateway) ? { kind: OFFICE_VIA_VGW } : dropped;
    if (best.transitGateway >= 0 && vpnEnds.has(best.transitGateway)) {
      // Into the VPC: the gateway's table has its range (propagated), delivered in a zone its attachment has a subnet in.
      let hop: { block: CidrBlock; vpc: ResourceId; zones: Set<number> } | undefined;
      for (const r of propagated.get(best.transitGateway) ?? []) if (cidrContains(r.block, own) && (!hop || r.block.prefix > hop.block.prefix)) hop = r;
      return hop && hop.vpc === vt && hop.zones.has(net.subnetZone[t]!) ? { kind: OFFICE_VIA_TGW } : dropped;
    }
    return dropped;
  };

  const cache = new Map<number, RouteVerdict>();
  const n = design.resources.length;
  return {
    fromOffice,
    between(from, to) {
      const key = from * n + to;
      const known = cache.get(key);
      if (known) return known;
      let verdict: RouteVerdict;
      if (subnetVpc(from) === subnetVpc(to)) verdict = { kind: 1 };
      else {
        const there = oneWay(from, to);
        const back = there.kind === 0 ? there : oneWay(to, from);
        verdict = back.kind === 0 ? back : { kind: there.kind === 3 || back.kind === 3 ? 3 : 2 };
      }
      cache.set(key, verdict);
      return verdict;
    },
  };
}
