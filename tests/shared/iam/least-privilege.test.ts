import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IAM_ACTIONS } from '../../../shared/iam/actions.ts';
import type { PolicyToEvaluate } from '../../../shared/iam/evaluate.ts';
import { privilegeReport, privilegeScore, unusedPermissions } from '../../../shared/iam/least-privilege.ts';
import { findManagedPolicy } from '../../../shared/iam/managed-policies.ts';
import type { PolicyStatement } from '../../../shared/iam/policy-schema.ts';
import * as arb from './arbitraries.ts';

const managed = (name: string): PolicyToEvaluate => findManagedPolicy(name)!;
const policy = (...Statement: PolicyStatement[]): PolicyToEvaluate => ({ name: 'Custom', document: { Version: '2012-10-17', Statement } });
const ALL = IAM_ACTIONS.map((a) => a.name);

describe('least privilege', () => {
  it('scores AdministratorAccess used for nothing at 0, and used for everything at 1', () => {
    expect(privilegeScore([managed('AdministratorAccess')], [])).toBe(0);
    expect(unusedPermissions([managed('AdministratorAccess')], [])).toEqual(ALL);
    expect(privilegeScore([managed('AdministratorAccess')], ALL)).toBe(1);
  });

  it('scores a principal granted nothing at 1: it holds no excess', () => {
    expect(privilegeReport([], ['ec2:RunInstances'])).toEqual({ granted: [], used: [], unused: [], notGranted: ['ec2:RunInstances'], score: 1 });
  });

  it('weights an unused permission by its access level, as documented', () => {
    const p = policy({ Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:DescribeInstances'], Resource: '*' });
    // Granted weight: RunInstances (Write, 3) + DescribeInstances (List, 1) = 4; unused: RunInstances, 3.
    expect(privilegeScore([p], ['ec2:DescribeInstances'])).toBeCloseTo(1 - 3 / 4, 12);
    expect(privilegeScore([p], ['ec2:RunInstances'])).toBeCloseTo(1 - 1 / 4, 12);
    const admin = policy({ Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'ec2:DescribeInstances'], Resource: '*' });
    expect(privilegeScore([admin], ['ec2:DescribeInstances'])).toBeCloseTo(1 - 5 / 6, 12);
  });

  it('matches used actions without regard to case, and lists what was used but not granted', () => {
    const report = privilegeReport([managed('ReadOnlyAccess')], ['EC2:describeinstances', 'ec2:RunInstances', 'made:Up']);
    expect(report.used).toEqual(['ec2:DescribeInstances']);
    expect(report.notGranted).toEqual(['ec2:RunInstances', 'made:Up']);
  });

  it('takes away what an unconditional Deny on every resource takes away, but not a conditional one', () => {
    const denyIam = policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' });
    const granted = privilegeReport([managed('AdministratorAccess'), denyIam], []).granted;
    expect(granted.some((a) => a.startsWith('iam:'))).toBe(false);
    expect(granted).toContain('ec2:RunInstances');
    const denyWithoutMfa = policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
    expect(privilegeReport([managed('AdministratorAccess'), denyWithoutMfa], []).granted).toContain('iam:CreateUser');
    const denyOneStack = policy({ Effect: 'Deny', Action: 'iam:*', Resource: 'arn:aws:iam::123456789012:user/ana' });
    expect(privilegeReport([managed('AdministratorAccess'), denyOneStack], []).granted).toContain('iam:CreateUser');
  });

  it('ranks a narrow policy above a broad one for the same work', () => {
    const work = ['ec2:CreateSubnet', 'ec2:CreateVpc', 'ec2:DescribeSubnets'];
    const narrow = policy({ Effect: 'Allow', Action: work, Resource: '*' });
    expect(privilegeScore([narrow], work)).toBe(1);
    expect(privilegeScore([managed('NetworkAdministrator')], work)).toBeGreaterThan(privilegeScore([managed('PowerUserAccess')], work));
    expect(privilegeScore([managed('PowerUserAccess')], work)).toBeGreaterThan(privilegeScore([managed('AdministratorAccess')], work));
  });

  it('for any policies: the score is within [0, 1]; using more never lowers it; an unused grant never raises it', () => {
    const used = fc.subarray(ALL, { maxLength: 20 });
    fc.assert(
      fc.property(arb.policies, used, fc.constantFrom(...ALL), (set, actions, extra) => {
        const score = privilegeScore(set, actions);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(privilegeScore(set, [...actions, extra])).toBeGreaterThanOrEqual(score - 1e-12);
        if (!actions.includes(extra)) {
          const widened = [...set, policy({ Effect: 'Allow', Action: extra, Resource: '*' })];
          expect(privilegeScore(widened, actions)).toBeLessThanOrEqual(score + 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });
});
