import type { ResourceKind } from '../design/model.ts';
import type { IamOp, MatchIntent } from './intents.ts';
import type { PlanStep } from '../design/plans/plan.ts';
import { entryOf } from '../design/plans/palette.ts';

// Which AWS API call each intent is: the IAM action the sender's policies must allow, and the eventSource /
// eventName CloudTrail records. Players learn the real names by reading their own audit log.

export interface ApiCall {
  /** IAM action, e.g. "ec2:RunInstances"; undefined for the match's own controls (host only, no IAM). */
  action?: string;
  eventSource: string;
  eventName: string;
}

type Verbs = { create: string; modify: string; delete: string };

/** Create / modify / delete per kind, as service:Action. */
const VERBS: { readonly [K in ResourceKind]: Verbs } = {
  vpc: { create: 'ec2:CreateVpc', modify: 'ec2:CreateTags', delete: 'ec2:DeleteVpc' },
  subnet: { create: 'ec2:CreateSubnet', modify: 'ec2:CreateTags', delete: 'ec2:DeleteSubnet' },
  internetGateway: { create: 'ec2:CreateInternetGateway', modify: 'ec2:CreateTags', delete: 'ec2:DeleteTags' },
  gatewayAttachment: { create: 'ec2:AttachInternetGateway', modify: 'ec2:AttachInternetGateway', delete: 'ec2:AttachInternetGateway' },
  routeTable: { create: 'ec2:CreateRouteTable', modify: 'ec2:CreateTags', delete: 'ec2:DeleteRoute' },
  route: { create: 'ec2:CreateRoute', modify: 'ec2:CreateRoute', delete: 'ec2:DeleteRoute' },
  subnetRouteTableAssociation: { create: 'ec2:AssociateRouteTable', modify: 'ec2:AssociateRouteTable', delete: 'ec2:AssociateRouteTable' },
  securityGroup: { create: 'ec2:CreateSecurityGroup', modify: 'ec2:AuthorizeSecurityGroupIngress', delete: 'ec2:DeleteSecurityGroup' },
  vpcPeering: { create: 'ec2:CreateVpcPeeringConnection', modify: 'ec2:AcceptVpcPeeringConnection', delete: 'ec2:DeleteVpcPeeringConnection' },
  transitGateway: { create: 'ec2:CreateTransitGateway', modify: 'ec2:CreateTags', delete: 'ec2:DeleteTransitGateway' },
  transitGatewayAttachment: { create: 'ec2:CreateTransitGatewayVpcAttachment', modify: 'ec2:CreateTransitGatewayVpcAttachment', delete: 'ec2:DeleteTransitGateway' },
  customerGateway: { create: 'ec2:CreateCustomerGateway', modify: 'ec2:CreateTags', delete: 'ec2:DeleteCustomerGateway' },
  vpnGateway: { create: 'ec2:CreateVpnGateway', modify: 'ec2:AttachVpnGateway', delete: 'ec2:DeleteVpnGateway' },
  vpnConnection: { create: 'ec2:CreateVpnConnection', modify: 'ec2:ModifyVpnConnection', delete: 'ec2:DeleteVpnConnection' },
  vpnGatewayRoutePropagation: { create: 'ec2:EnableVgwRoutePropagation', modify: 'ec2:EnableVgwRoutePropagation', delete: 'ec2:DisableVgwRoutePropagation' },
  networkAcl: { create: 'ec2:CreateNetworkAcl', modify: 'ec2:CreateTags', delete: 'ec2:DeleteNetworkAcl' },
  networkAclEntry: { create: 'ec2:CreateNetworkAclEntry', modify: 'ec2:ReplaceNetworkAclEntry', delete: 'ec2:DeleteNetworkAclEntry' },
  subnetNetworkAclAssociation: { create: 'ec2:ReplaceNetworkAclAssociation', modify: 'ec2:ReplaceNetworkAclAssociation', delete: 'ec2:ReplaceNetworkAclAssociation' },
  flowLog: { create: 'ec2:CreateFlowLogs', modify: 'ec2:CreateTags', delete: 'ec2:DeleteFlowLogs' },
  instance: { create: 'ec2:RunInstances', modify: 'ec2:ModifyInstanceAttribute', delete: 'ec2:TerminateInstances' },
  launchTemplate: { create: 'ec2:CreateLaunchTemplate', modify: 'ec2:CreateLaunchTemplate', delete: 'ec2:CreateLaunchTemplate' },
  autoScalingGroup: { create: 'autoscaling:CreateAutoScalingGroup', modify: 'autoscaling:UpdateAutoScalingGroup', delete: 'autoscaling:DeleteAutoScalingGroup' },
  scalingPolicy: { create: 'autoscaling:PutScalingPolicy', modify: 'autoscaling:PutScalingPolicy', delete: 'autoscaling:DeletePolicy' },
  scheduledAction: { create: 'autoscaling:PutScheduledUpdateGroupAction', modify: 'autoscaling:PutScheduledUpdateGroupAction', delete: 'autoscaling:PutScheduledUpdateGroupAction' },
  loadBalancer: { create: 'elasticloadbalancing:CreateLoadBalancer', modify: 'elasticloadbalancing:ModifyLoadBalancerAttributes', delete: 'elasticloadbalancing:DeleteLoadBalancer' },
  targetGroup: { create: 'elasticloadbalancing:CreateTargetGroup', modify: 'elasticloadbalancing:ModifyTargetGroup', delete: 'elasticloadbalancing:DeleteTargetGroup' },
  listener: { create: 'elasticloadbalancing:CreateListener', modify: 'elasticloadbalancing:CreateListener', delete: 'elasticloadbalancing:DeleteLoadBalancer' },
  listenerRule: { create: 'elasticloadbalancing:CreateRule', modify: 'elasticloadbalancing:CreateRule', delete: 'elasticloadbalancing:CreateRule' },
  dbSubnetGroup: { create: 'rds:CreateDBInstance', modify: 'rds:ModifyDBInstance', delete: 'rds:DeleteDBInstance' },
  database: { create: 'rds:CreateDBInstance', modify: 'rds:ModifyDBInstance', delete: 'rds:DeleteDBInstance' },
  bucket: { create: 's3:CreateBucket', modify: 's3:PutBucketPolicy', delete: 's3:DeleteBucket' },
  distribution: { create: 'cloudfront:CreateDistribution', modify: 'cloudfront:UpdateDistribution', delete: 'cloudfront:DeleteDistribution' },
  healthCheck: { create: 'route53:CreateHealthCheck', modify: 'route53:CreateHealthCheck', delete: 'route53:DeleteHealthCheck' },
  recordSet: { create: 'route53:ChangeResourceRecordSets', modify: 'route53:ChangeResourceRecordSets', delete: 'route53:ChangeResourceRecordSets' },
  accelerator: { create: 'globalaccelerator:CreateAccelerator', modify: 'globalaccelerator:UpdateAccelerator', delete: 'globalaccelerator:DeleteAccelerator' },
  acceleratorListener: { create: 'globalaccelerator:CreateListener', modify: 'globalaccelerator:CreateListener', delete: 'globalaccelerator:DeleteAccelerator' },
  endpointGroup: { create: 'globalaccelerator:CreateEndpointGroup', modify: 'globalaccelerator:UpdateEndpointGroup', delete: 'globalaccelerator:UpdateEndpointGroup' },
  webAcl: { create: 'wafv2:CreateWebACL', modify: 'wafv2:UpdateWebACL', delete: 'wafv2:DeleteWebACL' },
  webAclAssociation: { create: 'wafv2:AssociateWebACL', modify: 'wafv2:AssociateWebACL', delete: 'wafv2:AssociateWebACL' },
  alarm: { create: 'cloudwatch:PutMetricAlarm', modify: 'cloudwatch:PutMetricAlarm', delete: 'cloudwatch:DeleteAlarms' },
  dashboard: { create: 'cloudwatch:PutDashboard', modify: 'cloudwatch:PutDashboard', delete: 'cloudwatch:DeleteDashboards' },
  budget: { create: 'budgets:ModifyBudget', modify: 'budgets:ModifyBudget', delete: 'budgets:ModifyBudget' },
  budgetAction: { create: 'budgets:CreateBudgetAction', modify: 'budgets:UpdateBudgetAction', delete: 'budgets:DeleteBudgetAction' },
  trail: { create: 'cloudtrail:CreateTrail', modify: 'cloudtrail:PutEventSelectors', delete: 'cloudtrail:DeleteTrail' },
  logGroup: { create: 'logs:CreateLogGroup', modify: 'logs:PutRetentionPolicy', delete: 'logs:DeleteLogGroup' },
  metricFilter: { create: 'logs:PutMetricFilter', modify: 'logs:PutMetricFilter', delete: 'logs:DeleteMetricFilter' },
};

