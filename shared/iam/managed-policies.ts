// AWS managed policies the game offers, written as real policy JSON and modelled on AWS's own (the job-function
// ones trimmed to the services the game has). Players attach them by name; reading them is part of the lesson:
// AdministratorAccess is one line, PowerUserAccess shows NotAction, ReadOnlyAccess shows wildcards.

import type { PolicyDocument } from './policy-schema.ts';

export interface ManagedPolicy {
  name: string;
  /** Where AWS keeps it: AWS's own account ("aws"), job-function policies under their own path. */
  arn: string;
  description: string;
  document: PolicyDocument;
}

/** The services whose read actions ReadOnlyAccess grants: every service the game has. */
const GAME_SERVICES = [
  'ec2', 'autoscaling', 'elasticloadbalancing', 'rds', 's3', 'cloudfront', 'route53', 'globalaccelerator', 'wafv2',
  'cloudwatch', 'logs', 'sns', 'cloudformation', 'cloudtrail', 'iam',
] as const;

const administratorAccess: ManagedPolicy = {
  name: 'AdministratorAccess',
  arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  description: 'Full access to every service and resource.',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

const powerUserAccess: ManagedPolicy = {
  name: 'PowerUserAccess',
  arn: 'arn:aws:iam::aws:policy/PowerUserAccess',
  description: 'Full access to every service except managing users, groups, roles and the organization.',
  document: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      // As in AWS's policy: enough IAM to see roles and let services create their own, never to grant rights.
      {
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions'],
        Resource: '*',
      },
    ],
  },
};

const readOnlyAccess: ManagedPolicy = {
  name: 'ReadOnlyAccess',
  arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  description: 'Look at everything, change nothing: the Describe, Get, List, View and Lookup actions of every service.',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadEverything',
        Effect: 'Allow',
        Action: [
          ...GAME_SERVICES.flatMap((s) => [`${s}:Describe*`, `${s}:Get*`, `${s}:List*`]),
          'cloudtrail:LookupEvents',
          'cloudformation:ValidateTemplate',
          'logs:FilterLogEvents',
          'budgets:View*',
          'ce:Get*',
          'ce:Describe*',
          'ce:List*',
        ],
        Resource: '*',
      },
    ],
  },
};

const networkAdministrator: ManagedPolicy = {
  name: 'NetworkAdministrator',
  arn: 'arn:aws:iam::aws:policy/job-function/NetworkAdministrator',
  description: 'Build and run the network: VPCs, subnets, routes, peering, transit gateways, load balancers, DNS, CDN, accelerators and WAF.',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'BuildTheNetwork',
        Effect: 'Allow',
        Action: [
          'ec2:*Vpc*',
          'ec2:*Subnet*',
          'ec2:*Route*',
          'ec2:*TransitGateway*',
          'ec2:*SecurityGroup*',
          'ec2:*InternetGateway*',
          'ec2:*NatGateway*',
          'ec2:*FlowLogs*',
        ],
        Resource: '*',
      },
      {
        Sid: 'RunTheEdgeAndBalancers',
        Effect: 'Allow',
        Action: ['elasticloadbalancing:*', 'route53:*', 'cloudfront:*', 'globalaccelerator:*', 'wafv2:*'],
        Resource: '*',
      },
      {
        Sid: 'SeeWhatTheNetworkServes',
        Effect: 'Allow',
        Action: ['ec2:Describe*', 'autoscaling:Describe*', 'cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*', 'logs:FilterLogEvents', 'logs:GetLogEvents'],
        Resource: '*',
      },
    ],
  },
};

const billing: ManagedPolicy = {
  name: 'Billing',
  arn: 'arn:aws:iam::aws:policy/job-function/Billing',
  description: 'See and manage the bill: billing and usage, budgets and Cost Explorer.',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['aws-portal:*Billing', 'aws-portal:*Usage', 'budgets:ViewBudget', 'budgets:ModifyBudget', 'ce:*'],
        Resource: '*',
      },
    ],
  },
};

export const MANAGED_POLICIES: readonly ManagedPolicy[] = [administratorAccess, powerUserAccess, networkAdministrator, readOnlyAccess, billing];

export type ManagedPolicyName = 'AdministratorAccess' | 'PowerUserAccess' | 'NetworkAdministrator' | 'ReadOnlyAccess' | 'Billing';

export function findManagedPolicy(name: string): ManagedPolicy | undefined {
  return MANAGED_POLICIES.find((p) => p.name === name);
}
