// Campaign 28, mfa-against-leaked-keys, played through the room's rules (shared/match/run-match.ts): a Deny on
// requests without MFA (BoolIfExists) stops the leaked access key while Mina, with a virtual MFA device, keeps
// working; Bool instead of BoolIfExists leaves the key working; requiring MFA before Mina has a device locks
// her out; and least privilege, measured from CloudTrail, is met only once the policy generated from her
// activity replaces PowerUserAccess.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { findCustomerPolicy } from '../../../shared/iam/directory.ts';
import { statementsOf, asList } from '../../../shared/iam/policy-schema.ts';
import { playsAsMatch, runLevel, runScenarioInMatch, timedActionProblem } from '../../../shared/match/run-match.ts';
import { runScenario } from '../../../shared/sim/index.ts';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const scenarios = allScenarios();
const level = scenarios.find((s) => s.id === 'mfa-against-leaked-keys')!;
const reference = loadAssetDesign(level.solutions!.reference);
const naive = loadAssetDesign(level.solutions!.naive);

const launchesBy = (trail: readonly TrailEvent[], user: string) => trail.filter((e) => e.principal.name === user && e.eventName === 'RunInstances');
const callsOf = (trail: readonly TrailEvent[], user: string, name: string) =>
  trail.filter((e) => e.principal.type === 'IAMUser' && e.principal.name === user && e.eventName === name && e.userIdentity);
const objective = (r: { objectives: { id: string; met: boolean; value: number }[] }, id: string) => r.objectives.find((o) => o.id === id)!;

/** The reference with some of its actions taken out or changed. */
function edited(change: (actions: Design['actions']) => Design['actions']): Design {
  const copy = structuredClone(reference);
  copy.actions = change(copy.actions);
  return copy;
}
const isOp = (op: string) => (a: Design['actions'][number]) => (a.intent as { request?: { op?: string } }).request?.op === op;

