// The step's fast paths for the usual design must give the same run, to the bit, as the general paths they
// shortcut: a load balancer whose edges weigh every request class alike keeps one share per edge
// (topology.lbUniformClasses), and an instance whose route bytes to its database group would all be 1 stores
// none (instRouteStart -1). Each test runs the same design twice, once with the fast path turned off by hand.

import { describe, expect, it } from 'vitest';
import { ZONE_PAIRS } from '../../../shared/sim/compile/db-routes.ts';
import { hashWorld, step } from '../../../shared/sim/index.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';

/** A web tier with a database, through a zone outage (shares move, instances are replaced). */
function world(): World {
  const { b } = webTier({ desired: 4, db: { multiAz: true } });
  const s = scenario({
    traffic: [{ area: 'north-america', baselineRps: 600 }, { area: 'europe', baselineRps: 200 }],
    durationS: 3600,
    events: [{ atS: 600, type: 'az-outage', durationS: 900, params: { zone: 'us-east-1b' } }],
  });
  return createWorld(b.design, s, 5);
}

function runBoth(fast: World, general: World): void {
  for (let k = 0; k < 3600 / 5; k++) {
    step(fast);
    step(general);
  }
  expect(fast.last).toEqual(general.last);
  expect(hashWorld(fast)).toBe(hashWorld(general));
}

describe('fast paths of the step', () => {
  it('one share per edge when every class weighs alike gives the per-class run exactly', () => {
    const fast = world();
    const general = world();
    expect([...fast.topo.lbUniformClasses]).toEqual([1]);
    general.topo.lbUniformClasses.fill(0);
    runBoth(fast, general);
  });

  it('an instance without route bytes reads as one whose bytes are all 1', () => {
    const fast = world();
    const general = world();
    const t = general.topo;
    expect([...fast.topo.instRouteStart].every((at) => at === -1)).toBe(true);
    // Give every instance slot with a group its block of 1s, as the compiler did before the shortcut.
    const starts = new Int32Array(t.instCount).fill(-1);
    let bytes = 0;
    for (let i = 0; i < t.instCount; i++) {
      const g = t.instDbGroup[i]!;
      if (g < 0) continue;
      starts[i] = bytes;
      bytes += (t.groupMemberStart[g + 1]! - t.groupMemberStart[g]!) * ZONE_PAIRS;
    }
    expect(bytes).toBeGreaterThan(0);
    Object.assign(t, { instRouteStart: starts, instRoutes: new Uint8Array(bytes).fill(1) });
    runBoth(fast, general);
  });
});
