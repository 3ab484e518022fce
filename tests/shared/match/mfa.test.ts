// MFA that counts, through the match's own rules: a player enables a virtual MFA device (recorded in CloudTrail
// as EnableMFADevice), their requests then carry aws:MultiFactorAuthPresent, and a Deny-without-MFA policy stops
// a leaked access key only when written with BoolIfExists (the key is absent from access-key requests).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, designFromManifest } from '../../../server/assets/library.ts';
import { OFFICE_SOURCE_CIDR } from '../../../shared/iam/source-ip.ts';
import { applyIntent, leakedUsers } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import type { IamOp, MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { startingDesign, startingManifest } from '../../../shared/scenario/start.ts';
import { exampleScenario, host, testMatch, user } from '../../support/match-fixtures.ts';

const iam = (request: IamOp): MatchIntent => ({ type: 'iam', request });

/** Deny everything but managing one's own MFA unless the request was MFA-authenticated (AWS's documented pattern). */
function denyWithoutMfa(operator: 'Bool' | 'BoolIfExists') {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'BlockMostAccessUnlessSignedInWithMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { [operator]: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  };
}

function leakMatch(): { match: Match; user: string; launches: () => number; cursor: Map<string, number> } {
  const scenario = exampleScenario('leaked-credentials');
  const design = startingDesign(scenario, designFromManifest(join(ASSETS_DIR, startingManifest(scenario)!)).design);
  const match = createMatch({ mode: 'solo', scenario, seed: 5, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
  const leaked = leakedUsers(scenario)[0]!;
  applyIntent(match, host('team-1'), { type: 'clock', command: 'start' }, 0);
  const launches = () => match.trail.filter((e) => e.principal.name === leaked && e.eventName === 'RunInstances').length;
  return { match, user: leaked, launches, cursor: new Map() };
}

function runFor(m: ReturnType<typeof leakMatch>, seconds: number): void {
  const end = m.match.clock.step * 5 + seconds;
  while (m.match.clock.step * 5 < end && m.match.clock.phase === 'running') runTick(m.match, [], 60, 0, m.cursor);
}

describe('a leaked access key against a deny-without-MFA policy', () => {
  for (const [operator, stops] of [['Bool', false], ['BoolIfExists', true]] as const) {
    it(`${operator} "false" ${stops ? 'stops' : 'does not stop'} the attacker's launches`, () => {
      const m = leakMatch();
      const root = host('team-1');
      expect(applyIntent(m.match, root, iam({ op: 'createPolicy', name: 'RequireMfa', document: denyWithoutMfa(operator) }), 0).ok).toBe(true);
      while (m.launches() < 1 && m.match.clock.phase === 'running') runTick(m.match, [], 60, 0, m.cursor);
      expect(applyIntent(m.match, root, iam({ op: 'attachPolicy', to: { kind: 'user', name: m.user }, policy: { kind: 'customer', name: 'RequireMfa' } }), 0).ok).toBe(true);
      const seen = m.launches();
      runFor(m, 3600);
      if (stops) expect(m.launches()).toBe(seen);
      else expect(m.launches()).toBeGreaterThan(seen);
    });
  }

  it('an office-only policy (NotIpAddress on aws:SourceIp) stops the attacker and leaves the players working', () => {
    const m = leakMatch();
    const root = host('team-1');
    const officeOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': OFFICE_SOURCE_CIDR } } }] };
    applyIntent(m.match, root, iam({ op: 'createPolicy', name: 'OfficeOnly', document: officeOnly }), 0);
    while (m.launches() < 1 && m.match.clock.phase === 'running') runTick(m.match, [], 60, 0, m.cursor);
    applyIntent(m.match, root, iam({ op: 'attachPolicy', to: { kind: 'group', name: 'Builders' }, policy: { kind: 'customer', name: 'OfficeOnly' } }), 0);
    applyIntent(m.match, root, iam({ op: 'addToGroup', member: m.user, group: 'Builders' }), 0);
    const seen = m.launches();
    runFor(m, 3600);
    expect(m.launches()).toBe(seen);
    // A player in the same group, at the office console, still builds.
    applyIntent(m.match, root, iam({ op: 'createUser', name: 'ana' }), 0);
    applyIntent(m.match, root, iam({ op: 'addToGroup', member: 'ana', group: 'Builders' }), 0);
    expect(applyIntent(m.match, user('ana', 'team-1'), { type: 'createStack', stack: 'spare', region: 'us-east-1' }, 0).ok).toBe(true);
  });
});

describe('a player enabling a virtual MFA device', () => {
  function guarded(): Match {
    const match = testMatch();
    const root = host();
    applyIntent(match, root, iam({ op: 'createUser', name: 'ana' }), 0);
    applyIntent(match, root, iam({ op: 'createUser', name: 'bo' }), 0);
    applyIntent(match, root, iam({ op: 'addToGroup', member: 'ana', group: 'Builders' }), 0);
    applyIntent(match, root, iam({ op: 'addToGroup', member: 'bo', group: 'Builders' }), 0);
    applyIntent(match, root, iam({ op: 'createPolicy', name: 'RequireMfa', document: denyWithoutMfa('BoolIfExists') }), 0);
    // Builders are PowerUserAccess (no iam:*): the group may enable MFA on its members' own users only.
    const selfMfa = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:EnableMFADevice', 'iam:CreateVirtualMFADevice'], Resource: 'arn:aws:iam::123456789012:user/ana' }] };
    applyIntent(match, root, iam({ op: 'putInlinePolicy', to: { kind: 'user', name: 'ana' }, name: 'OwnMfa', document: selfMfa }), 0);
    applyIntent(match, root, iam({ op: 'attachPolicy', to: { kind: 'group', name: 'Builders' }, policy: { kind: 'customer', name: 'RequireMfa' } }), 0);
    return match;
  }

  it('is refused work without MFA, enables a device (logged as EnableMFADevice), then works', () => {
    const match = guarded();
    const ana = user('ana');
    const create = { type: 'createStack' as const, stack: 'spare', region: 'us-east-1' as const };
    expect(applyIntent(match, ana, create, 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('explicit deny') } });
    const enabled = applyIntent(match, ana, iam({ op: 'enableMfaDevice', device: 'ana-phone', authenticationCode1: '123456', authenticationCode2: '654321' }), 0);
    expect(enabled.ok).toBe(true);
    const logged = match.trail[match.trail.length - 1]!;
    expect(logged).toMatchObject({ eventSource: 'iam.amazonaws.com', eventName: 'EnableMFADevice', outcome: 'Success', principal: { type: 'IAMUser', name: 'ana' }, resource: 'arn:aws:iam::123456789012:user/ana' });
    expect(match.directory.users.find((u) => u.name === 'ana')!.mfaDevices).toEqual(['ana-phone']);
    expect(applyIntent(match, ana, create, 0).ok).toBe(true);
  });

  it.each([
    ['codes that are not six digits', { device: 'ana-phone', authenticationCode1: '12345', authenticationCode2: '654321' }, 'invalid-authentication-code'],
    ['the same code twice', { device: 'ana-phone', authenticationCode1: '123456', authenticationCode2: '123456' }, 'invalid-authentication-code'],
    ['a device name IAM refuses', { device: 'my phone!', authenticationCode1: '123456', authenticationCode2: '654321' }, 'invalid-name'],
  ])('refuses %s and changes nothing', (_, fields, code) => {
    const match = guarded();
    const before = JSON.stringify(match.directory);
    expect(applyIntent(match, user('ana'), iam({ op: 'enableMfaDevice', ...fields }), 0)).toMatchObject({ ok: false, refusal: { code } });
    expect(JSON.stringify(match.directory)).toBe(before);
    expect(match.trail[match.trail.length - 1]).toMatchObject({ eventName: 'EnableMFADevice', outcome: 'Failure', errorCode: code });
  });

  it("refuses a device on someone else's user without permission, a device already in use, and root without a user", () => {
    const match = guarded();
    const codes = { authenticationCode1: '111111', authenticationCode2: '222222' };
    expect(applyIntent(match, user('bo'), iam({ op: 'enableMfaDevice', user: 'ana', device: 'x', ...codes }), 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
    expect(applyIntent(match, user('ana'), iam({ op: 'enableMfaDevice', device: 'shared-phone', ...codes }), 0).ok).toBe(true);
    const before = JSON.stringify(match.directory);
    expect(applyIntent(match, host(), iam({ op: 'enableMfaDevice', user: 'bo', device: 'shared-phone', ...codes }), 0)).toMatchObject({ ok: false, refusal: { code: 'already-exists' } });
    expect(applyIntent(match, host(), iam({ op: 'enableMfaDevice', device: 'root-phone', ...codes }), 0)).toMatchObject({ ok: false, refusal: { code: 'no-such-user' } });
    expect(applyIntent(match, host(), iam({ op: 'enableMfaDevice', user: 'nobody', device: 'p', ...codes }), 0)).toMatchObject({ ok: false, refusal: { code: 'no-such-user' } });
    expect(JSON.stringify(match.directory)).toBe(before);
    // Deactivating the device takes MFA away again: bo (no device) and ana (none left) are both refused work.
    expect(applyIntent(match, host(), iam({ op: 'deactivateMfaDevice', user: 'ana', device: 'shared-phone' }), 0).ok).toBe(true);
    expect(applyIntent(match, user('ana'), { type: 'createStack', stack: 'spare', region: 'us-east-1' }, 0).ok).toBe(false);
    expect(applyIntent(match, host(), iam({ op: 'deactivateMfaDevice', user: 'ana', device: 'shared-phone' }), 0)).toMatchObject({ ok: false, refusal: { code: 'no-such-mfa-device' } });
  });

  it('a role session carries the MFA its user signed in with, and expires after the default hour', () => {
    const match = guarded();
    const root = host();
    // cy is in no group: beyond assuming Ops, the role's policies are all cy gets.
    applyIntent(match, root, iam({ op: 'createUser', name: 'cy' }), 0);
    const mayAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/Ops' }] };
    applyIntent(match, root, iam({ op: 'putInlinePolicy', to: { kind: 'user', name: 'cy' }, name: 'AssumeOps', document: mayAssume }), 0);
    applyIntent(match, root, iam({ op: 'createRole', name: 'Ops', trustedUsers: ['cy'] }), 0);
    applyIntent(match, root, iam({ op: 'attachPolicy', to: { kind: 'role', name: 'Ops' }, policy: { kind: 'managed', name: 'PowerUserAccess' } }), 0);
    applyIntent(match, root, iam({ op: 'attachPolicy', to: { kind: 'role', name: 'Ops' }, policy: { kind: 'customer', name: 'RequireMfa' } }), 0);
    const cy = user('cy');
    const plain = applyIntent(match, cy, iam({ op: 'assumeRole', role: 'Ops' }), 0);
    // DurationSeconds left out: one hour, as STS defaults it.
    expect(plain.session).toMatchObject({ role: 'Ops', mfa: false, issuedAtS: 0, expiresAtS: 3600 });
    expect(applyIntent(match, { ...cy, session: plain.session! }, { type: 'createStack', stack: 'a', region: 'us-east-1' }, 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
    applyIntent(match, root, iam({ op: 'enableMfaDevice', user: 'cy', device: 'cy-phone', authenticationCode1: '123456', authenticationCode2: '654321' }), 0);
    const strong = applyIntent(match, cy, iam({ op: 'assumeRole', role: 'Ops', durationS: 900 }), 0);
    expect(strong.session).toMatchObject({ mfa: true, expiresAtS: 900 });
    const withRole = { ...cy, session: strong.session! };
    expect(applyIntent(match, withRole, { type: 'createStack', stack: 'b', region: 'us-east-1' }, 0).ok).toBe(true);
    // Fifteen minutes of match time later the temporary credentials have expired: every call made with them
    // is refused with ExpiredToken (not quietly made with cy's own permissions), and CloudTrail names the session.
    match.clock = { ...match.clock, step: 900 / 5 };
    expect(applyIntent(match, withRole, { type: 'createStack', stack: 'c', region: 'us-east-1' }, 0)).toMatchObject({
      ok: false,
      refusal: { code: 'ExpiredToken', message: 'The security token included in the request is expired' },
    });
    expect(match.trail.at(-1)).toMatchObject({ outcome: 'Failure', errorCode: 'ExpiredToken', principal: { type: 'AssumedRole' } });
    // Switching role again is signed with cy's own sign-in, so it works: a fresh session, from now.
    const again = applyIntent(match, withRole, iam({ op: 'assumeRole', role: 'Ops', durationS: 900 }), 0);
    expect(again).toMatchObject({ ok: true, session: { issuedAtS: 900, expiresAtS: 1800, mfa: true } });
    expect(applyIntent(match, { ...cy, session: again.session! }, { type: 'createStack', stack: 'c', region: 'us-east-1' }, 0).ok).toBe(true);
    // Leaving the expired role also works; cy is back to their own (empty) permissions.
    expect(applyIntent(match, withRole, iam({ op: 'dropRole' }), 0)).toMatchObject({ ok: true, session: null });
    expect(applyIntent(match, cy, { type: 'createStack', stack: 'd', region: 'us-east-1' }, 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
  });
});
