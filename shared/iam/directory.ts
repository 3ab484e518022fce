// A team's IAM directory: its users, groups, roles and customer managed policies, as plain data that the room
// keeps in its state and saves with the match. Every operation returns a new directory or a refusal; none
// changes the one it was given, so a refused intent leaves the state exactly as it was.
//
// Groups hold users and nothing else: IAM groups do not nest, and a role is assumed, never joined.

import { checkName, sameName } from './names.ts';
import type { PolicyDocument } from './policy-schema.ts';
import { MAX_GROUPS, MAX_GROUPS_PER_USER, MAX_USERS } from './quotas.ts';
import { refuse, type IamRefusal } from './refusals.ts';

/** A policy attached by reference: one of AWS's managed policies, or one of the team's own. */
export interface PolicyRef {
  kind: 'managed' | 'customer';
  name: string;
}

/** A policy written into one identity, living and dying with it. */
export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface PolicyHolder {
  name: string;
  attachedPolicies: PolicyRef[];
  inlinePolicies: InlinePolicy[];
}

export interface IamUser extends PolicyHolder {
  /**
   * The serial numbers (device names) of the user's enabled virtual MFA devices (shared/iam/mfa.ts). Absent on
   * directories saved before MFA could be enabled: none.
   */
  mfaDevices?: string[];
}

export interface IamGroup extends PolicyHolder {
  /** User names, in the order they joined. */
  members: string[];
}

export interface IamRole extends PolicyHolder {
  /** The users this role's trust policy lets assume it. */
  trustedUsers: string[];
  /**
   * Whether the trust policy's Allow carries the condition Bool aws:MultiFactorAuthPresent "true": only a user
   * signed in with MFA may assume the role. Absent on directories saved before: no condition.
   */
  requireMfa?: boolean;
  maxSessionDurationS: number;
}

export interface CustomerPolicy {
  name: string;
  description: string;
  document: PolicyDocument;
}

export interface Directory {
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  customerPolicies: CustomerPolicy[];
}

export type IdentityKind = 'user' | 'group' | 'role';

/** Which user, group or role an operation is about. */
export interface IdentityRef {
  kind: IdentityKind;
  name: string;
}

export type DirectoryResult = { ok: true; directory: Directory } | IamRefusal;

export function emptyDirectory(): Directory {
  return { users: [], groups: [], roles: [], customerPolicies: [] };
}

export function findUser(directory: Directory, name: string): IamUser | undefined {
  return directory.users.find((u) => u.name === name);
}

export function findGroup(directory: Directory, name: string): IamGroup | undefined {
  return directory.groups.find((g) => g.name === name);
}

export function findRole(directory: Directory, name: string): IamRole | undefined {
  return directory.roles.find((r) => r.name === name);
}

export function findCustomerPolicy(directory: Directory, name: string): CustomerPolicy | undefined {
  return directory.customerPolicies.find((p) => p.name === name);
}

/** The groups a user belongs to, in the directory's order. */
export function groupsOf(directory: Directory, userName: string): IamGroup[] {
  return directory.groups.filter((g) => g.members.includes(userName));
}

// AWS's own wording for missing and duplicate entities, so the CloudTrail console reads like the real one.

export function noSuchUser(name: string): IamRefusal {
  return refuse('no-such-user', `The user with name ${name} cannot be found.`);
}

export function noSuchGroup(name: string): IamRefusal {
  return refuse('no-such-group', `The group with name ${name} cannot be found.`);
}

export function noSuchRole(name: string): IamRefusal {
  return refuse('no-such-role', `The role with name ${name} cannot be found.`);
}

export function alreadyExists(kind: string, name: string): IamRefusal {
  return refuse('already-exists', `${kind} with name ${name} already exists.`);
}

export function createUser(directory: Directory, name: string): DirectoryResult {
  const bad = checkName('user', name);
  if (bad) return bad;
  if (directory.users.some((u) => sameName(u.name, name))) return alreadyExists('User', name);
  if (directory.users.length >= MAX_USERS) return refuse('limit-exceeded', `The account already has ${MAX_USERS} users, the most IAM allows.`);
  const user: IamUser = { name, attachedPolicies: [], inlinePolicies: [] };
  return { ok: true, directory: { ...directory, users: [...directory.users, user] } };
}

