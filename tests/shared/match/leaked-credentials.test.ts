import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, designFromManifest } from '../../../server/assets/library.ts';
import { findUser } from '../../../shared/iam/directory.ts';
import { applyIntent, leakedUsers } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { startingDesign, startingManifest } from '../../../shared/scenario/start.ts';
import { exampleScenario, host } from '../../support/match-fixtures.ts';

// The leaked-credentials level, played through the match rules: the rogue launches appear in CloudTrail as
// the leaked user's own calls, and stop once the host takes that user's permission away.
describe('leaked credentials in a match', () => {
  it('log the rogue launches under the leaked user and stop when its policy is detached', () => {
    const scenario = exampleScenario('leaked-credentials');
    const manifest = startingManifest(scenario)!;
    const design = startingDesign(scenario, designFromManifest(join(ASSETS_DIR, manifest)).design);
    const match = createMatch({ mode: 'solo', scenario, seed: 5, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
    const [user] = leakedUsers(scenario);
    expect(user).toBe('ci-deployer');
    // The match's opening (a game rule, shared/match/create.ts) put the leaked user in the account, over-privileged.
    expect(findUser(match.directory, user!)).toBeDefined();
    const root = host('team-1');
    applyIntent(match, root, { type: 'clock', command: 'start' }, 0);
    const cursor = new Map<string, number>();
    const launches = () => match.trail.filter((e) => e.principal.name === user && e.eventName === 'RunInstances');
    while (launches().length < 2 && match.clock.phase === 'running') runTick(match, [], 60, 0, cursor);
    expect(launches()[0]).toMatchObject({ eventSource: 'ec2.amazonaws.com', principal: { type: 'IAMUser', arn: expect.stringContaining(`user/${user}`) } });
    expect(launches()[0]!.resource).toMatch(/rogue/);

    const result = applyIntent(match, root, { type: 'iam', request: { op: 'detachPolicy', from: { kind: 'user', name: user! }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }, 0);
    expect(result.ok).toBe(true);
    const seen = launches().length;
    runTick(match, [], 600, 0, cursor);
    expect(launches().length).toBe(seen);
  });

  // The timeline says what stopped the key: a policy refusing it (the key still exists) is not a revocation.
  function leakingMatch() {
    const scenario = exampleScenario('leaked-credentials');
    const design = startingDesign(scenario, designFromManifest(join(ASSETS_DIR, startingManifest(scenario)!)).design);
    const match = createMatch({ mode: 'solo', scenario, seed: 5, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
    applyIntent(match, host('team-1'), { type: 'clock', command: 'start' }, 0);
    return match;
  }
  const said = (match: ReturnType<typeof leakingMatch>) => match.teams[0]!.world.timeline.filter((e) => e.code.startsWith('keys')).map((e) => ({ code: e.code, values: e.values }));
  const iam = (request: object) => ({ type: 'iam', request }) as Parameters<typeof applyIntent>[2];

  it('says the key was refused by an explicit deny, naming the policy, and not revoked', () => {
    const match = leakingMatch();
    const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] };
    applyIntent(match, host('team-1'), iam({ op: 'createPolicy', name: 'RequireMfa', document: deny }), 0);
    expect(said(match)).toEqual([]);
    applyIntent(match, host('team-1'), iam({ op: 'attachPolicy', to: { kind: 'user', name: 'ci-deployer' }, policy: { kind: 'customer', name: 'RequireMfa' } }), 0);
    expect(said(match)).toEqual([{ code: 'keysDeniedByPolicy', values: { user: 'ci-deployer', policy: 'RequireMfa' } }]);
  });

  it('says no policy allows the key any more once its permission is detached, and revoked once its user is deleted', () => {
    const detached = leakingMatch();
    applyIntent(detached, host('team-1'), iam({ op: 'detachPolicy', from: { kind: 'user', name: 'ci-deployer' }, policy: { kind: 'managed', name: 'PowerUserAccess' } }), 0);
    expect(said(detached)).toEqual([{ code: 'keysNoLongerAllowed', values: { user: 'ci-deployer' } }]);
    const deleted = leakingMatch();
    applyIntent(deleted, host('team-1'), iam({ op: 'deleteUser', name: 'ci-deployer' }), 0);
    expect(said(deleted).map((e) => e.code)).toEqual(['keysRevokedStopping']);
  });

  it('refuses components the scenario does not offer', () => {
    const scenario = exampleScenario('one-web-server');
    expect(scenario.allowedKinds).toBeDefined();
    const design = startingDesign(scenario, undefined);
    const match = createMatch({ mode: 'solo', scenario, seed: 1, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
    const stack = design.stacks[0]!.name;
    const forbidden = ['accelerator', 'distribution', 'transitGateway'].find((k) => !scenario.allowedKinds!.includes(k as never))!;
    expect(applyIntent(match, host('team-1'), { type: 'createResource', stack, kind: forbidden as 'accelerator', props: { enabled: true } }, 0)).toMatchObject({
      ok: false,
      refusal: { code: 'kind-not-allowed' },
    });
  });
});
