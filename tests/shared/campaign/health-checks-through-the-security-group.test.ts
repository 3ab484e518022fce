// The health-checks-through-the-security-group level fails its naive design precisely for the security group:
// the same lock-down admitting the load balancer's group (or the load balancer's subnets) instead of the staging
// range wins, and the naive run's targets all turn unhealthy right after the lock-down while the instances run.

import { describe, expect, it } from 'vitest';
import type { Design, TimedAction } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'health-checks-through-the-security-group')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);

/** The naive design whose lock-down authorizes `cidr` instead of the staging range. */
function lockingTo(design: Design, cidr: string): Design {
  const actions = (design.actions ?? []).map((a): TimedAction => {
    const intent = a.intent as { type: string; rule?: { cidr?: string } };
    if (intent.type !== 'authorize-security-group-ingress') return a;
    return { ...a, intent: { ...intent, rule: { ...intent.rule, cidr } } };
  });
  return { ...design, actions };
}

describe('health-checks-through-the-security-group', () => {
  const wrong = runScenario(naive, level, { seed: 1 });
  const right = runScenario(reference, level, { seed: 1 });

  it('the naive design misses availability, and only the range its lock-down admits makes it so', () => {
    expect(missed(wrong)).toEqual(['availability']);
    const unhealthy = wrong.timeline.find((e) => e.code === 'targetsUnhealthy');
    expect(unhealthy?.tS).toBeGreaterThanOrEqual(1200);
    expect(wrong.timeline.some((e) => e.code === 'warnTargetsClosedToLb' && e.tS === 1200)).toBe(true);
    // The same lock-down admitting the VPC's own range (where the load balancer's nodes are) keeps the site up.
    expect(missed(runScenario(lockingTo(naive, '10.0.0.0/16'), level, { seed: 1 }))).toEqual([]);
  });

  it("the reference admits the load balancer's security group and wins with three stars", () => {
    expect(missed(right)).toEqual([]);
    expect(right.stars).toBe(3);
    expect(right.score).toBeGreaterThan(wrong.score);
  });
});
