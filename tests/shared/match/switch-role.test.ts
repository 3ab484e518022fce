// Switch role through the match's rules: the view the IAM console shows (shared/match/switch-role.ts) and the
// switch itself agree, by the trust policy, its MFA condition and the player's own sts:AssumeRole permission;
// every refusal has a stable code and changes nothing.
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { IamOp, MatchIntent } from '../../../shared/match/intents.ts';
import type { Actor, Match } from '../../../shared/match/match.ts';
import { switchRoleView } from '../../../shared/match/switch-role.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

const iam = (request: IamOp): MatchIntent => ({ type: 'iam', request });
const denyAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] };

/** ana and bo in Builders (PowerUserAccess allows sts:*); OnCall trusts ana and requires MFA; Audit trusts ana and bo. */
function account(): Match {
  const match = testMatch();
  const root = host();
  for (const name of ['ana', 'bo']) {
    applyIntent(match, root, iam({ op: 'createUser', name }), 0);
    applyIntent(match, root, iam({ op: 'addToGroup', member: name, group: 'Builders' }), 0);
  }
  applyIntent(match, root, iam({ op: 'createRole', name: 'OnCall', trustedUsers: ['ana'], requireMfa: true }), 0);
  applyIntent(match, root, iam({ op: 'createRole', name: 'Audit', trustedUsers: ['ana', 'bo'] }), 0);
  applyIntent(match, root, iam({ op: 'attachPolicy', to: { kind: 'role', name: 'OnCall' }, policy: { kind: 'managed', name: 'PowerUserAccess' } }), 0);
  return match;
}

const codes = (match: Match, actor: Actor) => Object.fromEntries(switchRoleView(match, actor).roles.map((r) => [r.role, r.refusal?.code ?? 'ok']));

describe('switch role', () => {
  it("lists the roles whose trust names the player, and says which a switch would refuse and why, as the switch does", () => {
    const match = account();
    const ana = user('ana');
    expect(switchRoleView(match, ana)).toMatchObject({ canSwitch: true, roles: [{ role: 'OnCall', requiresMfa: true, maxSessionDurationS: 3600 }, { role: 'Audit', requiresMfa: false }] });
    expect(codes(match, ana)).toEqual({ OnCall: 'mfa-required', Audit: 'ok' });
    expect(codes(match, user('bo'))).toEqual({ Audit: 'ok' });

    const before = JSON.stringify(match.directory);
    const refused = applyIntent(match, ana, iam({ op: 'assumeRole', role: 'OnCall', durationS: 900 }), 0);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'mfa-required', message: expect.stringContaining('aws:MultiFactorAuthPresent') } });
    expect(refused.session).toBeUndefined();
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'AssumeRole', outcome: 'Failure', errorCode: 'mfa-required' });
    expect(applyIntent(match, user('bo'), iam({ op: 'assumeRole', role: 'OnCall' }), 0)).toMatchObject({ ok: false, refusal: { code: 'not-trusted' } });
    expect(JSON.stringify(match.directory)).toBe(before);

    // With a virtual MFA device ana's sign-in carries MFA: the view and the switch both let her in.
    applyIntent(match, host(), iam({ op: 'enableMfaDevice', user: 'ana', device: 'ana-phone', authenticationCode1: '123456', authenticationCode2: '654321' }), 0);
    expect(codes(match, ana)).toEqual({ OnCall: 'ok', Audit: 'ok' });
    const switched = applyIntent(match, ana, iam({ op: 'assumeRole', role: 'OnCall', durationS: 900 }), 0);
    expect(switched).toMatchObject({ ok: true, session: { role: 'OnCall', mfa: true, expiresAtS: 900 } });
    const asRole: Actor = { ...ana, session: switched.session! };
    expect(switchRoleView(match, asRole).active).toEqual({ role: 'OnCall', expiresAtS: 900, expired: false });
    // Switching again from the role is signed with ana's own sign-in, as the console's Switch role is.
    expect(applyIntent(match, asRole, iam({ op: 'assumeRole', role: 'Audit', durationS: 900 }), 0)).toMatchObject({ ok: true, session: { role: 'Audit' } });
    match.clock = { ...match.clock, step: 900 / 5 };
    expect(switchRoleView(match, asRole).active).toEqual({ role: 'OnCall', expiresAtS: 900, expired: true });
    expect(applyIntent(match, asRole, iam({ op: 'dropRole' }), 0)).toMatchObject({ ok: true, session: null });
  });

  it("refuses a player whose own policies deny sts:AssumeRole, and root, which cannot switch roles", () => {
    const match = account();
    applyIntent(match, host(), iam({ op: 'putInlinePolicy', to: { kind: 'user', name: 'bo' }, name: 'NoRoles', document: denyAssume }), 0);
    expect(codes(match, user('bo'))).toEqual({ Audit: 'AccessDenied' });
    expect(applyIntent(match, user('bo'), iam({ op: 'assumeRole', role: 'Audit' }), 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
    expect(switchRoleView(match, host())).toEqual({ canSwitch: false, roles: [] });
    expect(applyIntent(match, host(), iam({ op: 'assumeRole', role: 'Audit' }), 0)).toMatchObject({ ok: false, refusal: { code: 'root-cannot-assume' } });
  });

  it('lets only the host sign in as an IAM user or as root again', () => {
    const match = account();
    expect(applyIntent(match, host(), iam({ op: 'assignUser', player: 'me', user: 'ana' }), 0)).toMatchObject({ ok: true, assign: { player: 'me', user: 'ana' } });
    expect(applyIntent(match, host(), iam({ op: 'signInAsRoot' }), 0)).toMatchObject({ ok: true, assign: { player: '', user: null } });
    expect(applyIntent(match, user('ana'), iam({ op: 'signInAsRoot' }), 0)).toMatchObject({ ok: false, refusal: { code: 'host-only' } });
  });
});
