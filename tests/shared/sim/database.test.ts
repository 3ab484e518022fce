import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { now, runUntil } from './probes.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';

const OUTAGE_AT = 600;
const FAILOVER_S = catalogue.database.failoverS.value;

/** Instances in zones a and c; the database's primary in zone b, which goes dark for 20 minutes. */
function dbInDarkZone(multiAz: boolean): World {
  const d = designBuilder();
  d.stack('app', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b', 'c']);
  const tg = d.targetGroup('Targets');
  d.loadBalancer('Lb', [net.subnets[0]!, net.subnets[2]!], [tg]);
  d.group('Web', [net.subnets[0]!, net.subnets[2]!], [tg], { desired: 4 });
  d.database('Db', net.subnets, { multiAz, zone: 'us-east-1b' });
  const s = scenario({
    durationS: 3600,
    events: [{ type: 'az-outage', atS: OUTAGE_AT, durationS: 1200, params: { zone: 'us-east-1b' } }],
  });
  return createWorld(d.design, s, 2);
}

/** Share of requests served in the step starting at each time. */
function servedShares(world: World, until: number): Map<number, number> {
  const out = new Map<number, number>();
  runUntil(world, until, (t) => out.set(t, world.last.served / world.last.requests));
  return out;
}

describe('databases', () => {
  it('a Multi-AZ database survives an AZ outage after its failover time', () => {
    const shares = servedShares(dbInDarkZone(true), 1500);
    // Static requests still work; dynamic ones fail while it fails over (50% of the mix is dynamic).
    expect(shares.get(OUTAGE_AT)!).toBeCloseTo(0.5, 1);
    expect(shares.get(OUTAGE_AT + FAILOVER_S - 5)!).toBeCloseTo(0.5, 1);
    expect(shares.get(OUTAGE_AT + FAILOVER_S)!).toBe(1);
    expect(shares.get(1400)!).toBe(1);
  });

  it('a single-AZ database is down with its AZ', () => {
    const world = dbInDarkZone(false);
    const shares = servedShares(world, 1900);
    expect(shares.get(OUTAGE_AT + FAILOVER_S)!).toBeCloseTo(0.5, 1);
    expect(shares.get(OUTAGE_AT + 1195)!).toBeCloseTo(0.5, 1);
    // Back after the zone returns and the database restarts.
    expect(shares.get(OUTAGE_AT + 1200 + catalogue.database.rebootS.value)!).toBe(1);
    expect(world.timeline.some((e) => /app\/Db is down with us-east-1b \(single-AZ\)/.test(timelineSentence(e)))).toBe(true);
  });

  function scaleUp(multiAz: boolean) {
    const d = designBuilder();
    d.stack('app', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.loadBalancer('Lb', net.subnets, [tg]);
    d.group('Web', net.subnets, [tg], { desired: 2 });
    d.database('Db', net.subnets, { multiAz, instanceClass: 'db.t3.medium', zone: 'us-east-1a' });
    const world = createWorld(d.design, scenario(), 4);
    runUntil(world, 300);
    expect(applyAction(world, { type: 'modify-db-class', logicalId: 'Db', instanceClass: 'db.r6g.xlarge' })).toEqual({ ok: true });
    const shares = servedShares(world, 1200);
    return { world, shares };
  }

  it('a scaled-up single-AZ database is down while it restarts', () => {
    const { world, shares } = scaleUp(false);
    const restart = catalogue.database.classChangeRestartS.value;
    expect(shares.get(300)!).toBeCloseTo(0.5, 1);
    expect(shares.get(300 + restart - 5)!).toBeCloseTo(0.5, 1);
    expect(shares.get(300 + restart)!).toBe(1);
    expect(world.topo.classNames[world.state.dbClass[0]!]).toBe('db.r6g.xlarge');
  });

  it('a scaled-up Multi-AZ database is down only for a failover', () => {
    const { shares } = scaleUp(true);
    expect(shares.get(300)!).toBeCloseTo(0.5, 1);
    expect(shares.get(300 + FAILOVER_S)!).toBe(1);
  });

  it('refuses a class change that is not in the catalogue, or to the same class', () => {
    const d = designBuilder();
    d.stack('app', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a']);
    d.database('Db', net.subnets, { instanceClass: 'db.t3.medium' });
    const world = createWorld(d.design, scenario(), 1);
    expect(applyAction(world, { type: 'modify-db-class', logicalId: 'Db', instanceClass: 'db.x9.huge' })).toMatchObject({ ok: false, code: 'unknown-class' });
    expect(applyAction(world, { type: 'modify-db-class', logicalId: 'Db', instanceClass: 'db.t3.medium' })).toMatchObject({ ok: false, code: 'same-class' });
  });

  it('a promoted cross-region replica takes the writes when the primary region is down', () => {
    const d = designBuilder();
    const lbs: number[] = [];
    let primary = -1;
    for (const region of ['us-east-1', 'us-west-2']) {
      d.stack(region, region);
      const net = d.network('Main', region, ['a', 'b']);
      const tg = d.targetGroup('Targets');
      lbs.push(d.loadBalancer('Lb', net.subnets, [tg]));
      d.group('Web', net.subnets, [tg], { desired: 3 });
      primary = d.database(region === 'us-east-1' ? 'Primary' : 'Replica', net.subnets, primary >= 0 ? { source: primary } : { multiAz: true });
    }
    d.stack('global', 'us-east-1');
    d.accelerator('Accelerator', [
      { region: 'us-east-1', endpoints: [lbs[0]!] },
      { region: 'us-west-2', endpoints: [lbs[1]!] },
    ]);
    const s = scenario({ events: [{ type: 'region-outage', atS: 300, durationS: 3000, params: { region: 'us-east-1' } }] });
    const world = createWorld(d.design, s, 9);
    const shares = servedShares(world, 600);
    // Writes (10% of the mix) fail: the writer is in the dark region.
    expect(shares.get(590)!).toBeCloseTo(0.9, 2);
    expect(applyAction(world, { type: 'promote-replica', stack: 'us-west-2', logicalId: 'Replica' })).toEqual({ ok: true });
    const after = servedShares(world, 600 + catalogue.database.promoteReplicaS.value + 10);
    expect(after.get(600)!).toBeCloseTo(0.9, 2);
    expect(after.get(now(world) - 5)!).toBe(1);
  });
});
