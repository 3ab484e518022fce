// Gaps found by measuring the loader on real public templates (scripts/measure-templates.ts), each with a small
// template of our own in the style of the ones that showed it.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { exportDesign } from '../../../shared/template/index.ts';
import { PhysicalNames, ResourceRef } from '../../../shared/template/resource-ref.ts';
import { byLogicalId, codes, errors, idOf, loadTemplate, reload } from './load-helpers.ts';

describe('separate single subnet and zone parameters without values', () => {
  const template = {
    Parameters: {
      SubnetA: { Type: 'AWS::EC2::Subnet::Id' },
      ZoneA: { Type: 'AWS::EC2::AvailabilityZone::Name' },
      SubnetB: { Type: 'AWS::EC2::Subnet::Id' },
      ZoneB: { Type: 'AWS::EC2::AvailabilityZone::Name' },
    },
    Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
  };

  it('get distinct console items in declaration order, each said in a warning naming it', () => {
    const loaded = loadTemplate(template);
    expect(errors(loaded)).toEqual([]);
    const stack = loaded.design!.stacks.find((s) => s.name === 'test')!;
    expect(stack.parameters).toMatchObject({
      SubnetA: 'subnet-default-us-east-1a',
      SubnetB: 'subnet-default-us-east-1b',
      ZoneA: 'us-east-1a',
      ZoneB: 'us-east-1b',
    });
    const chosen = loaded.issues.filter((i) => i.code === 'parameter-chosen').map((i) => i.message.split(' ')[1]);
    expect(chosen).toEqual(['SubnetA', 'ZoneA', 'SubnetB', 'ZoneB']);
    expect(codes(loaded, 'error')).toEqual([]);
  });

  it('a given value does not use up a console item', () => {
    const loaded = loadTemplate(template, { parameters: { SubnetA: 'subnet-default-us-east-1c' } });
    const stack = loaded.design!.stacks.find((s) => s.name === 'test')!;
    expect(stack.parameters).toMatchObject({ SubnetA: 'subnet-default-us-east-1c', SubnetB: 'subnet-default-us-east-1a' });
  });
});

describe('AllowedPattern on an AWS-specific parameter type', () => {
  it('is not applied (documented for String types): the account lookup checks the value instead', () => {
    const template = {
      Parameters: {
        Vpc: { Type: 'AWS::EC2::VPC::Id', AllowedPattern: '^(vpc-)([a-z0-9]{8}|[a-z0-9]{17})$', ConstraintDescription: 'must be a VPC id' },
        Name: { Type: 'String', AllowedPattern: '^[a-z]+$', Default: 'Web1' },
      },
      Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
    };
    expect(errors(loadTemplate(template)).map((i) => [i.code, i.message])).toEqual([
      ['parameter-pattern', "Parameter 'Name' must match pattern ^[a-z]+$"],
    ]);
    expect(errors(loadTemplate(template, { parameters: { Vpc: 'vpc-0123456789abcdef0', Name: 'web' } })).map((i) => i.code)).toEqual(['parameter-not-found']);
  });
});

describe('ELBv2 references', () => {
  const names = new PhysicalNames();
  const text = (logicalId: string, awsType: string, attribute?: string) => names.nameOf(new ResourceRef(0, logicalId, attribute), 'web', 'us-east-1', awsType);
  const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
  const TG = 'AWS::ElasticLoadBalancingV2::TargetGroup';
  const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

  it('a Ref is the ARN, and the full names are its tail', () => {
    const lb = text('Front', LB);
    expect(lb).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web-Front\/[0-9a-f]{16}$/);
    expect(lb.endsWith(`:loadbalancer/${text('Front', LB, 'LoadBalancerFullName')}`)).toBe(true);
    expect(text('Front', LB, 'LoadBalancerName')).toBe('web-Front');
    const tg = text('Pool', TG);
    expect(tg).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web-Pool\/[0-9a-f]{16}$/);
    expect(tg.endsWith(`:${text('Pool', TG, 'TargetGroupFullName')}`)).toBe(true);
    expect(text('Http', LISTENER)).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\/web-Http\/[0-9a-f]{16}\/[0-9a-f]{16}$/);
    // The string leads back to the resource, so a property given it still refers to it.
    expect(names.resourceOf(lb)?.logicalId).toBe('Front');
  });

  const TEMPLATE = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Gw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gw}}
  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true}}
  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b, MapPublicIpOnLaunch: true}}
  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  Out: {Type: AWS::EC2::Route, DependsOn: Attach, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gw}}
  RA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref A, RouteTableId: !Ref Rt}}
  RB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref B, RouteTableId: !Ref Rt}}
  Front: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref A, !Ref B]}}
  Pool: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {VpcId: !Ref Vpc, Port: 80, Protocol: HTTP}}
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Front
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Pool}]
  Label:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Join ['/', [!Select [1, !Split ['/', !Ref Http]], !Select [2, !Split ['/', !Ref Http]], !Select [3, !Split ['/', !Ref Http]], !GetAtt Pool.TargetGroupFullName]]
