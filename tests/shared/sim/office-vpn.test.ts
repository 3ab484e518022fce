// The on-premises office over a Site-to-Site VPN (shared/sim/office.ts, compile/vpc-routes.ts `fromOffice`):
// a VPN into a virtual private gateway reaches only the VPC it is attached to (a peering does not carry it on);
// through a Transit Gateway it reaches every attached VPC whose route table sends the office's range to the hub;
// the answer needs that route (or VGW route propagation); an office range inside a VPC's own stays local.
// Costs: the VPN connection-hour (under VPC), and into a Transit Gateway also an attachment-hour.

import { describe, expect, it } from 'vitest';
import { S_TRANSIT_GATEWAY, S_VPC, cellOf, regionSlot } from '../../../shared/sim/bill.ts';
import { officeRoutes } from '../../../shared/sim/office.ts';
import { T_FAILED, T_OFFERED } from '../../../shared/sim/state.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

const OFFICE = '192.168.0.0/16';

interface Setup {
  /** 'vgw': a VPN into A's virtual private gateway; 'tgw': a VPN attachment to a hub A and B attach to. */
  vpn: 'vgw' | 'tgw' | 'none';
  /** VPCs whose route table sends the office's range to the VPN's gateway (static route). */
  officeRoutes: string[];
  /** VGW route propagation into these VPCs' tables instead of a static route. */
  propagate?: string[];
  /** A and B peered, with routes both ways (and B's office range sent to the peering). */
  peerAB?: boolean;
}

function design(setup: Setup) {
  const d = designBuilder();
  d.stack('net', 'us-east-1');
  const ranges: Record<string, string> = { A: '10.1.0.0/16', B: '10.2.0.0/16' };
  const vpc: Record<string, { vpc: number; table: number; subnets: number[] }> = {};
  for (const [name, cidr] of Object.entries(ranges)) {
    const net = d.network(name, 'us-east-1', ['a', 'b'], { public: true, cidr });
    let table = d.design.resources.findIndex((r) => r.logicalId === `${name}Routes`);
    if (table < 0) {
      table = d.add(`${name}Routes`, 'routeTable', { vpc: net.vpc });
      net.subnets.forEach((s, i) => d.add(`${name}Assoc${i}`, 'subnetRouteTableAssociation', { subnet: s, routeTable: table }));
    }
    vpc[name] = { vpc: net.vpc, table, subnets: net.subnets };
    d.instance(`${name}Server`, net.subnets[0]!);
  }
  const office = d.add('Office', 'customerGateway', { ipAddress: '203.0.113.10', bgpAsn: 65010 });
  if (setup.vpn === 'vgw') {
    const vgw = d.add('Vgw', 'vpnGateway', {});
    d.add('VgwAttachment', 'gatewayAttachment', { vpc: vpc['A']!.vpc, gateway: vgw });
    d.add('Vpn', 'vpnConnection', { customerGateway: office, vpnGateway: vgw, staticRoutesOnly: false });
    for (const name of setup.officeRoutes) d.add(`${name}ToOffice`, 'route', { routeTable: vpc[name]!.table, destination: OFFICE, gateway: vgw });
    if (setup.propagate) d.add('Propagation', 'vpnGatewayRoutePropagation', { vpnGateway: vgw, routeTables: setup.propagate.map((n) => vpc[n]!.table) });
  } else {
    const hub = d.add('Hub', 'transitGateway', {});
    for (const name of ['A', 'B']) d.add(`${name}Attachment`, 'transitGatewayAttachment', { transitGateway: hub, vpc: vpc[name]!.vpc, subnets: vpc[name]!.subnets });
    if (setup.vpn === 'tgw') d.add('Vpn', 'vpnConnection', { customerGateway: office, transitGateway: hub, staticRoutesOnly: false });
    for (const name of setup.officeRoutes) d.add(`${name}ToOffice`, 'route', { routeTable: vpc[name]!.table, destination: OFFICE, transitGateway: hub });
  }
  if (setup.peerAB) {
    const peering = d.add('PeerAB', 'vpcPeering', { vpc: vpc['A']!.vpc, peerVpc: vpc['B']!.vpc });
    d.add('AToB', 'route', { routeTable: vpc['A']!.table, destination: ranges['B']!, peering });
    d.add('BToA', 'route', { routeTable: vpc['B']!.table, destination: ranges['A']!, peering });
    // B sends the office's range to A over the peering: AWS does not carry it on (no edge-to-edge routing).
    d.add('BOfficeViaA', 'route', { routeTable: vpc['B']!.table, destination: OFFICE, peering });
  }
  return d.design;
}

