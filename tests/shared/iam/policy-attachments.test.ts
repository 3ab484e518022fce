import { describe, expect, it } from 'vitest';
import { createGroup, createUser, emptyDirectory, type Directory } from '../../../shared/iam/directory.ts';
import {
  attachPolicy,
  createCustomerPolicy,
  deleteCustomerPolicy,
  deleteInlinePolicy,
  detachPolicy,
  putInlinePolicy,
  updateCustomerPolicy,
} from '../../../shared/iam/policy-attachments.ts';
import { MAX_USER_INLINE_POLICY_CHARS } from '../../../shared/iam/policy-schema.ts';
import { MAX_MANAGED_POLICIES_PER_IDENTITY } from '../../../shared/iam/quotas.ts';
import { createRole } from '../../../shared/iam/roles.ts';
import { build, refusal } from './steps.ts';

const ANA = { kind: 'user', name: 'ana' } as const;
const DEVS = { kind: 'group', name: 'Devs' } as const;
const DEPLOYER = { kind: 'role', name: 'Deployer' } as const;
const ec2Only = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] };

const base = (): Directory =>
  build(
    (d) => createUser(d, 'ana'),
    (d) => createGroup(d, 'Devs'),
    (d) => createRole(d, 'Deployer', ['ana']),
  );

describe('customer policies', () => {
  it('creates one from a value or from JSON text', () => {
    const d = build(() => ({ ok: true, directory: base() }), (d) => createCustomerPolicy(d, 'Ec2Only', ec2Only, 'EC2 and nothing else'));
    expect(d.customerPolicies).toEqual([{ name: 'Ec2Only', description: 'EC2 and nothing else', document: ec2Only }]);
    expect(createCustomerPolicy(emptyDirectory(), 'FromText', JSON.stringify(ec2Only, null, 2)).ok).toBe(true);
  });

  it('refuses a bad policy with the parser message, naming the field', () => {
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: 'ec2:*', Resource: '*' }] };
    expect(refusal(createCustomerPolicy(emptyDirectory(), 'Bad', bad))).toMatchObject({ code: 'invalid-policy', field: 'Statement[0].Effect' });
    expect(refusal(createCustomerPolicy(emptyDirectory(), 'Bad', '{ nope')).code).toBe('policy-not-json');
  });

  it('refuses bad and duplicate names', () => {
    const d = build((d) => createCustomerPolicy(d, 'Ec2Only', ec2Only));
    expect(refusal(createCustomerPolicy(d, 'EC2ONLY', ec2Only)).code).toBe('already-exists');
    expect(refusal(createCustomerPolicy(d, 'ec2 only', ec2Only)).code).toBe('invalid-name');
  });

  it('updates one, and deleting one detaches it everywhere', () => {
    const d = build(
      () => ({ ok: true, directory: base() }),
      (d) => createCustomerPolicy(d, 'Ec2Only', ec2Only),
      (d) => attachPolicy(d, ANA, { kind: 'customer', name: 'Ec2Only' }),
      (d) => attachPolicy(d, DEPLOYER, { kind: 'customer', name: 'Ec2Only' }),
      (d) => updateCustomerPolicy(d, 'Ec2Only', { ...ec2Only, Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }),
    );
    expect(JSON.stringify(d.customerPolicies[0]!.document)).toContain('Describe');
    const gone = build(() => ({ ok: true, directory: d }), (d) => deleteCustomerPolicy(d, 'Ec2Only'));
    expect(gone.customerPolicies).toEqual([]);
    expect(gone.users[0]!.attachedPolicies).toEqual([]);
    expect(gone.roles[0]!.attachedPolicies).toEqual([]);
    expect(refusal(deleteCustomerPolicy(gone, 'Ec2Only')).code).toBe('no-such-policy');
  });
});

