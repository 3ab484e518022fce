// Routing algorithms and sticky sessions inside one target group, each changing an outcome with unequal targets.

import { describe, expect, it } from 'vitest';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { FAILED } from '../../../shared/sim/constants.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { offeredTo, runUntil, slotsOf } from './probes.ts';

type TgProps = ResourceOfKind<'targetGroup'>['props'];

/** Static instances behind one ALB target group with the given settings and slow health checks (90 s to notice). */
function pool(types: string[], settings: Partial<TgProps>, rps: number): World {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const targets = types.map((t, i) => d.instance(`T${i}`, net.subnets[i % 2]!, t));
  const tg = d.targetGroup('Tg', targets, { intervalS: 30, unhealthyThreshold: 3 });
  Object.assign(d.design.resources[tg]!.props, settings);
  d.loadBalancer('Lb', net.subnets, [tg]);
  return createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: rps }], durationS: 7200 }), 2);
}

/** Failed requests from `from` to `to` seconds when target T0 dies at `from`. */
function failedAfterDeath(world: World, from: number, to: number): number {
  runUntil(world, from);
  world.state.instState[slotsOf(world, 'T0')[0]!] = FAILED;
  let failed = 0;
  runUntil(world, to, () => (failed += world.last.failed));
  return failed;
}

describe('routing algorithms', () => {
  it('least outstanding requests keeps a small target out of overload where round robin sheds', () => {
    // c5.large and c5.2xlarge: round robin gives each half, more than the small one can take.
    const rr = pool(['c5.large', 'c5.2xlarge'], {}, 900);
    const lor = pool(['c5.large', 'c5.2xlarge'], { algorithm: 'least_outstanding_requests' }, 900);
    step(rr);
    step(lor);
    expect(rr.last.shed).toBeGreaterThan(0);
    expect(lor.last.shed).toBe(0);
  });

  it('weighted random with anomaly mitigation routes away from a failing target before the health checks do', () => {
    const settings = (anomalyMitigation: boolean): Partial<TgProps> => ({ algorithm: 'weighted_random', anomalyMitigation });
    const plain = failedAfterDeath(pool(['m5.large', 'm5.large', 'm5.large'], settings(false), 300), 60, 150);
    const mitigated = failedAfterDeath(pool(['m5.large', 'm5.large', 'm5.large'], settings(true), 300), 60, 150);
    const roundRobin = failedAfterDeath(pool(['m5.large', 'm5.large', 'm5.large'], {}, 300), 60, 150);
    // Without mitigation weighted random spreads like round robin: a third fails until the checks notice.
    expect(plain).toBeCloseTo(roundRobin, 6);
    expect(mitigated).toBeLessThan(plain * 0.4);
  });
});

describe('sticky sessions', () => {
  const sticky: Partial<TgProps> = { stickiness: true, stickinessType: 'lb_cookie', stickinessDurationS: 86400 };

  it('a target that comes back keeps few users for a while: load spreads unevenly', () => {
    const spread = (settings: Partial<TgProps>) => {
      const world = pool(['m5.large', 'm5.large'], settings, 200);
      runUntil(world, 60);
      const t0 = slotsOf(world, 'T0')[0]!;
      world.state.instHealthy[t0] = 0; // out of service (health checks failed it) …
      runUntil(world, 120);
      world.state.instHealthy[t0] = 1; // … and back
      runUntil(world, 180);
      return offeredTo(world, t0) / offeredTo(world, slotsOf(world, 'T1')[0]!);
    };
    expect(spread({})).toBeCloseTo(1, 6);
    expect(spread(sticky)).toBeLessThan(0.2);
  });

  it('a sticky target that fails fails its users until the health checks re-assign them: the more users it kept, the more fail', () => {
    // T0 was out of service for a minute, so with stickiness T1 kept nearly every user; then T1 dies.
    const run = (settings: Partial<TgProps>) => {
      const world = pool(['m5.large', 'm5.large'], settings, 200);
      runUntil(world, 60);
      const t0 = slotsOf(world, 'T0')[0]!;
      const t1 = slotsOf(world, 'T1')[0]!;
      world.state.instHealthy[t0] = 0;
      runUntil(world, 120);
      world.state.instHealthy[t0] = 1;
      runUntil(world, 180);
      world.state.instState[t1] = FAILED;
      let failed = 0;
      runUntil(world, 300, () => (failed += world.last.failed));
      // Re-assigned once the checks failed it: nothing fails any more, and T0 takes everything.
      const after = world.last.failed;
      return { failed, after, t1Share: offeredTo(world, t1) };
    };
    const plain = run({});
    const kept = run(sticky);
    expect(kept.failed).toBeGreaterThan(plain.failed * 1.5);
    expect(kept.after).toBe(0);
    expect(kept.t1Share).toBe(0);
  });
});