`;

  it("loads a CDK-style label cut out of a listener's Ref, and exports the Refs as !Ref", () => {
    const loaded = loadTemplate(TEMPLATE);
    expect(errors(loaded)).toEqual([]);
    const listener = exportDesign(loaded.design!).templates['test'] as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(listener.Resources['Http']!.Properties['LoadBalancerArn']).toEqual({ Ref: 'Front' });
    expect(listener.Resources['Http']!.Properties['DefaultActions']).toEqual([{ Type: 'forward', TargetGroupArn: { Ref: 'Pool' } }]);
    expect(errors(reload(loaded.design!))).toEqual([]);
  });
});

describe('an instance attached to a network interface of its stack', () => {
  const TEMPLATE = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Sub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1b}}
  Web: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: web, VpcId: !Ref Vpc}}
  Eth0:
    Type: AWS::EC2::NetworkInterface
    Properties:
      SubnetId: !Ref Sub
      GroupSet: [!Ref Web]
      PrivateIpAddresses: [{PrivateIpAddress: 10.0.0.10, Primary: true}, {PrivateIpAddress: 10.0.0.11, Primary: false}]
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
      NetworkInterfaces: [{NetworkInterfaceId: !Ref Eth0, DeviceIndex: '0'}]
`;

  it("lands in the interface's subnet with its groups, and exports as written", () => {
    const loaded = loadTemplate(TEMPLATE);
    expect(errors(loaded)).toEqual([]);
    const server = byLogicalId(loaded.design, 'Server', 'instance');
    expect(server.props.subnet).toBe(idOf(loaded.design, 'Sub'));
    expect(server.props.securityGroups).toEqual([idOf(loaded.design, 'Web')]);
    const exported = exportDesign(loaded.design!).templates['test'] as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(exported.Resources['Server']!.Properties['NetworkInterfaces']).toEqual([{ DeviceIndex: '0', NetworkInterfaceId: { Ref: 'Eth0' } }]);
    const again = reload(loaded.design!);
    expect(errors(again)).toEqual([]);
    expect(byLogicalId(again.design, 'Server', 'instance').props.subnet).toBe(idOf(again.design, 'Sub'));
  });
});

describe('an Auto Scaling group with a MixedInstancesPolicy', () => {
  const template = (overrides: string) => `
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties: {LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro}}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AvailabilityZones: !GetAZs ''
      MinSize: '2'
      MaxSize: '4'
      MixedInstancesPolicy:
        InstancesDistribution: {OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: capacity-optimized}
        LaunchTemplate:
          LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
${overrides}`;

  it("is placed with the policy's launch template, launching the first override's type", () => {
    const loaded = loadTemplate(template('          Overrides: [{InstanceType: m5.large}, {InstanceType: c5.large}]'));
    expect(errors(loaded)).toEqual([]);
    const group = byLogicalId(loaded.design, 'Group', 'autoScalingGroup');
    expect(group.props.launchTemplate).toBe(idOf(loaded.design, 'Template'));
    expect(group.props.instanceType).toBe('m5.large');
    const exported = exportDesign(loaded.design!).templates['test'] as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    const body = exported.Resources['Group']!.Properties;
    expect(body['LaunchTemplate']).toBeUndefined();
    expect(body['MixedInstancesPolicy']).toEqual({
      InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: 'capacity-optimized' },
      LaunchTemplate: {
        LaunchTemplateSpecification: { LaunchTemplateId: { Ref: 'Template' }, Version: { 'Fn::GetAtt': ['Template', 'LatestVersionNumber'] } },
        Overrides: [{ InstanceType: 'm5.large' }, { InstanceType: 'c5.large' }],
      },
    });
    const again = reload(loaded.design!);
    expect(errors(again)).toEqual([]);
    expect(byLogicalId(again.design, 'Group', 'autoScalingGroup').props.instanceType).toBe('m5.large');
  });

  it("without overrides launches the template's type", () => {
    const loaded = loadTemplate(template(''));
    expect(errors(loaded)).toEqual([]);
    expect(byLogicalId(loaded.design, 'Group', 'autoScalingGroup').props.instanceType).toBeUndefined();
  });
});

