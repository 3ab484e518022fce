import { describe, expect, it } from 'vitest';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

/** One load balancer per region, all answering one name by the given policy. */
function regions(policy: 'weighted' | 'latency' | 'simple', codes: string[], weights: number[] = []): World {
  const d = designBuilder();
  const lbs = codes.map((region) => {
    d.stack(region, region);
    const net = d.network('Main', region, ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.group('Web', net.subnets, [tg], { desired: 4 });
    return d.loadBalancer('Lb', net.subnets, [tg]);
  });
  d.stack('global', 'us-east-1');
  lbs.forEach((lb, i) =>
    d.record(`Record${i}`, lb, { policy, setIdentifier: codes[i], weight: weights[i] ?? 1, ...(policy === 'latency' ? { region: codes[i] } : {}) }),
  );
  const s = scenario({
    traffic: [
      { area: 'north-america', baselineRps: 200 },
      { area: 'europe', baselineRps: 100 },
    ],
  });
  return createWorld(d.design, s, 1);
}

describe('Route 53 routing policies', () => {
  it('weighted records split users by weight', () => {
    const world = regions('weighted', ['us-east-1', 'us-west-2'], [3, 1]);
    step(world);
    const east = world.scratch.lbRequests[0]!;
    const west = world.scratch.lbRequests[1]!;
    expect(east / (east + west)).toBeCloseTo(0.75, 9);
  });

  it('latency records send each area to its nearest region', () => {
    const world = regions('latency', ['us-east-1', 'eu-west-1']);
    step(world);
    const east = world.scratch.lbRequests[0]!;
    const europe = world.scratch.lbRequests[1]!;
    // North America (200 rps) to us-east-1, Europe (100 rps) to eu-west-1.
    expect(east / europe).toBeGreaterThan(1.8);
    expect(east / europe).toBeLessThan(2.2);
    expect(world.last.latencyP50Ms).toBeLessThan(80);
  });

  it('a region far from its users is slower than a near one', () => {
    const near = regions('simple', ['us-east-1']);
    const far = regions('simple', ['ap-southeast-1']);
    step(near);
    step(far);
    expect(far.last.latencyP95Ms).toBeGreaterThan(near.last.latencyP95Ms + 100);
  });
});

describe('inter-region degradation', () => {
  it('slows and breaks calls from one region to a database in another', () => {
    const d = designBuilder();
    let primary = -1;
    for (const region of ['us-east-1', 'us-west-2']) {
      d.stack(region, region);
      const net = d.network('Main', region, ['a', 'b']);
      const tg = d.targetGroup('Targets');
      d.group('Web', net.subnets, [tg], { desired: 4 });
      d.loadBalancer('Lb', net.subnets, [tg]);
      if (primary < 0) primary = d.database('Db', net.subnets, { multiAz: true });
    }
    // Users enter in us-west-2, whose instances use the database in us-east-1.
    const lb = d.design.resources.findLastIndex((r) => r.kind === 'loadBalancer');
    d.stack('global', 'us-east-1');
    d.record('Www', lb, {});
    const s = scenario({
      events: [{ type: 'inter-region-degradation', atS: 300, durationS: 300, params: { addedMs: 100, lossPct: 5 } }],
    });
    const world = createWorld(d.design, s, 1);
    runUntil(world, 295);
    const before = { ...world.last };
    runUntil(world, 305);
    expect(world.last.latencyP95Ms).toBeGreaterThan(before.latencyP95Ms + 150);
    expect(world.last.failed).toBeGreaterThan(0);
    expect(before.failed).toBe(0);
  });
});