describe('MFA and least privilege against leaked keys', () => {
  it('is campaign level 28, before the finale, and names players in its proofs', () => {
    expect(level.campaign?.order).toBe(28);
    expect(scenarios.find((s) => s.id === 'black-friday-in-three-regions')!.campaign?.order).toBe(29);
    expect(playsAsMatch(reference) && playsAsMatch(naive)).toBe(true);
  });

  it('requiring MFA with BoolIfExists stops the leaked key; Mina, with a virtual MFA device, keeps working', () => {
    const { result, match } = runScenarioInMatch(reference, level, { seed: 1 });
    expect(result.warnings.filter((w) => w.includes('refused'))).toEqual([]);
    // Two launches of three before the fix at 0:55, none after.
    const launches = launchesBy(match.trail, 'mina');
    expect(launches.map((e) => e.simS)).toEqual([2400, 3000]);
    // Mina terminated what the key launched, and scaled the web tier at 2:00, long after MFA was required.
    expect(callsOf(match.trail, 'mina', 'TerminateInstances').filter((e) => e.outcome === 'Success')).toHaveLength(6);
    expect(callsOf(match.trail, 'mina', 'SetDesiredCapacity').map((e) => [e.simS, e.outcome])).toEqual([
      [600, 'Success'],
      [7200, 'Success'],
    ]);
    expect(objective(result, 'budget').met).toBe(true);
    expect(objective(result, 'least-privilege')).toMatchObject({ met: true, value: 1 });
    expect(result.stars).toBe(3);
  });

  it('Bool instead of BoolIfExists misses the key, which carries no MFA key at all: it goes on launching', () => {
    const { result, match } = runScenarioInMatch(naive, level, { seed: 1 });
    expect(launchesBy(match.trail, 'mina').length).toBeGreaterThan(10);
    expect(objective(result, 'budget').met).toBe(false);
    // The same policy with BoolIfExists, in the naive's own day, does stop it.
    const fixed = structuredClone(naive);
    for (const a of fixed.actions) {
      const request = (a.intent as { request?: { op?: string; document?: { Statement: { Condition?: Record<string, unknown> }[] } } }).request;
      if (request?.op !== 'createPolicy') continue;
      const statement = request.document!.Statement[0]!;
      statement.Condition = { BoolIfExists: statement.Condition!['Bool'] };
    }
    expect(launchesBy(runScenarioInMatch(fixed, level, { seed: 1 }).match.trail, 'mina')).toHaveLength(2);
  });

  it('requiring MFA before Mina has a device locks Mina out with the key', () => {
    const { match } = runScenarioInMatch(edited((actions) => actions.filter((a) => !isOp('enableMfaDevice')(a))), level, { seed: 1 });
    expect(launchesBy(match.trail, 'mina')).toHaveLength(2);
    const terminations = callsOf(match.trail, 'mina', 'TerminateInstances');
    expect(terminations).toHaveLength(6);
    expect(terminations.every((e) => e.outcome === 'Failure' && e.errorCode === 'AccessDenied' && /explicit deny/.test(e.errorMessage ?? ''))).toBe(true);
    expect(callsOf(match.trail, 'mina', 'SetDesiredCapacity').at(-1)).toMatchObject({ simS: 7200, outcome: 'Failure' });
  });

  it("generates Mina's policy from her CloudTrail activity, the leaked key's launches included, and scores least privilege from it", () => {
    const { match } = runScenarioInMatch(reference, level, { seed: 1 });
    const generated = findCustomerPolicy(match.directory, 'MinaUsed')!;
    const actions = statementsOf(generated.document).flatMap((s) => asList(s.Action));
    // What Mina did, and what the attacker did in her name: CloudTrail cannot tell them apart.
    expect(actions.sort()).toEqual(['autoscaling:SetDesiredCapacity', 'ec2:RunInstances', 'ec2:TerminateInstances']);
    // Without the generated policy, PowerUserAccess stays mostly unused and the objective is missed.
    const broad = runLevel(edited((actions) => actions.filter((a) => !isOp('generatePolicy')(a) && !isOp('detachPolicy')(a) && (a.intent as { request?: { policy?: { name?: string } } }).request?.policy?.name !== 'MinaUsed')), level, { seed: 1 });
    expect(objective(broad, 'least-privilege').value).toBeLessThan(0.1);
    expect(objective(broad, 'least-privilege').met).toBe(false);
    expect(objective(broad, 'budget').met).toBe(true);
  });
});

describe('a level played through the room', () => {
  it('measures a design without players exactly as runScenario does', () => {
    const leaked = scenarios.find((s) => s.id === 'leaked-credentials')!;
    const design = loadAssetDesign(leaked.solutions!.reference);
    const direct = runScenario(design, leaked, { seed: 3 });
    // The same design, its run-time actions played by nobody, through the match.
    const asMatch = runScenarioInMatch(design, leaked, { seed: 3 }).result;
    expect(asMatch.hash).toBe(direct.hash);
    expect([asMatch.availability, asMatch.costUsd, asMatch.score]).toEqual([direct.availability, direct.costUsd, direct.score]);
  });

  it('reports refused and malformed player actions, and changes nothing for them', () => {
    const bad = structuredClone(reference);
    bad.actions = [
      { atS: 0, as: 'mina', intent: { type: 'iam', request: { op: 'createUser', name: 'eve' } } },
      { atS: 0, as: 'mina', intent: { type: 'setDesiredCapacity', target: 'web/WebServerGroup', desired: -1 } },
    ];
    expect(timedActionProblem(bad.actions[1]!)).toMatch(/desired/);
    expect(timedActionProblem({ atS: 0, intent: { type: 'iam' } })).toBeDefined();
    const { result, match } = runScenarioInMatch(bad, level, { seed: 1 });
    expect(result.warnings.some((w) => /as mina\) refused: AccessDenied/.test(w))).toBe(true);
    expect(result.warnings.some((w) => /action 2 at 0 s is not a valid action/.test(w))).toBe(true);
    expect(match.directory.users.map((u) => u.name)).not.toContain('eve');
  });
});
