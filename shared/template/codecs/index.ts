// Every CloudFormation type the board models, and how to find the codec of a type or of a board resource.

import type { Resource, ResourceKind } from '../../design/model.ts';
import type { ResourceCodec } from '../codec.ts';
import { acceleratorCodec, acceleratorListenerCodec, endpointGroupCodec } from './accelerator.ts';
import { autoScalingGroupCodec, scalingPolicyCodec, scheduledActionCodec } from './autoscaling.ts';
import { classicLoadBalancerCodec } from './classic-elb.ts';
import { instanceCodec, launchConfigurationCodec, launchTemplateCodec } from './compute.ts';
import {
  customerGatewayCodec,
  transitGatewayAttachmentCodec,
  transitGatewayCodec,
  vpcPeeringCodec,
  vpnConnectionCodec,
  vpnGatewayCodec,
  vpnGatewayRoutePropagationCodec,
} from './connectivity.ts';
import { bucketCodec, databaseCodec, dbSubnetGroupCodec } from './data.ts';
import { distributionCodec } from './distribution.ts';
import { healthCheckCodec, recordSetCodec } from './dns.ts';
import { webAclAssociationCodec, webAclCodec } from './firewall.ts';
import { listenerCodec, listenerRuleCodec, loadBalancerCodec, targetGroupCodec } from './load-balancing.ts';
import {
  gatewayAttachmentCodec,
  internetGatewayCodec,
  routeCodec,
  routeTableCodec,
  subnetCodec,
  subnetRouteTableAssociationCodec,
  vpcCodec,
} from './network.ts';
import { alarmCodec, budgetCodec, trailCodec } from './operations.ts';
import { budgetActionCodec } from './budget-action.ts';
import { logGroupCodec, metricFilterCodec } from './logs.ts';
import { securityGroupCodec } from './security.ts';
import { flowLogCodec } from './flow-log.ts';
import { dashboardCodec } from './dashboard.ts';
import { networkAclCodec, networkAclEntryCodec, subnetNetworkAclAssociationCodec } from './network-acl.ts';

/** The codecs, typed loosely: each one's props match its kind, which the registry cannot express per entry. */
export const CODECS: readonly ResourceCodec[] = [
  vpcCodec,
  subnetCodec,
  internetGatewayCodec,
  gatewayAttachmentCodec,
  routeTableCodec,
  routeCodec,
  subnetRouteTableAssociationCodec,
  securityGroupCodec,
  networkAclCodec,
  networkAclEntryCodec,
  subnetNetworkAclAssociationCodec,
  flowLogCodec,
  vpcPeeringCodec,
  transitGatewayCodec,
  transitGatewayAttachmentCodec,
  customerGatewayCodec,
  vpnGatewayCodec,
  vpnConnectionCodec,
  vpnGatewayRoutePropagationCodec,
  instanceCodec,
  launchTemplateCodec,
  launchConfigurationCodec,
  autoScalingGroupCodec,
  scalingPolicyCodec,
  scheduledActionCodec,
  loadBalancerCodec,
  classicLoadBalancerCodec,
  targetGroupCodec,
  listenerCodec,
  listenerRuleCodec,
  databaseCodec,
  dbSubnetGroupCodec,
  bucketCodec,
  distributionCodec,
  healthCheckCodec,
  recordSetCodec,
  acceleratorCodec,
  acceleratorListenerCodec,
  endpointGroupCodec,
  webAclCodec,
  webAclAssociationCodec,
  alarmCodec,
  budgetCodec,
  budgetActionCodec,
  logGroupCodec,
  metricFilterCodec,
  trailCodec,
  dashboardCodec,
] as unknown as readonly ResourceCodec[];

/** Standalone ingress rules are folded into their security group rather than becoming resources. */
export const SECURITY_GROUP_INGRESS = 'AWS::EC2::SecurityGroupIngress';

export function codecOfType(awsType: string): ResourceCodec | undefined {
  return CODECS.find((c) => c.awsType === awsType);
}

/** The codec that writes a board resource: its own awsType's, else the kind's usual one. */
export function codecOfResource(resource: Resource): ResourceCodec | undefined {
  const own = resource.awsType === undefined ? undefined : codecOfType(resource.awsType);
  return own && own.kind === resource.kind ? own : CODECS.find((c) => c.kind === resource.kind && c.usual);
}

export function codecOfKind(kind: ResourceKind): ResourceCodec | undefined {
  return CODECS.find((c) => c.kind === kind && c.usual);
}