function world(setup: Setup, office = OFFICE) {
  const w = createWorld(design(setup), scenario({ mix: { static: 1, read: 0, write: 0 }, office: { cidr: office, area: 'north-america', rps: 20 } }), 1);
  runUntil(w, 60);
  return w;
}

/** The office's way to each named server (its slot, in the zone it runs in). */
function ways(w: ReturnType<typeof world>): Record<string, number> {
  const routes = officeRoutes(w);
  const out: Record<string, number> = {};
  for (let slot = 0; slot < w.topo.instCount; slot++) {
    const name = w.topo.labels[w.topo.instResource[slot]!]!.split('/')[1]!;
    const zone = w.state.instZone[slot]! % 3;
    out[name] = routes.kinds[slot * 3 + zone]!;
  }
  return out;
}

describe('a VPN into a virtual private gateway', () => {
  it('reaches the one VPC the gateway is attached to, with the office route in its table', () => {
    expect(ways(world({ vpn: 'vgw', officeRoutes: ['A'] }))).toEqual({ AServer: 4, BServer: 0 });
  });

  it('is not transitive: a peered VPC routing the office range over the peering gets nothing', () => {
    expect(ways(world({ vpn: 'vgw', officeRoutes: ['A'], peerAB: true }))).toEqual({ AServer: 4, BServer: 0 });
  });

  it('needs the answer routed: without the route nothing, with route propagation instead it works', () => {
    expect(ways(world({ vpn: 'vgw', officeRoutes: [] }))).toEqual({ AServer: 0, BServer: 0 });
    expect(ways(world({ vpn: 'vgw', officeRoutes: [], propagate: ['A'] }))).toEqual({ AServer: 4, BServer: 0 });
  });

  it("an office range inside the VPC's own stays on its local route", () => {
    expect(ways(world({ vpn: 'vgw', officeRoutes: ['A'] }, '10.1.128.0/20')).AServer).toBe(0);
  });
});

describe('a VPN attachment to a Transit Gateway', () => {
  it('reaches every attached VPC that routes the office range to the hub', () => {
    expect(ways(world({ vpn: 'tgw', officeRoutes: ['A', 'B'] }))).toEqual({ AServer: 5, BServer: 5 });
    expect(ways(world({ vpn: 'tgw', officeRoutes: ['A'] }))).toEqual({ AServer: 5, BServer: 0 });
  });

  it('without the VPN connection the hub reaches no office', () => {
    expect(ways(world({ vpn: 'none', officeRoutes: ['A', 'B'] }))).toEqual({ AServer: 0, BServer: 0 });
  });
});

describe("the office's requests", () => {
  it('fail on the instances no VPN reaches, and are served where one does', () => {
    const hub = world({ vpn: 'tgw', officeRoutes: ['A', 'B'] });
    const one = world({ vpn: 'vgw', officeRoutes: ['A'] });
    expect(hub.state.tally[T_OFFERED]).toBe(one.state.tally[T_OFFERED]);
    // Half the office's requests (B's share) fail through the VGW; the users' (static) requests fail in neither.
    expect(hub.state.tally[T_FAILED]).toBe(0);
    expect(one.state.tally[T_FAILED]).toBeCloseTo(10 * 60, 0);
    expect(one.timeline.some((e) => e.code === 'officeUnreachable' && e.values['instance'] === 'net/BServer')).toBe(true);
  });

  it('bill the VPN connection-hour, and into a Transit Gateway an attachment-hour too', () => {
    const slot = regionSlot('us-east-1');
    const vgw = world({ vpn: 'vgw', officeRoutes: ['A'] });
    const hub = world({ vpn: 'tgw', officeRoutes: ['A', 'B'] });
    const none = world({ vpn: 'none', officeRoutes: ['A', 'B'] });
    const hour = 60 / 3600;
    expect(vgw.state.spend[cellOf(S_VPC, slot)]).toBeCloseTo(0.05 * hour, 6);
    expect(hub.state.spend[cellOf(S_VPC, slot)]).toBeCloseTo(0.05 * hour, 6);
    // Two VPC attachments and the VPN attachment, plus the office traffic's processed GB.
    expect(hub.state.spend[cellOf(S_TRANSIT_GATEWAY, slot)]!).toBeGreaterThan(3 * 0.05 * hour);
    expect(none.state.spend[cellOf(S_TRANSIT_GATEWAY, slot)]!).toBeCloseTo(2 * 0.05 * hour, 6);
  });
});