describe('a VPCGatewayAttachment of a VPN gateway', () => {
  it('is read as the virtual private gateway attached to its VPC, and exported as written', () => {
    const loaded = loadTemplate(`
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}
  VpnAttach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw}}
`);
    expect(errors(loaded)).toEqual([]);
    expect(loaded.issues.filter((i) => i.logicalId === 'VpnAttach')).toEqual([]);
    const attach = byLogicalId(loaded.design!, 'VpnAttach', 'gatewayAttachment');
    expect(loaded.design!.resources[attach.props.gateway]!.kind).toBe('vpnGateway');
    const exported = exportDesign(loaded.design!).templates['test'] as { Resources: Record<string, unknown> };
    expect(exported.Resources['VpnAttach']).toEqual({ Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'Vpc' }, VpnGatewayId: { Ref: 'Vgw' } } });
  });
});

describe('a literal subnet id that names no subnet', () => {
  it("fails the stack as EC2 does (InvalidSubnetID.NotFound), in a property or a list", () => {
    const loaded = loadTemplate(`
Parameters:
  Subnets: {Type: CommaDelimitedList, Default: 'subnet-aaaa1111,subnet-bbbb2222'}
Resources:
  Server: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-12345678, InstanceType: t3.micro, SubnetId: subnet-1234abcd}}
  Template: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {InstanceType: t3.micro}}}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
      VPCZoneIdentifier: !Ref Subnets
      MinSize: '1'
      MaxSize: '1'
`);
    expect(errors(loaded).map((i) => [i.logicalId, i.code, i.message])).toEqual([
      ['Server', 'subnet-not-found', "The subnet ID 'subnet-1234abcd' does not exist (SubnetId)"],
      ['Group', 'subnet-not-found', "The subnet ID 'subnet-aaaa1111' does not exist (VPCZoneIdentifier)"],
      ['Group', 'subnet-not-found', "The subnet ID 'subnet-bbbb2222' does not exist (VPCZoneIdentifier)"],
    ]);
  });

  it("takes the account's default subnets by their ids", () => {
    const loaded = loadTemplate({ Resources: { Server: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-12345678', SubnetId: 'subnet-default-us-east-1b' } } } });
    expect(errors(loaded)).toEqual([]);
  });
});

describe('previous-generation types real templates name', () => {
  const types = ['t2.nano', 't2.micro', 't2.small', 't2.medium', 't2.large', 't1.micro', 'm1.small', 'm3.medium', 'm4.large', 'm4.xlarge', 'm4.2xlarge', 'c4.large', 'c4.xlarge', 'c4.2xlarge', 'r4.large', 't4g.nano', 't4g.micro', 't4g.small', 'm7i.large', 'm7i.xlarge'];

  it.each(types)('%s is in the catalogue, with a price and a capacity', (type) => {
    const entry = catalogue.instanceTypes[type]!;
    expect(entry.hourlyUsd.value).toBeGreaterThan(0);
    expect(entry.capacityRps.value).toBeGreaterThan(0);
    const loaded = loadTemplate({ Resources: { Server: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-12345678', InstanceType: type } } } });
    expect(codes(loaded)).not.toContain('unknown-instance-type');
  });

  it.each(['db.t2.micro', 'db.t2.small', 'db.t2.medium'])('%s is in the catalogue', (instanceClass) => {
    expect(catalogue.databaseClasses[instanceClass]!.hourlyUsd.value).toBeGreaterThan(0);
  });

  it('a burstable t2 serves less than the t3 of the same size, and costs more', () => {
    expect(catalogue.instanceTypes['t2.micro']!.capacityRps.value).toBeLessThan(catalogue.instanceTypes['t3.micro']!.capacityRps.value);
    expect(catalogue.instanceTypes['t2.micro']!.hourlyUsd.value).toBeGreaterThan(catalogue.instanceTypes['t3.micro']!.hourlyUsd.value);
  });

  it("warns about a mixed instances policy's override type the catalogue lacks", () => {
    const loaded = loadTemplate(`
Resources:
  Template: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {InstanceType: t3.micro}}}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AvailabilityZones: !GetAZs ''
      MinSize: '1'
      MaxSize: '1'
      MixedInstancesPolicy:
        LaunchTemplate:
          LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
          Overrides: [{InstanceType: x9.huge}]
`);
    expect(loaded.issues.filter((i) => i.code === 'unknown-instance-type').map((i) => i.message)).toEqual(["instance type x9.huge is not in the game's catalogue"]);
  });
});
