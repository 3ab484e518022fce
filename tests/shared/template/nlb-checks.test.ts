// A Network Load Balancer is layer 4: what needs HTTP is refused on it with AWS's words.
import { describe, expect, it } from 'vitest';
import { codes, errors, loadTemplate } from './load-helpers.ts';

function nlb(listener: string, group = 'Protocol: TCP', extra = ''): string {
  return `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  Balancer: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Type: network, Scheme: internal, Subnets: [!Ref SubnetA]}}
  Targets: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Port: 80, ${group}, VpcId: !Ref Vpc}}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Balancer, Port: 80, ${listener}, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]}
${extra}`;
}

describe('network load balancer: layer 4 only', () => {
  it('TCP, UDP, TCP_UDP listeners and a TLS listener with a certificate are accepted', () => {
    for (const p of ['Protocol: TCP', 'Protocol: UDP', 'Protocol: TCP_UDP', 'Protocol: TLS, Certificates: [{CertificateArn: arn:aws:acm:us-east-1:1:certificate/x}]']) {
      expect(errors(loadTemplate(nlb(p)))).toEqual([]);
    }
  });

  it('an HTTP or HTTPS listener is refused with the ValidationError AWS returns', () => {
    const bad = errors(loadTemplate(nlb('Protocol: HTTP')));
    expect(bad).toEqual([expect.objectContaining({ code: 'nlb-listener-protocol', logicalId: 'Listener' })]);
    expect(bad[0]!.message).toBe("Listener protocol 'HTTP' must be one of 'TLS, TCP, TCP_UDP, UDP'");
    expect(codes(loadTemplate(nlb('Protocol: HTTPS')), 'error')).toEqual(['nlb-listener-protocol']);
  });

  it('an HTTP target group behind an NLB listener is refused', () => {
    expect(codes(loadTemplate(nlb('Protocol: TCP', 'Protocol: HTTP')), 'error')).toEqual(['nlb-target-group-protocol']);
  });

  it('a TLS listener needs a certificate (a TCP listener on 443 passes TLS through instead)', () => {
    expect(codes(loadTemplate(nlb('Protocol: TLS')), 'error')).toEqual(['tls-listener-certificate']);
  });

  it('a listener rule (path or host) on an NLB listener is refused', () => {
    const rule = `  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties: {ListenerArn: !Ref Listener, Priority: 1, Conditions: [{Field: path-pattern, Values: [/api/*]}], Actions: [{Type: forward, TargetGroupArn: !Ref Targets}]}`;
    expect(codes(loadTemplate(nlb('Protocol: TCP', 'Protocol: TCP', rule)), 'error')).toEqual(['nlb-listener-rule']);
  });

  it('least outstanding requests and cookie stickiness are refused on its target groups; source_ip stickiness is fine', () => {
    const attrs = (list: string) => `Protocol: TCP, TargetGroupAttributes: [${list}]`;
    const lor = errors(loadTemplate(nlb('Protocol: TCP', attrs('{Key: load_balancing.algorithm.type, Value: least_outstanding_requests}'))));
    expect(lor.map((i) => i.code)).toEqual(['nlb-algorithm']);
    expect(lor[0]!.message).toContain("'least_outstanding_requests' is not supported for target groups with the TCP protocol");
    const cookie = errors(loadTemplate(nlb('Protocol: TCP', attrs('{Key: stickiness.enabled, Value: "true"}, {Key: stickiness.type, Value: app_cookie}'))));
    expect(cookie.map((i) => i.message)).toEqual(["Stickiness type 'app_cookie' is not supported for target groups with the TCP protocol"]);
    expect(errors(loadTemplate(nlb('Protocol: TCP', attrs('{Key: stickiness.enabled, Value: "true"}, {Key: stickiness.type, Value: source_ip}'))))).toEqual([]);
  });
});

describe('network load balancer: client IP preserved', () => {
  const template = (ingress: string) => `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true}}
  Gateway: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}}
  Routes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  Default: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}}
  Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Routes}}
  Other: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: other, VpcId: !Ref Vpc}}
  Web: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: web, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, ${ingress}}]}}
  Server: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref SubnetA, SecurityGroupIds: [!Ref Web]}}
  Balancer: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Type: network, Subnets: [!Ref SubnetA]}}
  Targets: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Port: 80, Protocol: TCP, VpcId: !Ref Vpc, Targets: [{Id: !Ref Server}]}}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Balancer, Port: 80, Protocol: TCP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]}
`;
  it("warns when the targets admit the port only from a security group: the NLB passes the clients' own addresses", () => {
    expect(codes(loadTemplate(template('SourceSecurityGroupId: !Ref Other')), 'warning')).toContain('nlb-client-ip-preserved');
    expect(codes(loadTemplate(template('CidrIp: 0.0.0.0/0')), 'warning')).not.toContain('nlb-client-ip-preserved');
  });
});