/**
 * Deletes a user as the IAM console does: its group memberships, policies and place in role trust lists go
 * with it. Dropping it from trust lists is AWS's behaviour too: a trust policy that named a deleted user no
 * longer trusts anyone, and a new user given the same name is not trusted by it.
 */
export function deleteUser(directory: Directory, name: string): DirectoryResult {
  if (!findUser(directory, name)) return noSuchUser(name);
  return {
    ok: true,
    directory: {
      ...directory,
      users: directory.users.filter((u) => u.name !== name),
      groups: directory.groups.map((g) => (g.members.includes(name) ? { ...g, members: g.members.filter((m) => m !== name) } : g)),
      roles: directory.roles.map((r) => (r.trustedUsers.includes(name) ? { ...r, trustedUsers: r.trustedUsers.filter((u) => u !== name) } : r)),
    },
  };
}

export function createGroup(directory: Directory, name: string): DirectoryResult {
  const bad = checkName('group', name);
  if (bad) return bad;
  if (directory.groups.some((g) => sameName(g.name, name))) return alreadyExists('Group', name);
  if (directory.groups.length >= MAX_GROUPS) return refuse('limit-exceeded', `The account already has ${MAX_GROUPS} groups, the most IAM allows.`);
  const group: IamGroup = { name, members: [], attachedPolicies: [], inlinePolicies: [] };
  return { ok: true, directory: { ...directory, groups: [...directory.groups, group] } };
}

/** Deletes a group as the console does: its members stay users, they just lose what the group gave them. */
export function deleteGroup(directory: Directory, name: string): DirectoryResult {
  if (!findGroup(directory, name)) return noSuchGroup(name);
  return { ok: true, directory: { ...directory, groups: directory.groups.filter((g) => g.name !== name) } };
}

/**
 * Adds a user to a group. The member may be named by a plain user name or by a reference, so that the board
 * can say "this group into that group" and get IAM's answer: groups do not nest.
 */
export function addUserToGroup(directory: Directory, member: string | IdentityRef, groupName: string): DirectoryResult {
  const ref: IdentityRef = typeof member === 'string' ? { kind: 'user', name: member } : member;
  if (ref.kind === 'group') {
    return refuse('groups-do-not-nest', `Group ${ref.name} cannot be put in group ${groupName}: IAM groups hold users only and do not nest.`);
  }
  if (ref.kind === 'role') {
    return refuse('only-users-join-groups', `Role ${ref.name} cannot join group ${groupName}: a role is assumed by users, it is not a member of groups.`);
  }
  const group = findGroup(directory, groupName);
  if (!group) return noSuchGroup(groupName);
  if (!findUser(directory, ref.name)) return noSuchUser(ref.name);
  // Adding a member twice is not an error in IAM: the call is idempotent.
  if (group.members.includes(ref.name)) return { ok: true, directory };
  if (groupsOf(directory, ref.name).length >= MAX_GROUPS_PER_USER) {
    return refuse('limit-exceeded', `User ${ref.name} is already in ${MAX_GROUPS_PER_USER} groups, the most IAM allows.`);
  }
  const groups = directory.groups.map((g) => (g === group ? { ...g, members: [...g.members, ref.name] } : g));
  return { ok: true, directory: { ...directory, groups } };
}

export function removeUserFromGroup(directory: Directory, userName: string, groupName: string): DirectoryResult {
  const group = findGroup(directory, groupName);
  if (!group) return noSuchGroup(groupName);
  if (!findUser(directory, userName)) return noSuchUser(userName);
  if (!group.members.includes(userName)) return refuse('not-a-member', `User ${userName} is not a member of group ${groupName}.`);
  const groups = directory.groups.map((g) => (g === group ? { ...g, members: g.members.filter((m) => m !== userName) } : g));
  return { ok: true, directory: { ...directory, groups } };
}
