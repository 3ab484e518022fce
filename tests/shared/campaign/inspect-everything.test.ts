// The inspect-everything level fails its naive design precisely for the lone firewall appliance: without the host
// retirement both designs pass; with it, the single appliance takes every request down (a Gateway Load Balancer
// does not fail open), while the Auto Scaling group across two zones loses only the dead appliance's flows until the
// health check takes it out. Routing around the appliances keeps the requests flowing and misses the security
// team's objective instead: the inspectedShare objective is what asks for the appliances at all.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'inspect-everything')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);
const value = (r: RunResult, id: string) => r.objectives.find((o) => o.id === id)!.value;

/** The reference with the front subnets' default routes sent to the internet gateway: the appliances are bypassed. */
function bypassing(design: Design): Design {
  const copy = structuredClone(design);
  const igw = copy.resources.find((r) => r.kind === 'internetGateway')!.id;
  for (const r of copy.resources) {
    if (r.kind === 'route' && r.props.otherTarget !== undefined) {
      delete r.props.otherTarget;
      r.props.gateway = igw;
    }
  }
  return copy;
}

describe('inspect-everything', () => {
  const lone = runScenario(naive, level, { seed: 1 });
  const fleet = runScenario(reference, level, { seed: 1 });

  it('without the host retirement both designs pass: the naive one fails only because its one appliance stops', () => {
    const calm = { ...level, events: level.events.filter((e) => e.type !== 'instance-failure') };
    const quiet = runScenario(naive, calm, { seed: 1 });
    expect(missed(quiet)).toEqual([]);
    expect(value(quiet, 'inspected')).toBeCloseTo(1, 9);
    expect(missed(lone)).toEqual(['inspected', 'availability']);
    // From 0:40 nothing passes: a third of the run is all that was served and inspected.
    const before = level.events.find((e) => e.type === 'instance-failure')!.atS / level.durationS;
    expect(lone.availability).toBeCloseTo(before, 2);
    expect(lone.stars).toBe(0);
  });

  it('the fleet loses the dead appliance\'s flows for one health check, inspects everything, and wins', () => {
    expect(missed(fleet)).toEqual([]);
    expect(1 - fleet.availability).toBeGreaterThan(0);
    expect(1 - fleet.availability).toBeLessThan(0.005);
    expect(value(fleet, 'inspected')).toBeGreaterThan(0.99);
    expect(fleet.timeline.some((e) => e.kind === 'scaling' && e.tS >= 2400)).toBe(true);
    expect(fleet.stars).toBe(3);
  });

  it('routed around the appliances, every request is served and none inspected: the security objective fails', () => {
    const open = runScenario(bypassing(reference), level, { seed: 1 });
    expect(value(open, 'inspected')).toBe(0);
    expect(missed(open)).toEqual(['inspected']);
  });
});