describe('attaching and detaching', () => {
  it('attaches managed policies to users, groups and roles, once', () => {
    const d = build(
      () => ({ ok: true, directory: base() }),
      (d) => attachPolicy(d, ANA, { kind: 'managed', name: 'ReadOnlyAccess' }),
      (d) => attachPolicy(d, ANA, { kind: 'managed', name: 'ReadOnlyAccess' }),
      (d) => attachPolicy(d, DEVS, { kind: 'managed', name: 'PowerUserAccess' }),
      (d) => attachPolicy(d, DEPLOYER, { kind: 'managed', name: 'AdministratorAccess' }),
    );
    expect(d.users[0]!.attachedPolicies).toEqual([{ kind: 'managed', name: 'ReadOnlyAccess' }]);
    expect(d.groups[0]!.attachedPolicies).toEqual([{ kind: 'managed', name: 'PowerUserAccess' }]);
    expect(d.roles[0]!.attachedPolicies).toEqual([{ kind: 'managed', name: 'AdministratorAccess' }]);
  });

  it('refuses policies and identities that do not exist', () => {
    expect(refusal(attachPolicy(base(), ANA, { kind: 'managed', name: 'GodMode' }))).toMatchObject({
      code: 'no-such-policy',
      message: 'Policy arn:aws:iam::aws:policy/GodMode does not exist or is not attachable.',
    });
    expect(refusal(attachPolicy(base(), ANA, { kind: 'customer', name: 'Mine' })).code).toBe('no-such-policy');
    expect(refusal(attachPolicy(base(), { kind: 'user', name: 'zed' }, { kind: 'managed', name: 'Billing' })).code).toBe('no-such-user');
    expect(refusal(attachPolicy(base(), { kind: 'group', name: 'Ops' }, { kind: 'managed', name: 'Billing' })).code).toBe('no-such-group');
    expect(refusal(attachPolicy(base(), { kind: 'role', name: 'Admin' }, { kind: 'managed', name: 'Billing' })).code).toBe('no-such-role');
  });

  it(`limits an identity to ${MAX_MANAGED_POLICIES_PER_IDENTITY} managed policies`, () => {
    const steps = [() => ({ ok: true as const, directory: base() })] as ((d: Directory) => ReturnType<typeof attachPolicy>)[];
    for (let i = 0; i < MAX_MANAGED_POLICIES_PER_IDENTITY; i += 1) {
      steps.push((d) => createCustomerPolicy(d, `P${i}`, ec2Only), (d) => attachPolicy(d, ANA, { kind: 'customer', name: `P${i}` }));
    }
    steps.push((d) => createCustomerPolicy(d, 'OneTooMany', ec2Only));
    const d = build(...steps);
    expect(refusal(attachPolicy(d, ANA, { kind: 'customer', name: 'OneTooMany' }))).toMatchObject({
      code: 'limit-exceeded',
      message: 'Cannot exceed quota for PoliciesPerUser: 10',
    });
  });

  it('detaches, and refuses to detach what is not attached', () => {
    const d = build(
      () => ({ ok: true, directory: base() }),
      (d) => attachPolicy(d, DEVS, { kind: 'managed', name: 'Billing' }),
      (d) => detachPolicy(d, DEVS, { kind: 'managed', name: 'Billing' }),
    );
    expect(d.groups[0]!.attachedPolicies).toEqual([]);
    expect(refusal(detachPolicy(d, DEVS, { kind: 'managed', name: 'Billing' })).code).toBe('not-attached');
  });
});

describe('inline policies', () => {
  it('puts, replaces and deletes an inline policy', () => {
    const d = build(
      () => ({ ok: true, directory: base() }),
      (d) => putInlinePolicy(d, ANA, 'Mine', ec2Only),
      (d) => putInlinePolicy(d, ANA, 'Mine', { ...ec2Only, Statement: [{ Effect: 'Allow', Action: 'rds:*', Resource: '*' }] }),
    );
    expect(d.users[0]!.inlinePolicies).toHaveLength(1);
    expect(JSON.stringify(d.users[0]!.inlinePolicies[0]!.document)).toContain('rds:*');
    const gone = build(() => ({ ok: true, directory: d }), (d) => deleteInlinePolicy(d, ANA, 'Mine'));
    expect(gone.users[0]!.inlinePolicies).toEqual([]);
    expect(refusal(deleteInlinePolicy(gone, ANA, 'Mine')).code).toBe('no-such-policy');
  });

  it('holds the inline policies of a user to the AWS total size, larger for groups and roles', () => {
    const big = (n: number) => ({ ...ec2Only, Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${i}`) }] });
    const half = big(40);
    expect(JSON.stringify(half).length).toBeLessThan(MAX_USER_INLINE_POLICY_CHARS);
    expect(JSON.stringify(half).length * 2).toBeGreaterThan(MAX_USER_INLINE_POLICY_CHARS);
    const d = build(() => ({ ok: true, directory: base() }), (d) => putInlinePolicy(d, ANA, 'One', half));
    expect(refusal(putInlinePolicy(d, ANA, 'Two', half)).code).toBe('policy-too-large');
    // Replacing the one policy with itself is fine: the old version does not count.
    expect(putInlinePolicy(d, ANA, 'One', half).ok).toBe(true);
    expect(putInlinePolicy(d, DEVS, 'One', big(100)).ok).toBe(true);
    expect(refusal(putInlinePolicy(d, ANA, 'One', big(100))).code).toBe('policy-too-large');
  });

  it('refuses a bad inline policy by field', () => {
    expect(refusal(putInlinePolicy(base(), DEVS, 'Bad', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*' }] }))).toMatchObject({
      code: 'invalid-policy',
      field: 'Statement[0].Resource',
    });
  });
});
