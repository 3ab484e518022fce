import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, actionsMatching, findAction, IAM_ACTIONS } from '../../../shared/iam/actions.ts';

const REQUIRED = `
ec2:RunInstances ec2:TerminateInstances ec2:RebootInstances ec2:CreateVpc ec2:DeleteVpc ec2:CreateSubnet ec2:DeleteSubnet
ec2:CreateVpcPeeringConnection ec2:CreateTransitGateway ec2:CreateRoute ec2:CreateSecurityGroup ec2:DescribeInstances
autoscaling:CreateAutoScalingGroup autoscaling:UpdateAutoScalingGroup autoscaling:DeleteAutoScalingGroup
autoscaling:SetDesiredCapacity autoscaling:PutScalingPolicy autoscaling:PutScheduledUpdateGroupAction
elasticloadbalancing:CreateLoadBalancer elasticloadbalancing:ModifyLoadBalancerAttributes elasticloadbalancing:CreateTargetGroup
elasticloadbalancing:ModifyTargetGroup elasticloadbalancing:RegisterTargets elasticloadbalancing:CreateListener
elasticloadbalancing:CreateRule elasticloadbalancing:DeleteLoadBalancer
rds:CreateDBInstance rds:ModifyDBInstance rds:RebootDBInstance rds:PromoteReadReplica rds:CreateDBInstanceReadReplica rds:DeleteDBInstance
s3:CreateBucket s3:DeleteBucket cloudfront:CreateDistribution cloudfront:UpdateDistribution
route53:ChangeResourceRecordSets route53:CreateHealthCheck
globalaccelerator:CreateAccelerator globalaccelerator:CreateEndpointGroup globalaccelerator:UpdateEndpointGroup
wafv2:CreateWebACL wafv2:AssociateWebACL cloudwatch:PutMetricAlarm cloudwatch:DeleteAlarms cloudwatch:GetMetricData
cloudformation:CreateStack cloudformation:UpdateStack cloudformation:DeleteStack cloudformation:DescribeStacks
budgets:ModifyBudget budgets:ViewBudget ce:GetCostAndUsage ce:GetCostForecast cloudtrail:LookupEvents
iam:CreateUser iam:DeleteUser iam:CreateGroup iam:AddUserToGroup iam:RemoveUserFromGroup iam:AttachUserPolicy
iam:AttachGroupPolicy iam:AttachRolePolicy iam:DetachUserPolicy iam:CreateRole iam:PutUserPolicy iam:CreateAccessKey
iam:DeleteAccessKey sts:AssumeRole
`.split(/\s+/).filter(Boolean);

describe('the action catalogue', () => {
  it('has every action the game checks', () => {
    const names = new Set<string>(IAM_ACTIONS.map((a) => a.name));
    expect(REQUIRED.filter((n) => !names.has(n))).toEqual([]);
  });

  it('names each action once (IAM compares them without case), with its service, level and description', () => {
    const lower = IAM_ACTIONS.map((a) => a.name.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    for (const a of IAM_ACTIONS) {
      expect(a.name).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
      expect(a.name.startsWith(`${a.service}:`)).toBe(true);
      expect(ACCESS_LEVELS).toContain(a.accessLevel);
      expect(a.description, a.name).toMatch(/^[A-Z][^\n]{8,80}$/);
    }
  });

  it('classifies access levels the way AWS does for the common verbs', () => {
    for (const a of IAM_ACTIONS) {
      const verb = a.name.split(':')[1]!;
      if (/^(Describe|List|Get|View|Lookup)/.test(verb)) expect(['Read', 'List'], a.name).toContain(a.accessLevel);
      // Changing any IAM policy, or who may assume a role, is permissions management.
      const permissions = a.service === 'iam' && /^(Attach|Detach|Put|Delete|Create|Update)\w*Policy$/.test(verb);
      if (permissions) expect(a.accessLevel, a.name).toBe('Permissions management');
      if (/Tags$/.test(verb)) expect(a.accessLevel, a.name).toBe('Tagging');
      if (/^(Create|Delete|Modify|Update|Run|Terminate|Reboot)/.test(verb) && !permissions && !/Tags$/.test(verb)) {
        expect(a.accessLevel, a.name).toBe('Write');
      }
    }
  });

  it('finds actions without regard to case, and expands patterns', () => {
    expect(findAction('EC2:runinstances')?.name).toBe('ec2:RunInstances');
    expect(findAction('ec2:Run*')).toBeUndefined();
    expect(findAction('ec2:LaunchMissiles')).toBeUndefined();
    const describes = actionsMatching('ec2:Describe*');
    expect(describes.map((a) => a.name)).toContain('ec2:DescribeInstances');
    expect(describes.every((a) => a.name.startsWith('ec2:Describe') && a.accessLevel === 'List')).toBe(true);
    expect(actionsMatching('*')).toHaveLength(IAM_ACTIONS.length);
  });
});
