// The who-closed-the-port level: a colleague (dana-ops) revokes the web servers' rule from the load balancer's
// security group at a seeded time, and the team wins by putting it back fast. The reference re-authorizes it four
// minutes after the change, the naive half an hour after; a team that never does misses too; the objective that
// decides it is time to recovery, measured from the broken service to the restored one.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, campaign, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'who-closed-the-port')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);
const recovery = (r: RunResult) => r.objectives.find((o) => o.metric === 'timeToRecoveryS')!.value;
const changedAt = (r: RunResult) => r.timeline.find((e) => e.code === 'colleagueRevokedIngress')!.tS;
/** The reference's fix made `delayS` after the change instead. */
const fixingAfter = (delayS: number): Design => ({ ...reference, actions: reference.actions.map((a) => ({ ...a, atS: delayS })) });

describe('who-closed-the-port', () => {
  const right = runScenario(reference, level, { seed: 1 });
  const wrong = runScenario(naive, level, { seed: 1 });

  it('is campaign level 27, before the finale', () => {
    expect(level.campaign?.order).toBe(27);
    expect(campaign().at(-1)?.id).toBe('black-friday-in-three-regions');
  });

  it('has dana-ops revoke the rule at a time the seed draws inside the window, as that user, breaking the site', () => {
    const times = [1, 2, 3, 4].map((seed) => changedAt(runScenario(naive, level, { seed })));
    for (const t of times) expect(t >= 1800 && t <= 5400).toBe(true);
    expect(new Set(times).size).toBeGreaterThan(1);
    const change = right.timeline.find((e) => e.code === 'colleagueRevokedIngress')!;
    expect(change).toMatchObject({ actor: 'dana-ops', action: 'ec2:RevokeSecurityGroupIngress', resources: ['web/WebServerSecurityGroup'] });
    // The targets' security group no longer admits the load balancer: every target turns unhealthy.
    expect(wrong.timeline.some((e) => e.code === 'targetsUnhealthy' && e.tS >= change.tS)).toBe(true);
  });

  it('the reference re-authorizes the rule four minutes after the change and wins with three stars', () => {
    expect(missed(right)).toEqual([]);
    expect(recovery(right)).toBe(240);
    expect(right.stars).toBe(3);
    expect(right.timeline.find((e) => e.code === 'actionAuthorizeIngress')!.tS).toBe(changedAt(right) + 240);
  });

  it('the naive fix half an hour later misses time to recovery, and no fix at all misses it by the rest of the run', () => {
    expect(recovery(wrong)).toBe(1800);
    expect(missed(wrong)).toContain('recovery');
    expect(wrong.score).toBeLessThan(right.score);
    const never = runScenario({ ...reference, actions: [] }, level, { seed: 1 });
    expect(recovery(never)).toBe(level.durationS - changedAt(never));
    expect(missed(never)).toEqual(expect.arrayContaining(['recovery', 'availability']));
  });

  it('a faster fix recovers faster and scores higher; a fix inside the target but slow earns fewer stars', () => {
    const fast = runScenario(fixingAfter(60), level, { seed: 1 });
    // Not 60: the group (ELB health checks) has already replaced the unreachable instances, and the new ones boot.
    expect(recovery(fast)).toBeLessThan(recovery(right));
    expect(recovery(fast)).toBeGreaterThanOrEqual(60);
    expect(fast.score).toBeGreaterThan(right.score);
    const slow = runScenario(fixingAfter(540), level, { seed: 1 });
    expect(missed(slow)).toEqual([]);
    expect(slow.stars).toBeLessThan(3);
    expect(slow.stars).toBeGreaterThan(0);
  });
});
