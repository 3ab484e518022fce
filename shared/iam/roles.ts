// Roles: permissions nobody holds permanently. A role names the users it trusts; a trusted user assumes it
// and gets temporary credentials that carry the role's policies (and only those) until they expire. Time is
// the match clock in seconds, passed in.

import { alreadyExists, findRole, findUser, noSuchRole, noSuchUser, type Directory, type DirectoryResult, type IamRole } from './directory.ts';
import { checkName, sameName } from './names.ts';
import { DEFAULT_MAX_SESSION_DURATION_S, MAX_ROLES, MAX_SESSION_DURATION_S, MAX_TRUSTED_USERS_PER_ROLE, MIN_SESSION_DURATION_S } from './quotas.ts';
import { refuse, type IamRefusal } from './refusals.ts';

/** Temporary credentials from assuming a role. Held by the room for the player, not kept in the directory. */
export interface RoleSession {
  role: string;
  /** Who assumed it: CloudTrail shows both the role and the person behind it. */
  user: string;
  /** The session's name, as STS puts it in the assumed-role ARN: "<user>-<time assumed>". */
  sessionName: string;
  issuedAtS: number;
  expiresAtS: number;
  /**
   * Whether the user was MFA-authenticated when assuming the role: the session's requests carry
   * aws:MultiFactorAuthPresent as it was then. Absent on sessions from before MFA could be enabled: false.
   */
  mfa?: boolean;
}

const MAX_SESSION_NAME_LENGTH = 64;

/** A trust list checked against the directory: every user must exist (AWS refuses unknown principals). */
function checkTrust(directory: Directory, trustedUsers: readonly string[]): string[] | IamRefusal {
  const unique = [...new Set(trustedUsers)];
  if (unique.length > MAX_TRUSTED_USERS_PER_ROLE) {
    return refuse('limit-exceeded', `A role may trust at most ${MAX_TRUSTED_USERS_PER_ROLE} users; ${unique.length} were named.`);
  }
  const unknown = unique.find((u) => !findUser(directory, u));
  return unknown === undefined ? unique : refuse('no-such-user', `Invalid principal in policy: the user with name ${unknown} cannot be found.`);
}

function checkMaxDuration(seconds: number): IamRefusal | undefined {
  if (!Number.isInteger(seconds) || seconds < DEFAULT_MAX_SESSION_DURATION_S || seconds > MAX_SESSION_DURATION_S) {
    return refuse(
      'invalid-duration',
      `A role's maximum session duration must be a whole number of seconds from ${DEFAULT_MAX_SESSION_DURATION_S} to ${MAX_SESSION_DURATION_S}.`,
    );
  }
  return undefined;
}

export function createRole(
  directory: Directory,
  name: string,
  trustedUsers: readonly string[],
  maxSessionDurationS: number = DEFAULT_MAX_SESSION_DURATION_S,
  requireMfa = false,
): DirectoryResult {
  const bad = checkName('role', name) ?? checkMaxDuration(maxSessionDurationS);
  if (bad) return bad;
  if (directory.roles.some((r) => sameName(r.name, name))) return alreadyExists('Role', name);
  if (directory.roles.length >= MAX_ROLES) return refuse('limit-exceeded', `The account already has ${MAX_ROLES} roles, the most IAM allows.`);
  const trust = checkTrust(directory, trustedUsers);
  if (!Array.isArray(trust)) return trust;
  const role: IamRole = { name, trustedUsers: trust, maxSessionDurationS, attachedPolicies: [], inlinePolicies: [], ...(requireMfa ? { requireMfa } : {}) };
  return { ok: true, directory: { ...directory, roles: [...directory.roles, role] } };
}

/**
 * Replaces who may assume a role (iam:UpdateAssumeRolePolicy). Sessions already issued stay valid until they
 * expire, as in AWS: taking someone off a trust list does not revoke the credentials they hold.
 */
export function setRoleTrust(directory: Directory, name: string, trustedUsers: readonly string[]): DirectoryResult {
  const role = findRole(directory, name);
  if (!role) return noSuchRole(name);
  const trust = checkTrust(directory, trustedUsers);
  if (!Array.isArray(trust)) return trust;
  return { ok: true, directory: { ...directory, roles: directory.roles.map((r) => (r === role ? { ...r, trustedUsers: trust } : r)) } };
}

/** Deletes a role; sessions of it stop working at once, since there are no longer policies to carry. */
export function deleteRole(directory: Directory, name: string): DirectoryResult {
  if (!findRole(directory, name)) return noSuchRole(name);
  return { ok: true, directory: { ...directory, roles: directory.roles.filter((r) => r.name !== name) } };
}

/**
 * A user assumes a role for `durationS` seconds of match time: the role's trust policy must name them (and,
 * when it requires aws:MultiFactorAuthPresent, `mfa`: the user signed in with MFA). The room checks the user's
 * own permission for sts:AssumeRole before this (shared/match/apply.ts), as AWS does when a trust policy trusts
 * the account and leaves the choice of who to its users' policies; the game asks for both.
 */
export function assumeRole(
  directory: Directory,
  userName: string,
  roleName: string,
  nowS: number,
  durationS: number = DEFAULT_MAX_SESSION_DURATION_S,
  mfa = false,
): { ok: true; session: RoleSession } | IamRefusal {
  const role = findRole(directory, roleName);
  if (!role) return noSuchRole(roleName);
  if (!findUser(directory, userName)) return noSuchUser(userName);
  if (!role.trustedUsers.includes(userName)) {
    return refuse('not-trusted', `User ${userName} is not authorized to perform: sts:AssumeRole on role ${roleName}: the role's trust policy does not name them.`);
  }
  if (role.requireMfa && !mfa) {
    return refuse(
      'mfa-required',
      `User ${userName} is not authorized to perform: sts:AssumeRole on role ${roleName}: its trust policy requires aws:MultiFactorAuthPresent, and ${userName} did not sign in with MFA.`,
    );
  }
  if (!Number.isFinite(nowS) || !Number.isInteger(durationS) || durationS < MIN_SESSION_DURATION_S || durationS > role.maxSessionDurationS) {
    return refuse(
      'invalid-duration',
      `A session of role ${roleName} lasts from ${MIN_SESSION_DURATION_S} to ${role.maxSessionDurationS} seconds (a whole number); ${durationS} was asked for.`,
    );
  }
  const sessionName = `${userName}-${Math.floor(nowS)}`.slice(0, MAX_SESSION_NAME_LENGTH);
  return { ok: true, session: { role: roleName, user: userName, sessionName, issuedAtS: nowS, expiresAtS: nowS + durationS } };
}

export function sessionExpired(session: RoleSession, nowS: number): boolean {
  return !(nowS < session.expiresAtS);
}
