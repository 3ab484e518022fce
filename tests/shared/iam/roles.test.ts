import { describe, expect, it } from 'vitest';
import { createUser, deleteUser } from '../../../shared/iam/directory.ts';
import { attachPolicy } from '../../../shared/iam/policy-attachments.ts';
import { principalPolicies } from '../../../shared/iam/principals.ts';
import { DEFAULT_MAX_SESSION_DURATION_S, MAX_SESSION_DURATION_S, MIN_SESSION_DURATION_S } from '../../../shared/iam/quotas.ts';
import { assumeRole, createRole, deleteRole, sessionExpired, setRoleTrust, type RoleSession } from '../../../shared/iam/roles.ts';
import { build, refusal } from './steps.ts';

const team = () =>
  build(
    (d) => createUser(d, 'ana'),
    (d) => createUser(d, 'bob'),
    (d) => createRole(d, 'Deployer', ['ana']),
    (d) => attachPolicy(d, { kind: 'role', name: 'Deployer' }, { kind: 'managed', name: 'PowerUserAccess' }),
  );

function session(result: ReturnType<typeof assumeRole>): RoleSession {
  if (!result.ok) throw new Error(result.message);
  return result.session;
}

describe('roles', () => {
  it('creates a role that trusts named users', () => {
    const role = team().roles[0]!;
    expect(role).toMatchObject({ name: 'Deployer', trustedUsers: ['ana'], maxSessionDurationS: DEFAULT_MAX_SESSION_DURATION_S });
  });

  it('refuses a trust list naming a user who does not exist, and bad names and durations', () => {
    const d = team();
    expect(refusal(createRole(d, 'Ops', ['zed'])).code).toBe('no-such-user');
    expect(refusal(createRole(d, 'deployer', [])).code).toBe('already-exists');
    expect(refusal(createRole(d, 'ops role', [])).code).toBe('invalid-name');
    expect(refusal(createRole(d, 'Ops', [], MAX_SESSION_DURATION_S + 1)).code).toBe('invalid-duration');
  });

  it('lets a trusted user assume it, for a limited time', () => {
    const s = session(assumeRole(team(), 'ana', 'Deployer', 100, 1800));
    expect(s).toEqual({ role: 'Deployer', user: 'ana', sessionName: 'ana-100', issuedAtS: 100, expiresAtS: 1900 });
    expect(sessionExpired(s, 1899)).toBe(false);
    expect(sessionExpired(s, 1900)).toBe(true);
    expect(session(assumeRole(team(), 'ana', 'Deployer', 0)).expiresAtS).toBe(DEFAULT_MAX_SESSION_DURATION_S);
  });

  it('refuses a user the role does not trust', () => {
    const r = refusal(assumeRole(team(), 'bob', 'Deployer', 0));
    expect(r.code).toBe('not-trusted');
    expect(r.message).toContain('bob');
    expect(refusal(assumeRole(team(), 'zed', 'Deployer', 0)).code).toBe('no-such-user');
    expect(refusal(assumeRole(team(), 'ana', 'Admin', 0)).code).toBe('no-such-role');
  });

  it('keeps sessions within the AWS duration limits and the maximum of the role', () => {
    expect(refusal(assumeRole(team(), 'ana', 'Deployer', 0, MIN_SESSION_DURATION_S - 1)).code).toBe('invalid-duration');
    expect(refusal(assumeRole(team(), 'ana', 'Deployer', 0, DEFAULT_MAX_SESSION_DURATION_S + 1)).code).toBe('invalid-duration');
    expect(refusal(assumeRole(team(), 'ana', 'Deployer', 0, 1000.5)).code).toBe('invalid-duration');
    const long = build(() => ({ ok: true, directory: team() }), (d) => createRole(d, 'Night', ['ana'], MAX_SESSION_DURATION_S));
    expect(assumeRole(long, 'ana', 'Night', 0, MAX_SESSION_DURATION_S).ok).toBe(true);
  });

  it('gives a session the policies of the role only, and none once expired', () => {
    const d = build(() => ({ ok: true, directory: team() }), (d) => attachPolicy(d, { kind: 'user', name: 'ana' }, { kind: 'managed', name: 'Billing' }));
    const s = session(assumeRole(d, 'ana', 'Deployer', 0, 900));
    const principal = { kind: 'role-session', session: s } as const;
    expect(principalPolicies(d, principal, 10).map((p) => p.name)).toEqual(['PowerUserAccess']);
    expect(principalPolicies(d, principal, 900)).toEqual([]);
  });

  it('changes who may assume it; sessions already issued last until they expire, as in AWS', () => {
    const d = team();
    const s = session(assumeRole(d, 'ana', 'Deployer', 0));
    const after = build(() => ({ ok: true, directory: d }), (d) => setRoleTrust(d, 'Deployer', ['bob']));
    expect(refusal(assumeRole(after, 'ana', 'Deployer', 10)).code).toBe('not-trusted');
    expect(assumeRole(after, 'bob', 'Deployer', 10).ok).toBe(true);
    expect(principalPolicies(after, { kind: 'role-session', session: s }, 10)).toHaveLength(1);
    // Even the user's deletion leaves the session standing until it expires; deleting the role ends it.
    const userGone = build(() => ({ ok: true, directory: d }), (d) => deleteUser(d, 'ana'));
    expect(principalPolicies(userGone, { kind: 'role-session', session: s }, 10)).toHaveLength(1);
    const roleGone = build(() => ({ ok: true, directory: d }), (d) => deleteRole(d, 'Deployer'));
    expect(principalPolicies(roleGone, { kind: 'role-session', session: s }, 10)).toEqual([]);
  });
});
