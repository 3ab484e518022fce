// Stacks that arrive during the run (scenario event `stack-arrival`, shared/sim/arrival.ts): the design's stack
// is absent until its time, then created. What the new VPC reaches is what its own template connects: attached
// to the Transit Gateway (with the office's VPN attached there) it reaches the database and the office at once;
// unconnected, its servers' dynamic requests fail and the office's requests to them fail.

import { describe, expect, it } from 'vitest';
import { adoptDesign } from '../../../shared/sim/actions.ts';
import { officeRoutes } from '../../../shared/sim/office.ts';
import { reaches } from '../../../shared/sim/service.ts';
import { T_FAILED } from '../../../shared/sim/state.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

const OFFICE = '192.168.0.0/16';

function design(lateConnects: boolean) {
  const d = designBuilder();
  d.stack('shared', 'us-east-1');
  const hub = d.add('Hub', 'transitGateway', {});
  const office = d.add('Office', 'customerGateway', { ipAddress: '203.0.113.10', bgpAsn: 65010 });
  d.add('OfficeVpn', 'vpnConnection', { customerGateway: office, transitGateway: hub, staticRoutesOnly: false });
  const vpcs: Record<string, { vpc: number; table: number; subnets: number[] }> = {};
  for (const [stack, name, cidr] of [['shared', 'Data', '10.0.0.0/16'], ['early', 'Early', '10.1.0.0/16'], ['late', 'Late', '10.2.0.0/16']] as const) {
    if (stack !== 'shared') d.stack(stack, 'us-east-1');
    const net = d.network(name, 'us-east-1', ['a', 'b'], { public: name !== 'Data', cidr });
    let table = d.design.resources.findIndex((r) => r.logicalId === `${name}Routes`);
    if (table < 0) {
      table = d.add(`${name}Routes`, 'routeTable', { vpc: net.vpc });
      net.subnets.forEach((s, i) => d.add(`${name}Assoc${i}`, 'subnetRouteTableAssociation', { subnet: s, routeTable: table }));
    }
    vpcs[name] = { vpc: net.vpc, table, subnets: net.subnets };
    if (name === 'Data') d.database('Db', net.subnets, { multiAz: true, zone: 'us-east-1a' });
    else d.instance(`${name}Server`, net.subnets[0]!);
    if (name === 'Late' && !lateConnects) continue;
    d.add(`${name}Attachment`, 'transitGatewayAttachment', { transitGateway: hub, vpc: net.vpc, subnets: net.subnets });
    d.add(`${name}ToHub`, 'route', { routeTable: table, destination: '10.0.0.0/8', transitGateway: hub });
    d.add(`${name}ToOffice`, 'route', { routeTable: table, destination: OFFICE, transitGateway: hub });
  }
  return d.design;
}

function world(lateConnects: boolean) {
  return createWorld(
    design(lateConnects),
    scenario({
      mix: { static: 0, read: 0.8, write: 0.2 },
      office: { cidr: OFFICE, area: 'north-america', rps: 20 },
      events: [{ type: 'stack-arrival', atS: 120, params: { stack: 'late' } }],
    }),
    1,
  );
}

const lateSlots = (w: ReturnType<typeof world>) =>
  [...Array(w.topo.instCount).keys()].filter((i) => w.topo.labels[w.topo.instResource[i]!] === 'late/LateServer');

describe('a stack that arrives during the run', () => {
  it('does not exist before its time, and is created at it', () => {
    const w = world(true);
    runUntil(w, 60);
    expect(lateSlots(w)).toEqual([]);
    expect(w.design.resources.filter((r) => w.design.stacks[r.stack]!.name === 'late').every((r) => w.state.removed[r.id] === 1)).toBe(true);
    runUntil(w, 140);
    expect(lateSlots(w)).toHaveLength(1);
    expect(w.timeline.some((e) => e.code === 'stackArrived' && e.values['stack'] === 'late')).toBe(true);
  });

  it('attached to the hub by its own template, reaches the database and the office at once', () => {
    const w = world(true);
    runUntil(w, 400);
    const [slot] = lateSlots(w);
    expect(reaches(w, slot!, 0)).toBe(true);
    const zone = w.state.instZone[slot!]! % 3;
    expect(officeRoutes(w).kinds[slot! * 3 + zone]).toBe(5);
  });

  it('unconnected, reaches neither, and the office requests that land on it fail', () => {
    const connected = world(true);
    const alone = world(false);
    runUntil(connected, 600);
    runUntil(alone, 600);
    const [slot] = lateSlots(alone);
    expect(reaches(alone, slot!, 0)).toBe(false);
    const zone = alone.state.instZone[slot!]! % 3;
    expect(officeRoutes(alone).kinds[slot! * 3 + zone]).toBe(0);
    expect(alone.state.tally[T_FAILED]!).toBeGreaterThan(connected.state.tally[T_FAILED]!);
  });
});

describe('a design adopted during the run (a board edit)', () => {
  it('keeps a stack whose arrival is still to come absent, and one that arrived present', () => {
    const w = world(true);
    runUntil(w, 60);
    adoptDesign(w, structuredClone(w.design));
    expect(lateSlots(w)).toEqual([]);
    runUntil(w, 140);
    adoptDesign(w, structuredClone(w.design));
    expect(lateSlots(w)).toHaveLength(1);
  });
});