/** Connections that are API calls of their own, by unordered pair of kinds; the rest modify the first resource. */
const CONNECT_ACTIONS: readonly [ResourceKind, ResourceKind, string][] = [
  ['vpc', 'vpc', 'ec2:CreateVpcPeeringConnection'],
  ['transitGateway', 'vpc', 'ec2:CreateTransitGatewayVpcAttachment'],
  ['targetGroup', 'instance', 'elasticloadbalancing:RegisterTargets'],
  ['autoScalingGroup', 'targetGroup', 'autoscaling:UpdateAutoScalingGroup'],
  ['webAcl', 'loadBalancer', 'wafv2:AssociateWebACL'],
  ['webAcl', 'distribution', 'cloudfront:UpdateDistribution'],
  ['database', 'database', 'rds:CreateDBInstanceReadReplica'],
];

const IAM_OP_ACTIONS: { readonly [K in IamOp['op']]: string | undefined } = {
  createUser: 'iam:CreateUser',
  deleteUser: 'iam:DeleteUser',
  createGroup: 'iam:CreateGroup',
  deleteGroup: 'iam:DeleteGroup',
  addToGroup: 'iam:AddUserToGroup',
  removeFromGroup: 'iam:RemoveUserFromGroup',
  createPolicy: 'iam:CreatePolicy',
  attachPolicy: 'iam:AttachUserPolicy',
  detachPolicy: 'iam:DetachUserPolicy',
  putInlinePolicy: 'iam:PutUserPolicy',
  createRole: 'iam:CreateRole',
  deleteRole: 'iam:DeleteRole',
  enableMfaDevice: 'iam:EnableMFADevice',
  deactivateMfaDevice: 'iam:DeactivateMFADevice',
  generatePolicy: 'access-analyzer:StartPolicyGeneration',
  // Handing a user to a player is the room's own business: a person logging in as that user.
  assignUser: undefined,
  signInAsRoot: undefined,
  assumeRole: 'sts:AssumeRole',
  dropRole: undefined,
};

