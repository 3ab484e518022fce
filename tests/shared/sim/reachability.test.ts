// A private database answers its own VPC and the VPCs joined to it (peering, one Transit Gateway): an
// instance in another VPC of the same region cannot reach it. Across regions the game assumes a public
// endpoint (a remote primary's writes still arrive).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../shared/sim/index.ts';
import { T_COST_TRANSFER, T_FAILED } from '../../../shared/sim/state.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';
import { warningSentence } from '../../../shared/sim/timeline-text.ts';

/** An app VPC with a public instance, and a data VPC with the database; `join` connects them. */
function twoVpcs(join: 'none' | 'peering' | 'transit-gateway', dataRegion = 'us-east-1') {
  const d = designBuilder();
  d.stack('data', dataRegion);
  const data = d.network('Data', dataRegion, ['a', 'b'], { public: false, cidr: '10.0.0.0/16' });
  d.database('Db', data.subnets, { multiAz: true });
  d.stack('app', 'us-east-1');
  const app = d.network('App', 'us-east-1', ['a'], { cidr: '10.1.0.0/16' });
  d.instance('Server', app.subnets[0]!);
  // The data VPC's private subnets get a route table of their own; the app's public table is the builder's.
  const dataRoutes = d.add('DataRoutes', 'routeTable', { vpc: data.vpc });
  data.subnets.forEach((s, i) => d.add(`DataAssoc${i}`, 'subnetRouteTableAssociation', { subnet: s, routeTable: dataRoutes }));
  const appRoutes = d.design.resources.find((r) => r.logicalId === 'AppRoutes')!.id;
  if (join === 'peering') {
    const peering = d.add('Peering', 'vpcPeering', { vpc: app.vpc, peerVpc: data.vpc });
    d.add('ToData', 'route', { routeTable: appRoutes, destination: '10.0.0.0/16', peering });
    d.add('ToApp', 'route', { routeTable: dataRoutes, destination: '10.1.0.0/16', peering });
  }
  if (join === 'transit-gateway') {
    const tgw = d.add('Hub', 'transitGateway', {});
    d.add('AppAttachment', 'transitGatewayAttachment', { transitGateway: tgw, vpc: app.vpc, subnets: app.subnets });
    d.add('DataAttachment', 'transitGatewayAttachment', { transitGateway: tgw, vpc: data.vpc, subnets: data.subnets });
    d.add('AppToHub', 'route', { routeTable: appRoutes, destination: '10.0.0.0/8', transitGateway: tgw });
    d.add('DataToHub', 'route', { routeTable: dataRoutes, destination: '10.0.0.0/8', transitGateway: tgw });
  }
  return d.design;
}

const mix = { static: 0.5, read: 0.4, write: 0.1 };

describe('reaching a database in another VPC', () => {
  it('fails every dynamic request from an unconnected VPC of the same region, and says why', () => {
    const world = createWorld(twoVpcs('none'), scenario({ mix }), 1);
    expect(world.topo.warnings.map(warningSentence).some((w) => w.includes('cannot reach database data/Db'))).toBe(true);
    runUntil(world, 60);
    // Static requests need no database; reads and writes fail.
    expect(world.last.failed / world.last.requests).toBeCloseTo(0.5, 1);
    expect(world.state.dbCpu[0]).toBe(0);
  });

  it('serves them through a peering, and through a Transit Gateway at its per-GB price', () => {
    for (const join of ['peering', 'transit-gateway'] as const) {
      const world = createWorld(twoVpcs(join), scenario({ mix }), 1);
      expect(world.topo.warnings.map(warningSentence).filter((w) => w.includes('data/Db'))).toEqual([]);
      runUntil(world, 60);
      expect(world.state.tally[T_FAILED]).toBe(0);
      expect(world.state.dbCpu[0]).toBeGreaterThan(0);
    }
    const peered = createWorld(twoVpcs('peering'), scenario({ mix }), 1);
    const hub = createWorld(twoVpcs('transit-gateway'), scenario({ mix }), 1);
    runUntil(peered, 600);
    runUntil(hub, 600);
    expect(hub.state.tally[T_COST_TRANSFER]).toBeGreaterThan(peered.state.tally[T_COST_TRANSFER]!);
  });

  it('assumes a public endpoint for a database in another region', () => {
    const r = runScenario(twoVpcs('none', 'us-west-2'), scenario({ mix, durationS: 600 }), { seed: 1 });
    expect(r.availability).toBe(1);
    expect(r.warnings.some((w) => w.includes('in another region without peering'))).toBe(true);
  });
});
