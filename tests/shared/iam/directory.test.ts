import { describe, expect, it } from 'vitest';
import {
  addUserToGroup,
  createGroup,
  createUser,
  deleteGroup,
  deleteUser,
  emptyDirectory,
  groupsOf,
  removeUserFromGroup,
} from '../../../shared/iam/directory.ts';
import { MAX_NAME_LENGTH } from '../../../shared/iam/names.ts';
import { MAX_GROUPS_PER_USER } from '../../../shared/iam/quotas.ts';
import { createRole } from '../../../shared/iam/roles.ts';
import { build, refusal } from './steps.ts';

describe('users and groups', () => {
  it('creates users and groups with IAM-style names', () => {
    const d = build(
      (d) => createUser(d, 'ana'),
      (d) => createUser(d, 'bo.b+ops=1,x@team_a-b'),
      (d) => createGroup(d, 'Developers'),
    );
    expect(d.users.map((u) => u.name)).toEqual(['ana', 'bo.b+ops=1,x@team_a-b']);
    expect(d.groups).toEqual([{ name: 'Developers', members: [], attachedPolicies: [], inlinePolicies: [] }]);
  });

  it.each([
    ['an empty name', ''],
    ['a space', 'ana maria'],
    ['a slash', 'ops/ana'],
    ['a colon', 'ops:ana'],
    ['an accent', 'josé'],
    ['a 65-character name', 'a'.repeat(MAX_NAME_LENGTH.user + 1)],
  ])('refuses a user name with %s', (_, name) => {
    const r = refusal(createUser(emptyDirectory(), name));
    expect(r.code).toBe('invalid-name');
    expect(r.message.length).toBeGreaterThan(15);
  });

  it('allows longer group names than user names, as AWS does', () => {
    expect(createGroup(emptyDirectory(), 'g'.repeat(128)).ok).toBe(true);
    expect(refusal(createGroup(emptyDirectory(), 'g'.repeat(129))).code).toBe('invalid-name');
  });

  it('refuses duplicates regardless of case', () => {
    const d = build((d) => createUser(d, 'Ana'), (d) => createGroup(d, 'Admins'));
    expect(refusal(createUser(d, 'ana'))).toMatchObject({ code: 'already-exists', message: 'User with name ana already exists.' });
    expect(refusal(createGroup(d, 'ADMINS')).code).toBe('already-exists');
    // Users and groups are separate namespaces.
    expect(createGroup(d, 'Ana').ok).toBe(true);
  });

  it('puts users in groups, once', () => {
    const d = build(
      (d) => createUser(d, 'ana'),
      (d) => createGroup(d, 'Devs'),
      (d) => addUserToGroup(d, 'ana', 'Devs'),
      (d) => addUserToGroup(d, { kind: 'user', name: 'ana' }, 'Devs'),
    );
    expect(d.groups[0]!.members).toEqual(['ana']);
    expect(groupsOf(d, 'ana').map((g) => g.name)).toEqual(['Devs']);
  });

  it('refuses to put a group in a group: groups do not nest', () => {
    const d = build((d) => createGroup(d, 'Devs'), (d) => createGroup(d, 'Engineering'));
    const r = refusal(addUserToGroup(d, { kind: 'group', name: 'Devs' }, 'Engineering'));
    expect(r.code).toBe('groups-do-not-nest');
    expect(r.message).toContain('do not nest');
  });

  it('refuses to put a role in a group', () => {
    const d = build((d) => createGroup(d, 'Devs'), (d) => createRole(d, 'Deployer', []));
    expect(refusal(addUserToGroup(d, { kind: 'role', name: 'Deployer' }, 'Devs')).code).toBe('only-users-join-groups');
  });

  it('refuses unknown users and groups by name', () => {
    const d = build((d) => createUser(d, 'ana'), (d) => createGroup(d, 'Devs'));
    expect(refusal(addUserToGroup(d, 'bob', 'Devs'))).toMatchObject({ code: 'no-such-user', message: 'The user with name bob cannot be found.' });
    expect(refusal(addUserToGroup(d, 'ana', 'Ops')).code).toBe('no-such-group');
    expect(refusal(removeUserFromGroup(d, 'ana', 'Devs')).code).toBe('not-a-member');
  });

  it('limits how many groups a user joins', () => {
    const steps = [(d: ReturnType<typeof emptyDirectory>) => createUser(d, 'ana')];
    for (let i = 0; i <= MAX_GROUPS_PER_USER; i += 1) steps.push((d) => createGroup(d, `G${i}`));
    for (let i = 0; i < MAX_GROUPS_PER_USER; i += 1) steps.push((d) => addUserToGroup(d, 'ana', `G${i}`));
    const d = build(...steps);
    expect(refusal(addUserToGroup(d, 'ana', `G${MAX_GROUPS_PER_USER}`)).code).toBe('limit-exceeded');
  });

  it('removes users from groups', () => {
    const d = build((d) => createUser(d, 'ana'), (d) => createGroup(d, 'Devs'), (d) => addUserToGroup(d, 'ana', 'Devs'), (d) => removeUserFromGroup(d, 'ana', 'Devs'));
    expect(d.groups[0]!.members).toEqual([]);
  });

  it('deletes a user with its memberships and its place in trust lists', () => {
    const d = build(
      (d) => createUser(d, 'ana'),
      (d) => createUser(d, 'bob'),
      (d) => createGroup(d, 'Devs'),
      (d) => addUserToGroup(d, 'ana', 'Devs'),
      (d) => addUserToGroup(d, 'bob', 'Devs'),
      (d) => createRole(d, 'Deployer', ['ana', 'bob']),
      (d) => deleteUser(d, 'ana'),
    );
    expect(d.users.map((u) => u.name)).toEqual(['bob']);
    expect(d.groups[0]!.members).toEqual(['bob']);
    expect(d.roles[0]!.trustedUsers).toEqual(['bob']);
    expect(refusal(deleteUser(d, 'ana')).code).toBe('no-such-user');
    // A new user with the old name is a different person: the role does not trust them.
    const again = build(() => ({ ok: true, directory: d }), (d) => createUser(d, 'ana'));
    expect(again.roles[0]!.trustedUsers).toEqual(['bob']);
  });

  it('deletes a group, leaving its members as users', () => {
    const d = build((d) => createUser(d, 'ana'), (d) => createGroup(d, 'Devs'), (d) => addUserToGroup(d, 'ana', 'Devs'), (d) => deleteGroup(d, 'Devs'));
    expect(d.groups).toEqual([]);
    expect(d.users.map((u) => u.name)).toEqual(['ana']);
    expect(refusal(deleteGroup(d, 'Devs')).code).toBe('no-such-group');
  });

  it('never changes the directory it is given', () => {
    const before = build((d) => createUser(d, 'ana'), (d) => createGroup(d, 'Devs'));
    const frozen = JSON.stringify(before);
    addUserToGroup(before, 'ana', 'Devs');
    deleteUser(before, 'ana');
    createUser(before, 'bob');
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
