// The health-checks-through-the-security-group level fails its naive design precisely for the security group:
// the security team's lock-down (two scripted security-group-change events at 0:20) admits the staging range, the
// naive run's targets all turn unhealthy right after it while the instances run, and nobody fixes it; a rule
// admitting the load balancer's group (or the load balancer's subnets) soon after wins.

import { describe, expect, it } from 'vitest';
import type { Design, TimedAction } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'health-checks-through-the-security-group')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);

/** The reference with its fix `atS` and admitting `cidr` (when given) instead of the load balancer's group. */
function fixing(atS: number, cidr?: string): Design {
  const actions = reference.actions.map((a): TimedAction => {
    const intent = a.intent as { type: string; rule?: Record<string, unknown> };
    if (intent.type !== 'authorize-security-group-ingress' || cidr === undefined) return { ...a, atS };
    const { sourceGroup: _group, ...rule } = intent.rule ?? {};
    return { ...a, atS, intent: { ...intent, rule: { ...rule, cidr } } };
  });
  return { ...reference, actions };
}

describe('health-checks-through-the-security-group', () => {
  const wrong = runScenario(naive, level, { seed: 1 });
  const right = runScenario(reference, level, { seed: 1 });

  it('the naive design misses recovery and availability, and only the range the lock-down admits makes it so', () => {
    expect(missed(wrong)).toEqual(['recovery', 'availability']);
    const unhealthy = wrong.timeline.find((e) => e.code === 'targetsUnhealthy');
    expect(unhealthy?.tS).toBeGreaterThanOrEqual(1200);
    expect(wrong.timeline.some((e) => e.code === 'warnTargetsClosedToLb' && e.tS === 1200)).toBe(true);
    // The lock-down is the security team's, recorded as their calls: it happens whatever the team built.
    expect(wrong.timeline.filter((e) => e.code === 'colleagueRevokedIngress' || e.code === 'colleagueAuthorizedIngress').map((e) => e.tS)).toEqual([1200, 1200]);
    // Admitting the VPC's own range (where the load balancer's nodes are) also brings the site back.
    expect(missed(runScenario(fixing(1500, '10.0.0.0/16'), level, { seed: 1 }))).toEqual([]);
    // A fix after half an hour is too late.
    expect(missed(runScenario(fixing(3000), level, { seed: 1 }))).toEqual(expect.arrayContaining(['recovery']));
  });

  it("the reference admits the load balancer's security group and wins with three stars", () => {
    expect(missed(right)).toEqual([]);
    expect(right.stars).toBe(3);
    expect(right.score).toBeGreaterThan(wrong.score);
  });
});
