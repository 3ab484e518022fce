import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { now, offeredTo, runUntil, slotsOf } from './probes.ts';

// An NLB keeps each connection on the target where it landed (flow hash): a target that comes into service
// gets only new connections, so it takes its share slowly; an ALB gives it its full share at once.

const BOOT = catalogue.ec2.bootS.value;
const LIFETIME = catalogue.networkLoadBalancer.connectionLifetimeS.value;

function world(lbType: 'application' | 'network') {
  const { b, lb } = webTier({ desired: 3 });
  (b.design.resources[lb]!.props as ResourceOfKind<'loadBalancer'>['props']).lbType = lbType;
  const w = createWorld(b.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 300 }] }), 1);
  runUntil(w, 1200);
  // The third instance of the group was replaced: the new one has just come into service.
  const [, , newcomer] = slotsOf(w, 'Web');
  w.state.instLaunchedAt[newcomer!] = now(w) - BOOT;
  return { w, slots: slotsOf(w, 'Web') };
}

/** The newcomer's load ÷ an established target's, after the next step. */
function ratio(lbType: 'application' | 'network'): number {
  const { w, slots } = world(lbType);
  step(w);
  return offeredTo(w, slots[2]!) / offeredTo(w, slots[0]!);
}

describe('flow-hash distribution', () => {
  it('an ALB gives a target that comes into service its full share at once', () => {
    expect(ratio('application')).toBeCloseTo(1, 9);
  });

  it("an NLB's new target gets only new connections: a small share, growing as old connections close", () => {
    expect(ratio('network')).toBeLessThan(0.05);
    const { w, slots } = world('network');
    runUntil(w, now(w) + LIFETIME / 2);
    const half = offeredTo(w, slots[2]!) / offeredTo(w, slots[0]!);
    expect(half).toBeGreaterThan(0.4);
    expect(half).toBeLessThan(0.6);
    runUntil(w, now(w) + LIFETIME);
    expect(offeredTo(w, slots[2]!) / offeredTo(w, slots[0]!)).toBeCloseTo(1, 9);
  });
});
