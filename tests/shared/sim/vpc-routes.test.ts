// Routing between VPCs as AWS does it (shared/sim/compile/vpc-routes.ts): a peering needs its routes in both
// VPCs' route tables and is not transitive; a Transit Gateway routes transitively by the ranges its attachments
// propagate, with one route to it per VPC; overlapping ranges route through neither (the local route wins).
// Costs: a peering pays data transfer only, a Transit Gateway per attachment-hour and per GB, billed to it.

import { describe, expect, it } from 'vitest';
import { S_TRANSIT_GATEWAY, cellOf, regionSlot } from '../../../shared/sim/bill.ts';
import { T_FAILED, T_OFFERED } from '../../../shared/sim/state.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { warningSentence } from '../../../shared/sim/timeline-text.ts';
import { checkDesign } from '../../../shared/template/design-checks.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';
import { reaches } from '../../../shared/sim/service.ts';

const mix = { static: 0, read: 0.8, write: 0.2 };

type Join = { kind: 'peering'; a: string; b: string; routes: ('a' | 'b')[] } | { kind: 'hub'; vpcs: string[]; routes: string[] };

/**
 * VPCs by name and range, each with one subnet per zone a and b and its own route table; "Data" holds the database,
 * every other VPC a public instance in zone a. Joins: peerings (with the routes of the sides listed) and one hub.
 */
function network(ranges: Record<string, string>, joins: Join[]) {
  const d = designBuilder();
  d.stack('net', 'us-east-1');
  const vpc: Record<string, { vpc: number; table: number; subnets: number[] }> = {};
  for (const [name, cidr] of Object.entries(ranges)) {
    const net = d.network(name, 'us-east-1', ['a', 'b'], { public: name !== 'Data', cidr });
    let table = d.design.resources.findIndex((r) => r.logicalId === `${name}Routes`);
    if (table < 0) {
      table = d.add(`${name}Routes`, 'routeTable', { vpc: net.vpc });
      net.subnets.forEach((s, i) => d.add(`${name}Assoc${i}`, 'subnetRouteTableAssociation', { subnet: s, routeTable: table }));
    }
    vpc[name] = { vpc: net.vpc, table, subnets: net.subnets };
    if (name === 'Data') d.database('Db', net.subnets, { multiAz: true, zone: 'us-east-1a' });
    else d.instance(`${name}Server`, net.subnets[0]!);
  }
  for (const j of joins) {
    if (j.kind === 'peering') {
      const peering = d.add(`Peer${j.a}${j.b}`, 'vpcPeering', { vpc: vpc[j.a]!.vpc, peerVpc: vpc[j.b]!.vpc });
      if (j.routes.includes('a')) d.add(`Route${j.a}To${j.b}`, 'route', { routeTable: vpc[j.a]!.table, destination: ranges[j.b]!, peering });
      if (j.routes.includes('b')) d.add(`Route${j.b}To${j.a}`, 'route', { routeTable: vpc[j.b]!.table, destination: ranges[j.a]!, peering });
    } else {
      const hub = d.add('Hub', 'transitGateway', {});
      for (const name of j.vpcs) d.add(`${name}Attachment`, 'transitGatewayAttachment', { transitGateway: hub, vpc: vpc[name]!.vpc, subnets: vpc[name]!.subnets });
      for (const name of j.routes) d.add(`${name}ToHub`, 'route', { routeTable: vpc[name]!.table, destination: '10.0.0.0/8', transitGateway: hub });
    }
  }
  return d.design;
}

function run(design: ReturnType<typeof network>, seconds = 120) {
  const world = createWorld(design, scenario({ mix, traffic: [{ area: 'north-america', baselineRps: 100 }] }), 1);
  runUntil(world, seconds);
  return { world, warnings: world.topo.warnings.map(warningSentence) };
}

function totalRequests(world: ReturnType<typeof createWorld>): number {
  return world.state.tally[T_OFFERED]!;
}

const TWO = { App: '10.1.0.0/16', Data: '10.0.0.0/16' };

describe('a peering carries traffic only with routes in both VPCs', () => {
  it('serves every request with both routes', () => {
    const r = run(network(TWO, [{ kind: 'peering', a: 'App', b: 'Data', routes: ['a', 'b'] }]));
    expect(r.world.state.tally[T_FAILED]).toBe(0);
    expect(r.world.state.dbCpu[0]).toBeGreaterThan(0);
  });

  it('drops every dynamic request without the route out, or without the route back, and names the table', () => {
    for (const [routes, table] of [
      [[], 'net/AppRoutes'],
      [['a'], 'net/DataRoutes'],
      [['b'], 'net/AppRoutes'],
    ] as const) {
      const r = run(network(TWO, [{ kind: 'peering', a: 'App', b: 'Data', routes: [...routes] }]));
      expect(r.world.state.tally[T_FAILED]).toBeGreaterThan(0);
      expect(r.world.state.dbCpu[0]).toBe(0);
      expect(r.warnings.some((w) => w.includes(`route table ${table} has no route`))).toBe(true);
    }
  });

  it('is not transitive: App peered with Mid, Mid with Data, reaches nothing in Data', () => {
    const ranges = { App: '10.1.0.0/16', Mid: '10.2.0.0/16', Data: '10.0.0.0/16' };
    const design = network(ranges, [
      { kind: 'peering', a: 'App', b: 'Mid', routes: ['a', 'b'] },
      { kind: 'peering', a: 'Mid', b: 'Data', routes: ['a', 'b'] },
    ]);
    // Even a route in App's table sending Data's range to the App–Mid peering goes nowhere.
    const appTable = design.resources.find((r) => r.logicalId === 'AppRoutes')!.id;
    const peering = design.resources.find((r) => r.logicalId === 'PeerAppMid')!.id;
    design.resources.push({ id: design.resources.length, stack: 0, logicalId: 'AppToDataViaMid', kind: 'route', props: { routeTable: appTable, destination: '10.0.0.0/16', peering } });
    const r = run(design);
    expect(r.world.state.tally[T_FAILED]).toBeGreaterThan(0);
    expect(r.world.state.dbCpu[0]).toBe(0);
  });
});

