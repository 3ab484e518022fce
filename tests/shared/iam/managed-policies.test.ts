import { describe, expect, it } from 'vitest';
import { IAM_ACTIONS } from '../../../shared/iam/actions.ts';
import { evaluate } from '../../../shared/iam/evaluate.ts';
import { findManagedPolicy, MANAGED_POLICIES, type ManagedPolicyName } from '../../../shared/iam/managed-policies.ts';
import { parsePolicy } from '../../../shared/iam/parse-policy.ts';

function allows(name: ManagedPolicyName, action: string): boolean {
  const policy = findManagedPolicy(name)!;
  return evaluate({ action, resource: 'arn:aws:ec2:us-east-1:123456789012:instance/web/Server', context: { mfa: false, region: 'us-east-1' } }, [policy]).decision === 'Allow';
}

const allowedBy = (name: ManagedPolicyName) => IAM_ACTIONS.filter((a) => allows(name, a.name));

describe('managed policies', () => {
  it('are valid policy JSON, each named once, with an ARN and a one-line description', () => {
    expect(MANAGED_POLICIES.map((p) => p.name)).toEqual(['AdministratorAccess', 'PowerUserAccess', 'NetworkAdministrator', 'ReadOnlyAccess', 'Billing']);
    for (const p of MANAGED_POLICIES) {
      expect(parsePolicy(p.document), p.name).toMatchObject({ ok: true });
      expect(p.arn).toMatch(/^arn:aws:iam::aws:policy\/(job-function\/)?[A-Za-z]+$/);
      expect(p.arn.endsWith(`/${p.name}`)).toBe(true);
      expect(p.description).toMatch(/^[A-Z][^\n]{15,160}\.$/);
    }
    expect(findManagedPolicy('GodMode')).toBeUndefined();
  });

  it('AdministratorAccess allows every action', () => {
    expect(allowedBy('AdministratorAccess')).toHaveLength(IAM_ACTIONS.length);
    expect(allows('AdministratorAccess', 'someservice:AnythingAtAll')).toBe(true);
  });

  it('PowerUserAccess allows everything outside IAM, and of IAM only listing roles', () => {
    for (const a of IAM_ACTIONS) {
      expect(allows('PowerUserAccess', a.name), a.name).toBe(a.service !== 'iam' || a.name === 'iam:ListRoles');
    }
    expect(allows('PowerUserAccess', 'iam:CreateUser')).toBe(false);
    expect(allows('PowerUserAccess', 'iam:AttachUserPolicy')).toBe(false);
    expect(allows('PowerUserAccess', 'sts:AssumeRole')).toBe(true);
  });

  it('NetworkAdministrator builds the network and reads the board, and nothing else', () => {
    for (const action of [
      'ec2:CreateVpc',
      'ec2:CreateSubnet',
      'ec2:DeleteSubnet',
      'ec2:CreateRoute',
      'ec2:CreateVpcPeeringConnection',
      'ec2:CreateTransitGateway',
      'ec2:CreateSecurityGroup',
      'ec2:DescribeInstances',
      'elasticloadbalancing:CreateLoadBalancer',
      'route53:ChangeResourceRecordSets',
      'cloudfront:CreateDistribution',
      'globalaccelerator:UpdateEndpointGroup',
      'wafv2:AssociateWebACL',
      'cloudwatch:GetMetricData',
    ]) {
      expect(allows('NetworkAdministrator', action), action).toBe(true);
    }
    for (const action of ['rds:CreateDBInstance', 'iam:CreateUser', 'ec2:RunInstances', 'ec2:TerminateInstances', 's3:CreateBucket', 'autoscaling:SetDesiredCapacity', 'budgets:ModifyBudget']) {
      expect(allows('NetworkAdministrator', action), action).toBe(false);
    }
  });

  it('ReadOnlyAccess allows exactly the Read and List actions (billing has its own policy)', () => {
    expect(allows('ReadOnlyAccess', 'ec2:DescribeInstances')).toBe(true);
    expect(allows('ReadOnlyAccess', 'ec2:RunInstances')).toBe(false);
    const expected = IAM_ACTIONS.filter((a) => (a.accessLevel === 'Read' || a.accessLevel === 'List') && a.service !== 'aws-portal');
    expect(allowedBy('ReadOnlyAccess').map((a) => a.name)).toEqual(expected.map((a) => a.name));
  });

  it('Billing sees and manages the bill, and nothing else', () => {
    for (const action of ['budgets:ViewBudget', 'budgets:ModifyBudget', 'ce:GetCostAndUsage', 'ce:GetCostForecast', 'aws-portal:ViewBilling', 'aws-portal:ViewUsage']) {
      expect(allows('Billing', action), action).toBe(true);
    }
    expect(allowedBy('Billing').every((a) => ['budgets', 'ce', 'aws-portal'].includes(a.service))).toBe(true);
  });
});
