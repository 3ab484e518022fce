// Access Analyzer's two uses of CloudTrail, through the match: unused access (permissions held but not used,
// the leastPrivilege objective metric) and policy generation (a policy of exactly what a user used).
import { describe, expect, it } from 'vitest';
import { actionsUsedBy, generatePolicyFromTrail, teamPrivilegeScore, userPrivilege } from '../../../shared/iam/activity.ts';
import { findCustomerPolicy } from '../../../shared/iam/directory.ts';
import { statementsOf } from '../../../shared/iam/policy-schema.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { IamOp, MatchIntent } from '../../../shared/match/intents.ts';
import { simSeconds } from '../../../shared/match/match.ts';
import { teamStanding } from '../../../shared/match/team-standing.ts';
import { scoreRun } from '../../../shared/score/index.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

const iam = (request: IamOp): MatchIntent => ({ type: 'iam', request });

function builderMatch() {
  const match = testMatch();
  const root = host();
  applyIntent(match, root, iam({ op: 'createUser', name: 'ana' }), 0);
  applyIntent(match, root, iam({ op: 'addToGroup', member: 'ana', group: 'Builders' }), 0);
  const ana = user('ana');
  expect(applyIntent(match, ana, { type: 'createStack', stack: 'spare', region: 'us-east-1' }, 0).ok).toBe(true);
  expect(applyIntent(match, ana, { type: 'createResource', stack: 'spare', kind: 'bucket', logicalId: 'Static', props: { websiteHosting: true } }, 0).ok).toBe(true);
  // A refused call is not a used permission.
  expect(applyIntent(match, ana, iam({ op: 'createUser', name: 'eve' }), 0).ok).toBe(false);
  return match;
}

describe('unused access from CloudTrail', () => {
  it("lists the user's successful calls as IAM actions, and leaves refused ones out", () => {
    const match = builderMatch();
    expect(actionsUsedBy(match.trail, 'ana')).toEqual(['cloudformation:CreateStack', 's3:CreateBucket']);
  });

  it('finds PowerUserAccess mostly unused, and scores a user whose grant matches their use at 1', () => {
    const match = builderMatch();
    const report = userPrivilege(match.directory, match.trail, 'ana', simSeconds(match));
    expect(report.used).toEqual(['s3:CreateBucket', 'cloudformation:CreateStack'].sort((a, b) => report.granted.indexOf(a) - report.granted.indexOf(b)));
    expect(report.unused).toContain('ec2:RunInstances');
    expect(report.score).toBeLessThan(0.1);
    expect(teamPrivilegeScore(match.directory, match.trail, 'red', simSeconds(match))).toBe(report.score);
    // The team's standing carries it as the leastPrivilege metric.
    expect(teamStanding(match, match.teams[0]!).measures.leastPrivilege).toBe(report.score);

    // Swap the broad grant for the generated policy: everything held is used.
    const root = host();
    expect(applyIntent(match, root, iam({ op: 'generatePolicy', user: 'ana', name: 'AnaGenerated' }), 0).ok).toBe(true);
    applyIntent(match, root, iam({ op: 'removeFromGroup', user: 'ana', group: 'Builders' }), 0);
    applyIntent(match, root, iam({ op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'customer', name: 'AnaGenerated' } }), 0);
    expect(userPrivilege(match.directory, match.trail, 'ana', simSeconds(match)).score).toBe(1);
    expect(teamStanding(match, match.teams[0]!).measures.leastPrivilege).toBe(1);
  });

  it('is an objective metric: absent (no players) counts as 1, and a low figure misses a >= target', () => {
    const rules = { latencyObjectiveMs: 200, budgetUsd: 100, stars: [1, 2, 3] as [number, number, number], objectives: [{ id: 'lp', primary: true, metric: 'leastPrivilege' as const, comparison: '>=' as const, target: 0.8 }] };
    const base = { requests: 10, served: 10, latencyP50Ms: 10, latencyP95Ms: 10, latencyP99Ms: 10, costUsd: 1, revenueUsd: 0 };
    expect(scoreRun(base, rules).objectives[0]).toMatchObject({ value: 1, met: true });
    expect(scoreRun({ ...base, leastPrivilege: 0.3 }, rules)).toMatchObject({ stars: 0, objectives: [{ value: 0.3, met: false }] });
  });
});

describe('policy generation from CloudTrail', () => {
  it('grants exactly the actions used, one statement per service, and is saved as a customer policy', () => {
    const match = builderMatch();
    const generated = generatePolicyFromTrail(match.trail, 'ana');
    if (!generated.ok) throw new Error(generated.message);
    expect(statementsOf(generated.document)).toEqual([
      { Sid: 'CloudformationUsed', Effect: 'Allow', Action: 'cloudformation:CreateStack', Resource: '*' },
      { Sid: 'S3Used', Effect: 'Allow', Action: 's3:CreateBucket', Resource: '*' },
    ]);
    expect(applyIntent(match, host(), iam({ op: 'generatePolicy', user: 'ana', name: 'AnaGenerated' }), 0).ok).toBe(true);
    expect(findCustomerPolicy(match.directory, 'AnaGenerated')?.document).toEqual(generated.document);
    expect(match.trail[match.trail.length - 1]).toMatchObject({ eventSource: 'access-analyzer.amazonaws.com', eventName: 'StartPolicyGeneration', outcome: 'Success' });
  });

  it('refuses a user with no activity, an unknown user, a taken name, and a caller without iam:CreatePolicy; nothing changes', () => {
    const match = builderMatch();
    const root = host();
    applyIntent(match, root, iam({ op: 'createUser', name: 'idle' }), 0);
    const before = JSON.stringify(match.directory);
    expect(applyIntent(match, root, iam({ op: 'generatePolicy', user: 'idle', name: 'P1' }), 0)).toMatchObject({ ok: false, refusal: { code: 'no-activity' } });
    expect(applyIntent(match, root, iam({ op: 'generatePolicy', user: 'ghost', name: 'P1' }), 0)).toMatchObject({ ok: false, refusal: { code: 'no-such-user' } });
    // PowerUserAccess holds access-analyzer:* but no iam:*: the policy cannot be saved.
    expect(applyIntent(match, user('ana'), iam({ op: 'generatePolicy', user: 'ana', name: 'Mine' }), 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('iam:CreatePolicy') } });
    expect(JSON.stringify(match.directory)).toBe(before);
    expect(applyIntent(match, root, iam({ op: 'generatePolicy', user: 'ana', name: 'Taken' }), 0).ok).toBe(true);
    expect(applyIntent(match, root, iam({ op: 'generatePolicy', user: 'ana', name: 'Taken' }), 0)).toMatchObject({ ok: false, refusal: { code: 'already-exists' } });
  });
});
