// Giving identities their permissions: the team's own managed policies, attaching and detaching managed
// policies, and inline policies written into one user, group or role. Policies arrive from players, so each
// is parsed here and refused with the parser's message (naming the statement and field) when it is wrong.

import { customerPolicyArn } from './arn.ts';
import {
  findCustomerPolicy,
  findGroup,
  findRole,
  findUser,
  noSuchGroup,
  noSuchRole,
  noSuchUser,
  type Directory,
  type DirectoryResult,
  type IdentityRef,
  type PolicyHolder,
  type PolicyRef,
} from './directory.ts';
import { findManagedPolicy } from './managed-policies.ts';
import { checkName, sameName } from './names.ts';
import { parsePolicy, parsePolicyText, type ParsedPolicy } from './parse-policy.ts';
import {
  MAX_GROUP_INLINE_POLICY_CHARS,
  MAX_MANAGED_POLICY_CHARS,
  MAX_ROLE_INLINE_POLICY_CHARS,
  MAX_USER_INLINE_POLICY_CHARS,
} from './policy-schema.ts';
import { MAX_CUSTOMER_POLICIES, MAX_MANAGED_POLICIES_PER_IDENTITY } from './quotas.ts';
import { refuse, type IamRefusal } from './refusals.ts';

/** The total size of one identity's inline policies, by kind of identity (AWS's quotas). */
const INLINE_LIMIT = { user: MAX_USER_INLINE_POLICY_CHARS, group: MAX_GROUP_INLINE_POLICY_CHARS, role: MAX_ROLE_INLINE_POLICY_CHARS } as const;

const QUOTA_NAME = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup', role: 'PoliciesPerRole' } as const;

/** A policy given as JSON text (typed by a player) or as a value (sent by a client). */
function parseGiven(policy: unknown, maxChars: number): ParsedPolicy {
  return typeof policy === 'string' ? parsePolicyText(policy, maxChars) : parsePolicy(policy, maxChars);
}

/** The ARN a policy reference stands for: AWS's account for managed ones, the team's for its own. */
export function policyRefArn(ref: PolicyRef): string {
  return ref.kind === 'managed' ? (findManagedPolicy(ref.name)?.arn ?? `arn:aws:iam::aws:policy/${ref.name}`) : customerPolicyArn(ref.name);
}

/** Applies a change to one user, group or role, or says it does not exist. */
function changeHolder(
  directory: Directory,
  target: IdentityRef,
  change: <H extends PolicyHolder>(holder: H) => H | IamRefusal,
): DirectoryResult {
  const apply = <H extends PolicyHolder>(list: H[], holder: H): H[] | IamRefusal => {
    const changed = change(holder);
    return 'ok' in changed ? changed : list.map((h) => (h === holder ? changed : h));
  };
  if (target.kind === 'user') {
    const user = findUser(directory, target.name);
    const users = user ? apply(directory.users, user) : noSuchUser(target.name);
    return Array.isArray(users) ? { ok: true, directory: { ...directory, users } } : users;
  }
  if (target.kind === 'group') {
    const group = findGroup(directory, target.name);
    const groups = group ? apply(directory.groups, group) : noSuchGroup(target.name);
    return Array.isArray(groups) ? { ok: true, directory: { ...directory, groups } } : groups;
  }
  const role = findRole(directory, target.name);
  const roles = role ? apply(directory.roles, role) : noSuchRole(target.name);
  return Array.isArray(roles) ? { ok: true, directory: { ...directory, roles } } : roles;
}

const sameRef = (a: PolicyRef, b: PolicyRef) => a.kind === b.kind && a.name === b.name;

/** Creates one of the team's own managed policies from a player's policy JSON. */
export function createCustomerPolicy(directory: Directory, name: string, policy: unknown, description = ''): DirectoryResult {
  const bad = checkName('policy', name);
  if (bad) return bad;
  if (directory.customerPolicies.some((p) => sameName(p.name, name))) {
    return refuse('already-exists', `A policy called ${name} already exists. Duplicate names are not allowed.`);
  }
  if (directory.customerPolicies.length >= MAX_CUSTOMER_POLICIES) {
    return refuse('limit-exceeded', `Cannot exceed quota for PoliciesPerAccount: ${MAX_CUSTOMER_POLICIES}`);
  }
  const parsed = parseGiven(policy, MAX_MANAGED_POLICY_CHARS);
  if (!parsed.ok) return parsed;
  const created = { name, description, document: parsed.document };
  return { ok: true, directory: { ...directory, customerPolicies: [...directory.customerPolicies, created] } };
}

