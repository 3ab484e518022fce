// A colleague's hand change to a security group (event security-group-change, shared/sim/colleague.ts) and the
// time to recovery it starts (shared/sim/recovery.ts): the change goes through the security group rules, is
// recorded as that user's call with its request parameters, and what it breaks is measured until restored.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import type { Scenario } from '../../../shared/scenario/schema.ts';
import { runScenario } from '../../../shared/sim/index.ts';
import { timeToRecoveryS } from '../../../shared/sim/recovery.ts';
import { RC_BROKEN, RC_CHANGED, RC_RESTORED, RECOVERY_FIELDS } from '../../../shared/sim/state.ts';
import { allScenarios, loadAssetDesign } from '../campaign/files.ts';

const level = allScenarios().find((s) => s.id === 'who-closed-the-port')!;
const reference = loadAssetDesign(level.solutions!.reference);
const noFix: Design = { ...reference, actions: [] };
const drawn = level.random[0]!.event as Extract<Scenario['events'][number], { type: 'security-group-change' }>;

/** The level with the colleague's change at a fixed time, with `params` changed. */
function changeAt(atS: number, params: Partial<typeof drawn.params> = {}): Scenario {
  return { ...level, random: [], events: [{ ...drawn, atS, params: { ...drawn.params, ...params } }] };
}
const recoveryOf = (r: ReturnType<typeof runScenario>) => r.objectives.find((o) => o.metric === 'timeToRecoveryS')!.value;

describe("a colleague's security group change", () => {
  it('revokes the rule through the security groups: the load balancer can no longer reach its targets', () => {
    const r = runScenario(noFix, changeAt(1200), { seed: 1 });
    const entry = r.timeline.find((e) => e.code === 'colleagueRevokedIngress')!;
    expect(entry).toMatchObject({ tS: 1200, actor: 'dana-ops', action: 'ec2:RevokeSecurityGroupIngress', resources: ['web/WebServerSecurityGroup'] });
    expect(entry.request).toEqual({
      groupId: 'web/WebServerSecurityGroup',
      ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 80, toPort: 80, groups: { items: [{ groupId: 'web/LoadBalancerSecurityGroup' }] } }] },
    });
    expect(r.timeline.some((e) => e.code === 'warnTargetsClosedToLb' && e.tS === 1200)).toBe(true);
    expect(r.timeline.some((e) => e.code === 'targetsUnhealthy' && e.tS > 1200)).toBe(true);
    // Broken from 1200 to the end of the run.
    expect(recoveryOf(r)).toBe(level.durationS - 1200);
  });

  it('changes nothing when the group lacks the rule (EC2 would refuse the call): no entry, no time to recovery', () => {
    const r = runScenario(noFix, changeAt(1200, { rule: { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' } }), { seed: 1 });
    expect(r.timeline.some((e) => e.code === 'colleagueRevokedIngress')).toBe(false);
    expect(recoveryOf(r)).toBe(0);
    expect(r.availability).toBeGreaterThan(0.999);
  });

  it('authorizing a harmless rule is recorded but breaks nothing, so recovery takes no time', () => {
    const r = runScenario(noFix, changeAt(1200, { change: 'authorize', rule: { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' } }), { seed: 1 });
    expect(r.timeline.find((e) => e.code === 'colleagueAuthorizedIngress')).toMatchObject({ actor: 'dana-ops', action: 'ec2:AuthorizeSecurityGroupIngress' });
    expect(recoveryOf(r)).toBe(0);
  });

  it('a manifest action timed after the event follows it wherever it falls; without such an event it is skipped', () => {
    const r = runScenario(reference, changeAt(3000), { seed: 1 });
    expect(r.timeline.find((e) => e.code === 'actionAuthorizeIngress')!.tS).toBe(3240);
    expect(recoveryOf(r)).toBe(240);
    const none = runScenario(reference, { ...level, random: [] }, { seed: 1 });
    expect(none.timeline.some((e) => e.code === 'actionAuthorizeIngress')).toBe(false);
    expect(none.warnings.some((w) => w.includes('security-group-change'))).toBe(true);
  });
});

describe('time to recovery', () => {
  const rc = (changed: number, broken: number, restored: number) => {
    const a = new Float64Array(RECOVERY_FIELDS);
    a[RC_CHANGED] = changed;
    a[RC_BROKEN] = broken;
    a[RC_RESTORED] = restored;
    return a;
  };
  it('is the time from broken to restored (times kept plus one), 0 when nothing broke, until now when never restored', () => {
    expect(timeToRecoveryS(rc(1001, 1011, 1251), 7200)).toBe(240);
    expect(timeToRecoveryS(rc(1001, 0, 0), 7200)).toBe(0);
    expect(timeToRecoveryS(rc(0, 0, 0), 7200)).toBe(0);
    expect(timeToRecoveryS(rc(1001, 1011, 0), 7200)).toBe(6190);
  });
});