const ATTACH_BY_KIND = { user: 'User', group: 'Group', role: 'Role' } as const;

function call(action: string): ApiCall {
  const [service, name] = action.split(':') as [string, string];
  return { action, eventSource: `${service}.amazonaws.com`, eventName: name };
}

function own(eventName: string): ApiCall {
  return { eventSource: 'match.fivenines', eventName };
}

/** What the intent is in AWS's words. `kindOf` names the kind of a "stack/LogicalId" in the sender's design. */
export function apiCallOf(intent: MatchIntent, kindOf: (ref: string) => ResourceKind | undefined): ApiCall {
  switch (intent.type) {
    case 'place': {
      // A gesture's refusal is logged as its first call: creating the entry's main resource.
      const entry = entryOf(intent.entry);
      return entry ? call(VERBS[entry.kind].create) : call('cloudformation:UpdateStack');
    }
    case 'createResource':
      return call(VERBS[intent.kind].create);
    case 'remove': {
      const kind = kindOf(intent.ref);
      return kind ? call(VERBS[kind].delete) : call('cloudformation:UpdateStack');
    }
    case 'undo':
      return own('Undo');
    case 'configure':
    case 'move': {
      const kind = kindOf(intent.target);
      return kind ? call(VERBS[kind].modify) : call('cloudformation:UpdateStack');
    }
    case 'delete': {
      const kind = kindOf(intent.target);
      return kind ? call(VERBS[kind].delete) : call('cloudformation:UpdateStack');
    }
    case 'connect':
    case 'disconnect': {
      const a = kindOf(intent.from);
      const b = kindOf(intent.to);
      const special = CONNECT_ACTIONS.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
      if (special) return call(special[2]);
      return a ? call(VERBS[a].modify) : call('cloudformation:UpdateStack');
    }
    case 'createStack':
      return call('cloudformation:CreateStack');
    case 'deployStack':
      return call('cloudformation:UpdateStack');
    case 'deleteStack':
      return call('cloudformation:DeleteStack');
    case 'setDesiredCapacity':
      return call('autoscaling:SetDesiredCapacity');
    case 'startInstanceRefresh':
      return call('autoscaling:StartInstanceRefresh');
    case 'promoteReplica':
      return call('rds:PromoteReadReplica');
    case 'reboot':
      return kindOf(intent.target) === 'database' ? call('rds:RebootDBInstance') : call('ec2:RebootInstances');
    case 'modifyDbClass':
      return call('rds:ModifyDBInstance');
    case 'purchaseSavingsPlan':
      return call('savingsplans:CreateSavingsPlan');
    case 'purchaseReservedInstances':
      return call('ec2:PurchaseReservedInstancesOffering');
    case 'updateCostAllocationTag':
      return call('ce:UpdateCostAllocationTagsStatus');
    case 'subscribe':
      return call('sns:Subscribe');
    case 'unsubscribe':
      return call('sns:Unsubscribe');
    case 'authorizeSecurityGroupIngress':
      return call('ec2:AuthorizeSecurityGroupIngress');
    case 'revokeSecurityGroupIngress':
      return call('ec2:RevokeSecurityGroupIngress');
    case 'clock':
      return own({ start: 'StartClock', pause: 'PauseClock', resume: 'ResumeClock', end: 'EndMatch' }[intent.command]);
    case 'speed':
      return own('SetSpeed');
    case 'inject':
      return own('InjectEvent');
    case 'iam': {
      const op = intent.request;
      let action = IAM_OP_ACTIONS[op.op];
      if (op.op === 'attachPolicy') action = `iam:Attach${ATTACH_BY_KIND[op.to.kind]}Policy`;
      if (op.op === 'detachPolicy') action = `iam:Detach${ATTACH_BY_KIND[op.from.kind]}Policy`;
      if (op.op === 'putInlinePolicy') action = `iam:Put${ATTACH_BY_KIND[op.to.kind]}Policy`;
      return action ? call(action) : own(op.op === 'assignUser' ? 'AssignUser' : op.op === 'signInAsRoot' ? 'SignInAsRoot' : 'DropRole');
    }
  }
}

