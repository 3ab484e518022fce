import { describe, expect, it } from 'vitest';
import { subnetIsPublic } from '../../../shared/template/index.ts';
import { codes, errors, idOf, loadTemplate } from './load-helpers.ts';

/** A VPC with two subnets; `extra` adds resources, `subnetB` overrides the second subnet's properties. */
function network(extra = '', subnetB = 'CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b') {
  return `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, ${subnetB}}}
${extra}`;
}

describe('address rules', () => {
  it('a subnet must sit inside its VPC', () => {
    expect(codes(loadTemplate(network()), 'error')).toEqual([]);
    const bad = loadTemplate(network('', 'CidrBlock: 10.1.0.0/24, AvailabilityZone: us-east-1b'));
    expect(errors(bad)).toEqual([expect.objectContaining({ code: 'subnet-outside-vpc', stack: 'test', logicalId: 'SubnetB' })]);
  });

  it('subnets of one VPC must not overlap', () => {
    const bad = loadTemplate(network('', 'CidrBlock: 10.0.0.128/25, AvailabilityZone: us-east-1b'));
    expect(errors(bad)).toEqual([expect.objectContaining({ code: 'subnet-overlap', logicalId: 'SubnetB' })]);
    expect(errors(bad)[0]!.message).toContain('SubnetA');
  });

  it('a CIDR that does not parse is an error', () => {
    expect(codes(loadTemplate(network('', 'CidrBlock: 10.0.1.0/99, AvailabilityZone: us-east-1b')), 'error')).toEqual(['invalid-cidr']);
  });

  it('peered VPCs must not overlap', () => {
    const peering = (peerCidr: string) => `
  Peer: {Type: AWS::EC2::VPC, Properties: {CidrBlock: ${peerCidr}}}
  Peering: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: !Ref Peer}}`;
    expect(codes(loadTemplate(network(peering('10.1.0.0/16'))), 'error')).toEqual([]);
    const bad = loadTemplate(network(peering('10.0.128.0/17')));
    expect(errors(bad)).toEqual([expect.objectContaining({ code: 'peering-overlap', logicalId: 'Peering' })]);
  });

  it('a VPN connection ends at one gateway: a virtual private gateway or a transit gateway, not both, not neither', () => {
    const vpn = (ends: string) => `
  Office: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: 203.0.113.10, BgpAsn: 65010}}
  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}
  Hub: {Type: AWS::EC2::TransitGateway}
  Vpn: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, CustomerGatewayId: !Ref Office${ends}}}`;
    expect(codes(loadTemplate(network(vpn(', VpnGatewayId: !Ref Vgw'))), 'error')).toEqual([]);
    expect(codes(loadTemplate(network(vpn(', TransitGatewayId: !Ref Hub'))), 'error')).toEqual([]);
    expect(codes(loadTemplate(network(vpn(', VpnGatewayId: vgw-0123456789abcdef0'))), 'error')).toEqual([]);
    expect(errors(loadTemplate(network(vpn(', VpnGatewayId: !Ref Vgw, TransitGatewayId: !Ref Hub'))))).toEqual([
      expect.objectContaining({ code: 'vpn-two-gateways', logicalId: 'Vpn' }),
    ]);
    expect(errors(loadTemplate(network(vpn(''))))).toEqual([expect.objectContaining({ code: 'vpn-no-gateway', logicalId: 'Vpn' })]);
  });
});

describe('geography rules', () => {
  it("a subnet's zone must be one of its stack's region", () => {
    const bad = loadTemplate(network('', 'CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a'));
    expect(errors(bad)).toEqual([expect.objectContaining({ code: 'zone-not-in-region', logicalId: 'SubnetB' })]);
    expect(codes(loadTemplate(network(), { region: 'eu-west-1' }), 'error')).toEqual(['zone-not-in-region', 'zone-not-in-region']);
  });

  it('a region the board does not have is an error of the manifest', () => {
    const result = loadTemplate(`Resources:\n  Bucket: {Type: AWS::S3::Bucket}`, { region: 'mars-north-1' });
    expect(errors(result)).toEqual([expect.objectContaining({ code: 'unknown-region', stack: 'test' })]);
  });
});

