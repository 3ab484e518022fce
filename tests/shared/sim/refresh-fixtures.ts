// A small web tier for the launch template tests: an internet-facing ALB in two public subnets in front of an Auto
// Scaling group launched from a launch template, optionally with a CloudFormation rolling update policy.

export interface GroupStackOptions {
  instanceType?: string;
  desired?: number;
  max?: number;
  /** The group's UpdatePolicy AutoScalingRollingUpdate, as template text (e.g. "{MaxBatchSize: 1}"). */
  rolling?: string;
}

export function groupStack(o: GroupStackOptions = {}): string {
  const policy = o.rolling ? `\n    UpdatePolicy:\n      AutoScalingRollingUpdate: ${o.rolling}` : '';
  return `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Gateway:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}
  Routes:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Default:
    Type: AWS::EC2::Route
    DependsOn: Attach
    Properties: {RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b, MapPublicIpOnLaunch: true}
  RoutesA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Routes}
  RoutesB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref Routes}
  Lb:
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