describe('a Transit Gateway routes transitively through its route table', () => {
  it('serves three VPCs with one attachment and one route each, and bills attachment-hours and GB to itself', () => {
    const ranges = { A: '10.1.0.0/16', B: '10.2.0.0/16', Data: '10.0.0.0/16' };
    const r = run(network(ranges, [{ kind: 'hub', vpcs: ['A', 'B', 'Data'], routes: ['A', 'B', 'Data'] }]), 600);
    expect(r.world.state.tally[T_FAILED]).toBe(0);
    const hubSpend = r.world.state.spend[cellOf(S_TRANSIT_GATEWAY, regionSlot('us-east-1'))]!;
    // Three attachments for ten minutes, plus the processed GB.
    expect(hubSpend).toBeGreaterThan(3 * 0.05 * (600 / 3600) * 0.999);
    const peered = run(network(TWO, [{ kind: 'peering', a: 'App', b: 'Data', routes: ['a', 'b'] }]), 600);
    expect(peered.world.state.spend[cellOf(S_TRANSIT_GATEWAY, regionSlot('us-east-1'))]).toBe(0);
    const attachmentsOnly = run(network(ranges, [{ kind: 'hub', vpcs: ['A', 'B', 'Data'], routes: [] }]), 600);
    // Without routes to the hub nothing is processed: only the attachment-hours remain.
    expect(hubSpend).toBeGreaterThan(attachmentsOnly.world.state.spend[cellOf(S_TRANSIT_GATEWAY, regionSlot('us-east-1'))]!);
  });

  it('needs the VPC route tables to point at it, on both sides', () => {
    for (const routes of [['A'], ['Data'], []]) {
      const r = run(network({ A: '10.1.0.0/16', Data: '10.0.0.0/16' }, [{ kind: 'hub', vpcs: ['A', 'Data'], routes }]));
      expect(r.world.state.dbCpu[0]).toBe(0);
    }
  });

  it("delivers only into zones where the attachment has a subnet, and takes traffic only from them", () => {
    const design = network({ A: '10.1.0.0/16', Data: '10.0.0.0/16' }, [{ kind: 'hub', vpcs: ['A', 'Data'], routes: ['A', 'Data'] }]);
    // Data's attachment keeps only its zone-b subnet: the primary in zone a is out of the gateway's reach.
    const attachment = design.resources.find((r) => r.logicalId === 'DataAttachment')! as { props: { subnets: number[] } };
    attachment.props.subnets = attachment.props.subnets.slice(1);
    const r = run(design);
    expect(r.world.state.dbCpu[0]).toBe(0);
    expect(reaches(r.world, slotsOf(r.world, 'AServer')[0]!, 0)).toBe(false);
  });

  it('attaches an overlapping VPC but its traffic to the overlapping range stays local, with a warning', () => {
    const ranges = { Legacy: '10.0.0.0/16', A: '10.1.0.0/16', Data: '10.0.0.0/16' };
    // Data attached first: it keeps 10.0.0.0/16 in the hub's table, so A still reaches it.
    const design = network(ranges, [{ kind: 'hub', vpcs: ['Data', 'A', 'Legacy'], routes: ['A', 'Data', 'Legacy'] }]);
    const issues = checkDesign(design);
    expect(issues.some((i) => i.code === 'transit-gateway-overlap' && i.severity === 'warning' && i.message.includes('local route'))).toBe(true);
    const r = run(design);
    expect(r.warnings.some((w) => w.includes('net/LegacyServer cannot reach database net/Db') && w.includes('local route'))).toBe(true);
    // A's queries reach the database, Legacy's do not.
    expect(reaches(r.world, slotsOf(r.world, 'AServer')[0]!, 0)).toBe(true);
    expect(reaches(r.world, slotsOf(r.world, 'LegacyServer')[0]!, 0)).toBe(false);
    expect(r.warnings.some((w) => w.includes('net/AServer'))).toBe(false);
  });
});

describe('overlapping ranges cannot be peered', () => {
  it('refuses the peering in AWS words', () => {
    const design = network({ App: '10.0.0.0/16', Data: '10.0.0.0/16' }, [{ kind: 'peering', a: 'App', b: 'Data', routes: ['a', 'b'] }]);
    const refusal = checkDesign(design).find((i) => i.code === 'peering-overlap');
    expect(refusal?.severity).toBe('error');
    expect(refusal?.message).toContain('cannot have overlapping CIDR blocks');
    expect(refusal?.message).toContain('local route');
  });
});
