import { describe, expect, it } from 'vitest';
import { resourceArn } from '../../../shared/iam/arn.ts';
import { authorize } from '../../../shared/iam/authorize.ts';
import { addUserToGroup, createGroup, createUser } from '../../../shared/iam/directory.ts';
import { attachPolicy, createCustomerPolicy, putInlinePolicy } from '../../../shared/iam/policy-attachments.ts';
import { principalArn, principalPolicies, ROOT } from '../../../shared/iam/principals.ts';
import { assumeRole, createRole } from '../../../shared/iam/roles.ts';
import { build } from './steps.ts';

const INSTANCE = resourceArn({ service: 'ec2', region: 'us-east-1', type: 'instance', name: 'web-stack/WebServer' });
const NO_MFA = { mfa: false, region: 'us-east-1' };
const ANA = { kind: 'user', name: 'ana' } as const;
const denyTerminate = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*' }] };

const team = () =>
  build(
    (d) => createUser(d, 'ana'),
    (d) => createUser(d, 'bob'),
    (d) => createGroup(d, 'Network'),
    (d) => addUserToGroup(d, 'ana', 'Network'),
    (d) => attachPolicy(d, { kind: 'group', name: 'Network' }, { kind: 'managed', name: 'NetworkAdministrator' }),
    (d) => attachPolicy(d, ANA, { kind: 'managed', name: 'ReadOnlyAccess' }),
    (d) => createRole(d, 'Operator', ['ana']),
    (d) => attachPolicy(d, { kind: 'role', name: 'Operator' }, { kind: 'managed', name: 'PowerUserAccess' }),
    (d) => createCustomerPolicy(d, 'NoTermination', denyTerminate),
  );

describe('principalPolicies', () => {
  it("gives a user its own policies, inline ones, then each group's", () => {
    const d = build(() => ({ ok: true, directory: team() }), (d) => putInlinePolicy(d, ANA, 'Extra', denyTerminate));
    const policies = principalPolicies(d, ANA, 0);
    expect(policies.map((p) => [p.name, p.kind, p.via.kind])).toEqual([
      ['ReadOnlyAccess', 'managed', 'user'],
      ['Extra', 'inline', 'user'],
      ['NetworkAdministrator', 'managed', 'group'],
    ]);
    expect(policies[2]!.arn).toBe('arn:aws:iam::aws:policy/job-function/NetworkAdministrator');
  });

  it('gives root and unknown users no policies', () => {
    expect(principalPolicies(team(), ROOT, 0)).toEqual([]);
    expect(principalPolicies(team(), { kind: 'user', name: 'zed' }, 0)).toEqual([]);
  });
});

describe('authorize', () => {
  it('allows root everything: IAM policies cannot limit it', () => {
    expect(authorize(team(), ROOT, 'iam:CreateUser', '*', NO_MFA, 0).ok).toBe(true);
    const withDeny = build(() => ({ ok: true, directory: team() }), (d) => putInlinePolicy(d, ANA, 'DenyAll', denyTerminate));
    expect(authorize(withDeny, ROOT, 'ec2:TerminateInstances', INSTANCE, NO_MFA, 0).ok).toBe(true);
    expect(principalArn(ROOT)).toBe('arn:aws:iam::123456789012:root');
  });

  it('allows what a group grants', () => {
    expect(authorize(team(), ANA, 'ec2:CreateSubnet', '*', NO_MFA, 0).ok).toBe(true);
    expect(authorize(team(), ANA, 'ec2:DescribeInstances', '*', NO_MFA, 0).ok).toBe(true);
  });

  it('denies implicitly, in the words AWS uses', () => {
    expect(authorize(team(), ANA, 'ec2:RunInstances', INSTANCE, NO_MFA, 0)).toMatchObject({
      ok: false,
      code: 'AccessDenied',
      message:
        'User: arn:aws:iam::123456789012:user/ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/web-stack/WebServer because no identity-based policy allows the ec2:RunInstances action',
    });
    expect(authorize(team(), { kind: 'user', name: 'bob' }, 'rds:DescribeDBInstances', '*', NO_MFA, 0)).toMatchObject({
      code: 'AccessDenied',
      message: 'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: rds:DescribeDBInstances because no identity-based policy allows the rds:DescribeDBInstances action',
    });
  });

  it('denies explicitly, naming the policy as AWS does', () => {
    const d = build(
      () => ({ ok: true, directory: team() }),
      (d) => attachPolicy(d, { kind: 'user', name: 'bob' }, { kind: 'managed', name: 'AdministratorAccess' }),
      (d) => attachPolicy(d, { kind: 'user', name: 'bob' }, { kind: 'customer', name: 'NoTermination' }),
    );
    const result = authorize(d, { kind: 'user', name: 'bob' }, 'ec2:TerminateInstances', INSTANCE, NO_MFA, 0);
    expect(result).toMatchObject({
      ok: false,
      code: 'AccessDenied',
      message:
        'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/web-stack/WebServer with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/NoTermination',
      deniedBy: { name: 'NoTermination', kind: 'customer' },
    });
    expect(authorize(d, { kind: 'user', name: 'bob' }, 'ec2:RunInstances', INSTANCE, NO_MFA, 0).ok).toBe(true);
  });

  it('acts for a role session with the policies of the role, then refuses the expired token', () => {
    const d = team();
    const assumed = assumeRole(d, 'ana', 'Operator', 1000, 900);
    if (!assumed.ok) throw new Error(assumed.message);
    const principal = { kind: 'role-session', session: assumed.session } as const;
    expect(authorize(d, principal, 'rds:CreateDBInstance', '*', NO_MFA, 1000).ok).toBe(true);
    expect(authorize(d, principal, 'iam:CreateUser', '*', NO_MFA, 1000)).toMatchObject({
      code: 'AccessDenied',
      message: 'User: arn:aws:sts::123456789012:assumed-role/Operator/ana-1000 is not authorized to perform: iam:CreateUser because no identity-based policy allows the iam:CreateUser action',
    });
    expect(authorize(d, principal, 'rds:CreateDBInstance', '*', NO_MFA, 1900)).toMatchObject({
      ok: false,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
    // The user's own permissions are not the session's: NetworkAdministrator does not create databases.
    expect(authorize(d, ANA, 'rds:CreateDBInstance', '*', NO_MFA, 1000).ok).toBe(false);
  });

  it('passes the MFA and region context to the conditions', () => {
    const mfaOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }] };
    const d = build(
      () => ({ ok: true, directory: team() }),
      (d) => attachPolicy(d, { kind: 'user', name: 'bob' }, { kind: 'managed', name: 'AdministratorAccess' }),
      (d) => putInlinePolicy(d, { kind: 'user', name: 'bob' }, 'MfaToTerminate', mfaOnly),
    );
    const bob = { kind: 'user', name: 'bob' } as const;
    const denied = authorize(d, bob, 'ec2:TerminateInstances', INSTANCE, { mfa: false }, 0);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.message.endsWith('with an explicit deny in an identity-based policy')).toBe(true);
    expect(authorize(d, bob, 'ec2:TerminateInstances', INSTANCE, { mfa: true }, 0).ok).toBe(true);
  });
});