/** Replaces a customer policy's JSON; every identity it is attached to gets the new permissions at once. */
export function updateCustomerPolicy(directory: Directory, name: string, policy: unknown): DirectoryResult {
  const existing = findCustomerPolicy(directory, name);
  if (!existing) return refuse('no-such-policy', `Policy ${customerPolicyArn(name)} was not found.`);
  const parsed = parseGiven(policy, MAX_MANAGED_POLICY_CHARS);
  if (!parsed.ok) return parsed;
  const customerPolicies = directory.customerPolicies.map((p) => (p === existing ? { ...p, document: parsed.document } : p));
  return { ok: true, directory: { ...directory, customerPolicies } };
}

/** Deletes a customer policy as the console does, detaching it from everyone first. */
export function deleteCustomerPolicy(directory: Directory, name: string): DirectoryResult {
  if (!findCustomerPolicy(directory, name)) return refuse('no-such-policy', `Policy ${customerPolicyArn(name)} was not found.`);
  const ref: PolicyRef = { kind: 'customer', name };
  const detach = <H extends PolicyHolder>(h: H): H =>
    h.attachedPolicies.some((a) => sameRef(a, ref)) ? { ...h, attachedPolicies: h.attachedPolicies.filter((a) => !sameRef(a, ref)) } : h;
  return {
    ok: true,
    directory: {
      users: directory.users.map(detach),
      groups: directory.groups.map(detach),
      roles: directory.roles.map(detach),
      customerPolicies: directory.customerPolicies.filter((p) => p.name !== name),
    },
  };
}

/** Attaches an AWS managed policy or one of the team's own to a user, a group or a role. */
export function attachPolicy(directory: Directory, target: IdentityRef, ref: PolicyRef): DirectoryResult {
  const exists = ref.kind === 'managed' ? findManagedPolicy(ref.name) : findCustomerPolicy(directory, ref.name);
  if (!exists) return refuse('no-such-policy', `Policy ${policyRefArn(ref)} does not exist or is not attachable.`);
  return changeHolder(directory, target, (holder) => {
    // Attaching twice is not an error in IAM: the call is idempotent.
    if (holder.attachedPolicies.some((a) => sameRef(a, ref))) return holder;
    if (holder.attachedPolicies.length >= MAX_MANAGED_POLICIES_PER_IDENTITY) {
      return refuse('limit-exceeded', `Cannot exceed quota for ${QUOTA_NAME[target.kind]}: ${MAX_MANAGED_POLICIES_PER_IDENTITY}`);
    }
    return { ...holder, attachedPolicies: [...holder.attachedPolicies, { kind: ref.kind, name: ref.name }] };
  });
}

export function detachPolicy(directory: Directory, target: IdentityRef, ref: PolicyRef): DirectoryResult {
  return changeHolder(directory, target, (holder) => {
    if (!holder.attachedPolicies.some((a) => sameRef(a, ref))) {
      return refuse('not-attached', `Policy ${policyRefArn(ref)} was not found attached to ${target.kind} ${target.name}.`);
    }
    return { ...holder, attachedPolicies: holder.attachedPolicies.filter((a) => !sameRef(a, ref)) };
  });
}

function compactLength(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Writes (or replaces) an inline policy in a user, a group or a role. */
export function putInlinePolicy(directory: Directory, target: IdentityRef, name: string, policy: unknown): DirectoryResult {
  const bad = checkName('policy', name);
  if (bad) return bad;
  const limit = INLINE_LIMIT[target.kind];
  const parsed = parseGiven(policy, limit);
  if (!parsed.ok) return parsed;
  return changeHolder(directory, target, (holder) => {
    const others = holder.inlinePolicies.filter((p) => p.name !== name);
    const total = others.reduce((sum, p) => sum + compactLength(p.document), parsed.chars);
    if (total > limit) {
      return refuse('policy-too-large', `The inline policies of ${target.kind} ${target.name} would total ${total} characters; the limit is ${limit}.`);
    }
    const existing = holder.inlinePolicies.findIndex((p) => p.name === name);
    const put = { name, document: parsed.document };
    const inlinePolicies = existing < 0 ? [...holder.inlinePolicies, put] : holder.inlinePolicies.map((p, i) => (i === existing ? put : p));
    return { ...holder, inlinePolicies };
  });
}

export function deleteInlinePolicy(directory: Directory, target: IdentityRef, name: string): DirectoryResult {
  return changeHolder(directory, target, (holder) => {
    if (!holder.inlinePolicies.some((p) => p.name === name)) {
      return refuse('no-such-policy', `The ${target.kind} policy with name ${name} cannot be found.`);
    }
    return { ...holder, inlinePolicies: holder.inlinePolicies.filter((p) => p.name !== name) };
  });
}