describe('references', () => {
  it('a reference to a missing resource is an error', () => {
    const result = loadTemplate(network(`  Server: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref SubnetZ}}`));
    expect(errors(result)).toEqual([expect.objectContaining({ code: 'missing-reference', logicalId: 'Server' })]);
  });

  it('a reference to a resource of the wrong kind is an error', () => {
    const result = loadTemplate(network(`  Server: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref Vpc}}`));
    expect(errors(result)).toEqual([expect.objectContaining({ code: 'reference-kind', logicalId: 'Server' })]);
  });
});

const BALANCED = (lbSubnets: string, instanceSubnet: string, groupSubnets: string, lbType = 'application') =>
  network(`
  Server: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref ${instanceSubnet}}}
  Balancer: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Type: ${lbType}, Scheme: internal, Subnets: [${lbSubnets}]}}
  Targets: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Port: 80, Protocol: ${lbType === 'network' ? 'TCP' : 'HTTP'}, VpcId: !Ref Vpc, Targets: [{Id: !Ref Server}]}}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Balancer, Port: 80, Protocol: ${lbType === 'network' ? 'TCP' : 'HTTP'}, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]}
  Template: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {InstanceType: t3.micro}}}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
      VPCZoneIdentifier: [${groupSubnets}]
      MinSize: 1
      MaxSize: 2
      TargetGroupARNs: [!Ref Targets]`);

describe('load balancer zones', () => {
  it('targets in zones the load balancer enables are fine', () => {
    expect(codes(loadTemplate(BALANCED('!Ref SubnetA, !Ref SubnetB', 'SubnetA', '!Ref SubnetA, !Ref SubnetB')), 'warning')).toEqual([]);
  });

  it('an instance or an ASG subnet in a zone the load balancer does not enable is a warning (AWS allows it)', () => {
    // A one-zone network load balancer: AWS accepts it (an ALB would be refused, below).
    const result = loadTemplate(BALANCED('!Ref SubnetA', 'SubnetB', '!Ref SubnetA, !Ref SubnetB', 'network'));
    const warnings = result.issues.filter((i) => i.code === 'target-in-disabled-zone');
    expect(warnings.map((w) => [w.severity, w.logicalId])).toEqual([
      ['warning', 'Server'],
      ['warning', 'Group'],
    ]);
    expect(warnings[0]!.message).toContain('us-east-1b');
    expect(errors(result)).toEqual([]);
  });
});

const ROUTED = `
  Gateway: {Type: AWS::EC2::InternetGateway}
  Attachment: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}}
  PublicRoutes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ToInternet: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}}
  PublicA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref PublicRoutes}}
  PrivateRoutes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PrivateB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref PrivateRoutes}}`;

describe('public and private subnets', () => {
  it('public: its route table sends 0.0.0.0/0 to an internet gateway attached to its VPC', () => {
    const design = loadTemplate(network(ROUTED)).design!;
    expect(subnetIsPublic(design, idOf(design, 'SubnetA'))).toBe(true);
    expect(subnetIsPublic(design, idOf(design, 'SubnetB'))).toBe(false);
    expect(subnetIsPublic(design, idOf(design, 'Vpc'))).toBe(false);
  });

  it('a gateway that is not attached to the VPC does not make it public', () => {
    const design = loadTemplate(network(ROUTED.replace(/  Attachment:.*\n/, ''))).design!;
    expect(subnetIsPublic(design, idOf(design, 'SubnetA'))).toBe(false);
  });

  it('a subnet without an association uses the main table: the first table of its VPC no subnet is associated with', () => {
    const withMain = network(`
  Gateway: {Type: AWS::EC2::InternetGateway}
  Attachment: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}}
  MainRoutes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ToInternet: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref MainRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}}
  PrivateRoutes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PrivateB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref PrivateRoutes}}`);
    const design = loadTemplate(withMain).design!;
    expect(subnetIsPublic(design, idOf(design, 'SubnetA'))).toBe(true);
    expect(subnetIsPublic(design, idOf(design, 'SubnetB'))).toBe(false);
  });

  it('an internet-facing load balancer only in private subnets is a warning', () => {
    const lb = (subnets: string) => `  Balancer: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Scheme: internet-facing, Subnets: [${subnets}]}}`;
    expect(codes(loadTemplate(network(ROUTED + '\n' + lb('!Ref SubnetA, !Ref SubnetB'))), 'warning')).toEqual([]);
    const bad = loadTemplate(network(ROUTED + '\n' + lb('!Ref SubnetB')));
    expect(bad.issues.filter((i) => i.severity === 'warning')).toEqual([
      expect.objectContaining({ code: 'internet-facing-in-private-subnet', logicalId: 'Balancer' }),
    ]);
  });

  it('an instance users reach directly (a DNS record) in a private subnet is a warning', () => {
    const record = (subnet: string) => `
  Server: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref ${subnet}}}
  Record: {Type: AWS::Route53::RecordSet, Properties: {HostedZoneName: example.com., Name: www.example.com., Type: A, TTL: "60", ResourceRecords: [!GetAtt Server.PublicIp]}}`;
    expect(codes(loadTemplate(network(ROUTED + record('SubnetA'))), 'warning')).toEqual([]);
    expect(codes(loadTemplate(network(ROUTED + record('SubnetB'))), 'warning')).toEqual(['internet-facing-in-private-subnet']);
  });
});

