import { userArn, groupArn, roleArn, customerPolicyArn } from '../iam/arn.ts';
import { addUserToGroup, createGroup, createUser, deleteGroup, deleteUser, findUser, type Directory } from '../iam/directory.ts';
import { attachPolicy, createCustomerPolicy, detachPolicy, putInlinePolicy } from '../iam/policy-attachments.ts';
import type { IamRefusal } from '../iam/refusals.ts';
import { assumeRole, createRole, deleteRole, type RoleSession } from '../iam/roles.ts';
import { removeUserFromGroup } from '../iam/directory.ts';
import type { IamOp } from './intents.ts';
import { deactivateMfaDevice, enableMfaDevice } from '../iam/mfa.ts';
import { generatePolicyFromTrail } from '../iam/activity.ts';
import type { TrailEvent } from '../trail/event.ts';

// IAM requests on the match's account. The directory's own functions hold the rules (groups do not nest,
// names, quotas, trust); this file routes each request and names the resource it is about.

/** Who a seat acts as from now: an IAM user, or (user null) the account's root again; '' names the sender. */
export interface Assignment {
  player: string;
  user: string | null;
}

export type IamChange =
  | { ok: true; directory?: Directory; session?: RoleSession | null; assign?: Assignment }
  | IamRefusal;

/** The ARN an IAM request acts on, for the permission check and the audit log. */
export function iamResourceOf(op: IamOp, actingUser: string | undefined): string {
  switch (op.op) {
    case 'createUser':
    case 'deleteUser':
      return userArn(op.name);
    case 'createGroup':
    case 'deleteGroup':
      return groupArn(op.name);
    case 'addToGroup':
    case 'removeFromGroup':
      return groupArn(op.group);
    case 'createPolicy':
      return customerPolicyArn(op.name);
    case 'attachPolicy':
    case 'putInlinePolicy':
      return arnOfIdentity(op.to);
    case 'detachPolicy':
      return arnOfIdentity(op.from);
    case 'createRole':
    case 'deleteRole':
    case 'assumeRole':
      return 'role' in op ? roleArn(op.role) : roleArn(op.name);
    case 'assignUser':
      return userArn(op.user);
    case 'dropRole':
    case 'signInAsRoot':
      return actingUser ? userArn(actingUser) : '*';
    case 'enableMfaDevice':
    case 'deactivateMfaDevice': {
      // EnableMFADevice's resource is the user; left out, it is the caller's own (AWS's ${aws:username} pattern).
      const user = op.user ?? actingUser;
      return user ? userArn(user) : '*';
    }
    case 'generatePolicy':
      // StartPolicyGeneration names the principal whose activity is read (policyGenerationDetails.principalArn).
      return userArn(op.user);
  }
}

function arnOfIdentity(identity: { kind: 'user' | 'group' | 'role'; name: string }): string {
  return identity.kind === 'user' ? userArn(identity.name) : identity.kind === 'group' ? groupArn(identity.name) : roleArn(identity.name);
}

/**
 * Applies one IAM request. `actingUser` is the IAM user behind the sender (undefined for root), needed to
 * assume a role; `nowS` is match time, which role sessions expire by.
 */
export function changeIam(directory: Directory, op: IamOp, actingUser: string | undefined, nowS: number, trail: readonly TrailEvent[] = [], mfa = false): IamChange {
  const done = (result: { ok: true; directory: Directory } | IamRefusal): IamChange => result;
  switch (op.op) {
    case 'createUser':
      return done(createUser(directory, op.name));
    case 'deleteUser':
      return done(deleteUser(directory, op.name));
    case 'createGroup':
      return done(createGroup(directory, op.name));
    case 'deleteGroup':
      return done(deleteGroup(directory, op.name));
    case 'addToGroup':
      return done(addUserToGroup(directory, op.member, op.group));
    case 'removeFromGroup':
      return done(removeUserFromGroup(directory, op.user, op.group));
    case 'createPolicy':
      return done(createCustomerPolicy(directory, op.name, op.document, op.description));
    case 'attachPolicy':
      return done(attachPolicy(directory, op.to, op.policy));
    case 'detachPolicy':
      return done(detachPolicy(directory, op.from, op.policy));
    case 'putInlinePolicy':
      return done(putInlinePolicy(directory, op.to, op.name, op.document));
    case 'createRole':
      return done(createRole(directory, op.name, op.trustedUsers, undefined, op.requireMfa ?? false));
    case 'deleteRole':
      return done(deleteRole(directory, op.name));
    case 'assignUser':
      if (!findUser(directory, op.user)) return { ok: false, code: 'no-such-user', message: `The user with name ${op.user} cannot be found.` };
      return { ok: true, assign: { player: op.player, user: op.user } };
    case 'signInAsRoot':
      return { ok: true, assign: { player: '', user: null } };
    case 'assumeRole': {
      if (actingUser === undefined) {
        return { ok: false, code: 'root-cannot-assume', message: 'The root user cannot switch roles: sign in as an IAM user first.' };
      }
      const assumed = assumeRole(directory, actingUser, op.role, nowS, op.durationS, mfa);
      return assumed.ok ? { ok: true, session: assumed.session } : assumed;
    }
    case 'dropRole':
      return { ok: true, session: null };
    case 'enableMfaDevice':
    case 'deactivateMfaDevice': {
      const user = op.user ?? actingUser;
      if (user === undefined) {
        return { ok: false, code: 'no-such-user', message: "Name the IAM user: the root user's MFA is set in the account's security credentials, and is on already." };
      }
      return done(op.op === 'enableMfaDevice' ? enableMfaDevice(directory, user, op.device, op.authenticationCode1, op.authenticationCode2) : deactivateMfaDevice(directory, user, op.device));
    }
    case 'generatePolicy': {
      if (!findUser(directory, op.user)) return { ok: false, code: 'no-such-user', message: `The user with name ${op.user} cannot be found.` };
      const generated = generatePolicyFromTrail(trail, op.user);
      if (!generated.ok) return generated;
      return done(createCustomerPolicy(directory, op.name, generated.document, `Generated by IAM Access Analyzer from ${op.user}'s CloudTrail activity`));
    }
  }
}
