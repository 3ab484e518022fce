// Every way an IAM rule can say no: a stable code (the room, the CloudTrail console and the tests key on it) and
// a human message written for the case at hand. Rules return these; they never throw.

export const IAM_REFUSAL_CODES = [
  // Policy documents.
  'policy-not-json',
  'policy-too-large',
  'too-many-statements',
  'invalid-policy',
  // The directory of users, groups, roles and customer policies.
  'invalid-name',
  'already-exists',
  'no-such-user',
  'no-such-group',
  'no-such-role',
  'no-such-policy',
  'groups-do-not-nest',
  'only-users-join-groups',
  'not-a-member',
  'not-attached',
  'limit-exceeded',
  // Roles.
  'not-trusted',
  'mfa-required',
  'root-cannot-assume',
  'invalid-duration',
  // MFA devices.
  'invalid-authentication-code',
  'no-such-mfa-device',
  // Access Analyzer.
  'no-activity',
  // Resource names.
  'invalid-arn',
  // Authorisation, spelt as AWS's own error codes so players recognise them.
  'AccessDenied',
  'ExpiredToken',
] as const;

export type IamRefusalCode = (typeof IAM_REFUSAL_CODES)[number];

/** A refused IAM operation. `field` names the offending part of a policy document when there is one. */
export interface IamRefusal {
  ok: false;
  code: IamRefusalCode;
  message: string;
  field?: string;
}

export function refuse(code: IamRefusalCode, message: string, field?: string): IamRefusal {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}