describe('catalogue', () => {
  it('an instance type or database class the catalogue does not price is a warning', () => {
    const template = (type: string, dbClass: string) => network(`
  Server: {Type: AWS::EC2::Instance, Properties: {InstanceType: ${type}, SubnetId: !Ref SubnetA}}
  Db: {Type: AWS::RDS::DBInstance, Properties: {Engine: mysql, DBInstanceClass: ${dbClass}}}`);
    expect(codes(loadTemplate(template('t3.medium', 'db.r6g.large')), 'warning')).toEqual([]);
    expect(codes(loadTemplate(template('x9.huge', 'db.z1.tiny')), 'warning')).toEqual(['unknown-instance-type', 'unknown-db-class']);
  });
});

describe('an Application Load Balancer needs two zones', () => {
  const AWS_WORDS = 'At least two subnets in two different Availability Zones must be specified';

  it('is refused with subnets in one zone, in AWS words', () => {
    const result = loadTemplate(BALANCED('!Ref SubnetA', 'SubnetA', '!Ref SubnetA'));
    expect(errors(result)).toEqual([expect.objectContaining({ code: 'alb-needs-two-zones', logicalId: 'Balancer', message: AWS_WORDS })]);
  });

  it('counts zones, not subnets: two subnets of one zone are still one zone', () => {
    const twoZones = loadTemplate(BALANCED('!Ref SubnetA, !Ref SubnetB', 'SubnetA', '!Ref SubnetA'));
    expect(codes(twoZones, 'error')).toEqual([]);
    const oneZone = loadTemplate(
      network(
        `  Balancer: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}`,
        'CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a',
      ),
    );
    expect(codes(oneZone, 'error')).toEqual(['alb-needs-two-zones']);
  });

  it('a network load balancer or a classic ELB may have one zone', () => {
    expect(codes(loadTemplate(BALANCED('!Ref SubnetA', 'SubnetA', '!Ref SubnetA', 'network')), 'error')).toEqual([]);
    const classic = loadTemplate(network(`  Classic: {Type: AWS::ElasticLoadBalancing::LoadBalancer, Properties: {Subnets: [!Ref SubnetA], Listeners: [{LoadBalancerPort: 80, InstancePort: 80, Protocol: HTTP}]}}`));
    expect(codes(classic, 'error')).toEqual([]);
  });

  it("an ALB's own cross-zone attribute cannot turn cross-zone off: a warning that points at the target groups", () => {
    const off = loadTemplate(
      network(`  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [!Ref SubnetA, !Ref SubnetB], LoadBalancerAttributes: [{Key: load_balancing.cross_zone.enabled, Value: 'false'}]}`),
    );
    expect(codes(off, 'warning')).toContain('alb-cross-zone-always-on');
    expect(codes(off, 'error')).toEqual([]);
  });
});
