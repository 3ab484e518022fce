// A small web tier for the launch template tests: an internet-facing ALB in two public subnets in front of an Auto
// Scaling group launched from a launch template, optionally with a CloudFormation rolling update policy.

import { publicNetwork } from '../../support/public-network.ts';

export interface GroupStackOptions {
  instanceType?: string;
  desired?: number;
  max?: number;
  /** The group's UpdatePolicy AutoScalingRollingUpdate, as template text (e.g. "{MaxBatchSize: 1}"). */
  rolling?: string;
}

export function groupStack(o: GroupStackOptions = {}): string {
  const policy = o.rolling ? `\n    UpdatePolicy:\n      AutoScalingRollingUpdate: ${o.rolling}` : '';
  return `${publicNetwork()}  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Type: application, Scheme: internet-facing, Subnets: [!Ref SubnetA, !Ref SubnetB]}
  Targets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Protocol: HTTP, Port: 80, VpcId: !Ref Vpc, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: ${o.instanceType ?? 't3.medium'}}
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup${policy}
    Properties:
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
      VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
      MinSize: '1'
      MaxSize: '${o.max ?? 8}'
      DesiredCapacity: '${o.desired ?? 4}'
      TargetGroupARNs: [!Ref Targets]
      HealthCheckType: ELB
`;
}