/** The API call one step of a gesture's plan makes. `kindOf` knows the plan's own new resources too. */
export function apiCallOfStep(step: PlanStep, kindOf: (ref: string) => ResourceKind | undefined): ApiCall {
  switch (step.op) {
    case 'createStack':
      return call('cloudformation:CreateStack');
    case 'deleteEmptyStack':
      return call('cloudformation:DeleteStack');
    case 'deleteSnapshot':
      return call('rds:DeleteDBSnapshot');
    case 'create':
      return call(VERBS[step.kind].create);
    case 'delete': {
      const kind = kindOf(step.ref);
      return kind ? call(VERBS[kind].delete) : call('cloudformation:UpdateStack');
    }
    case 'update':
    case 'move': {
      const kind = kindOf(step.ref);
      return kind ? call(VERBS[kind].modify) : call('cloudformation:UpdateStack');
    }
    case 'link':
    case 'unlink':
      return apiCallOf({ type: step.op === 'link' ? 'connect' : 'disconnect', from: step.from, to: step.to }, kindOf);
  }
}

/** Every IAM action this file can name: a test checks each against the IAM catalogue. */
export function allMappedActions(): string[] {
  const fromVerbs = Object.values(VERBS).flatMap((v) => [v.create, v.modify, v.delete]);
  const attach = Object.values(ATTACH_BY_KIND).flatMap((k) => [`iam:Attach${k}Policy`, `iam:Detach${k}Policy`, `iam:Put${k}Policy`]);
  return [
    ...new Set([
      ...fromVerbs,
      ...CONNECT_ACTIONS.map((c) => c[2]),
      ...Object.values(IAM_OP_ACTIONS).filter((a): a is string => a !== undefined),
      ...attach,
      'cloudformation:CreateStack',
      'cloudformation:UpdateStack',
      'cloudformation:DeleteStack',
      'autoscaling:SetDesiredCapacity',
      'autoscaling:StartInstanceRefresh',
      'rds:PromoteReadReplica',
      'rds:RebootDBInstance',
      'ec2:RebootInstances',
      'rds:ModifyDBInstance',
      'rds:DeleteDBSnapshot',
      'savingsplans:CreateSavingsPlan',
      'ec2:PurchaseReservedInstancesOffering',
      'ce:UpdateCostAllocationTagsStatus',
    ]),
  ];
}

/** The create action of a kind: a stack deploy needs it for every resource it makes, as CloudFormation does. */
export function createActionOf(kind: ResourceKind): string {
  return VERBS[kind].create;
}

/** ARN resource types where AWS's differ from the kind's name. */
const ARN_TYPES: Partial<Record<ResourceKind, string>> = {
  loadBalancer: 'loadbalancer',
  targetGroup: 'targetgroup',
  listener: 'listener',
  listenerRule: 'listener-rule',
  database: 'db',
  dbSubnetGroup: 'subgrp',
  vpcPeering: 'vpc-peering-connection',
  transitGateway: 'transit-gateway',
  transitGatewayAttachment: 'transit-gateway-attachment',
  internetGateway: 'internet-gateway',
  customerGateway: 'customer-gateway',
  vpnGateway: 'vpn-gateway',
  vpnConnection: 'vpn-connection',
  routeTable: 'route-table',
  securityGroup: 'security-group',
  flowLog: 'vpc-flow-log',
  logGroup: 'log-group',
  metricFilter: 'log-group',
  launchTemplate: 'launch-template',
  recordSet: 'hostedzone',
  healthCheck: 'healthcheck',
  webAcl: 'webacl',
};

/** The service and ARN type of a kind: what the IAM resource of an action on it looks like. */
export function arnPartsOf(kind: ResourceKind): { service: string; type: string } {
  return { service: VERBS[kind].create.split(':')[0]!, type: ARN_TYPES[kind] ?? kind };
}
