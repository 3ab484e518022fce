// Who is acting, and which policies speak for them. A user carries its own policies and its groups'; a role
// session carries its role's and nothing of the user who assumed it; the root account carries none, because
// IAM policies cannot limit it (it is allowed everything, which is why the course asks for MFA on it).

import { assumedRoleArn, ROOT_ARN, userArn } from './arn.ts';
import { findCustomerPolicy, findRole, findUser, groupsOf, type Directory, type IdentityRef, type PolicyHolder } from './directory.ts';
import type { PolicyToEvaluate } from './evaluate.ts';
import { findManagedPolicy } from './managed-policies.ts';
import { policyRefArn } from './policy-attachments.ts';
import { sessionExpired, type RoleSession } from './roles.ts';

export type Principal = { kind: 'root' } | { kind: 'user'; name: string } | { kind: 'role-session'; session: RoleSession };

export const ROOT: Principal = { kind: 'root' };

/** A policy that applies to a principal, and where it comes from (for the console and for AccessDenied). */
export interface ApplicablePolicy extends PolicyToEvaluate {
  kind: 'managed' | 'customer' | 'inline';
  /** Managed and customer policies have ARNs; inline ones live inside their identity and have none. */
  arn?: string;
  /** The user, group or role it is attached to or written in. */
  via: IdentityRef;
}

/** The principal's ARN as AWS shows it in errors and CloudTrail. */
export function principalArn(principal: Principal): string {
  if (principal.kind === 'root') return ROOT_ARN;
  if (principal.kind === 'user') return userArn(principal.name);
  return assumedRoleArn(principal.session.role, principal.session.sessionName);
}

/** Every policy attached to or written in one identity: managed ones first, then inline, each in order. */
export function policiesOf(directory: Directory, holder: PolicyHolder, via: IdentityRef): ApplicablePolicy[] {
  const out: ApplicablePolicy[] = [];
  for (const ref of holder.attachedPolicies) {
    const found = ref.kind === 'managed' ? findManagedPolicy(ref.name) : findCustomerPolicy(directory, ref.name);
    // A reference to a policy that no longer exists grants nothing (deletion detaches, so this is a safeguard).
    if (found) out.push({ name: ref.name, kind: ref.kind, arn: policyRefArn(ref), via, document: found.document });
  }
  for (const inline of holder.inlinePolicies) out.push({ name: inline.name, kind: 'inline', via, document: inline.document });
  return out;
}

/**
 * Every policy that applies to the principal at `nowS`: a user's own, then each of its groups'; a role
 * session's role's while the session lasts, none once it has expired or its role is gone; none for root.
 */
export function principalPolicies(directory: Directory, principal: Principal, nowS: number): ApplicablePolicy[] {
  if (principal.kind === 'root') return [];
  if (principal.kind === 'user') {
    const user = findUser(directory, principal.name);
    if (!user) return [];
    return [
      ...policiesOf(directory, user, { kind: 'user', name: user.name }),
      ...groupsOf(directory, user.name).flatMap((g) => policiesOf(directory, g, { kind: 'group', name: g.name })),
    ];
  }
  const role = findRole(directory, principal.session.role);
  if (!role || sessionExpired(principal.session, nowS)) return [];
  return policiesOf(directory, role, { kind: 'role', name: role.name });
}
