// A Gateway Load Balancer: an appliance fleet behind GENEVE 6081, a listener with no protocol or port, no scheme.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, codes, errors, loadTemplate } from './load-helpers.ts';

function gwlb(opts: { lb?: string; listener?: string; group?: string; extra?: string } = {}): string {
  return `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b}}
  Firewall: {Type: AWS::EC2::Instance, Properties: {InstanceType: c5.large, ImageId: ami-12345678, SubnetId: !Ref SubnetA}}
  Gateway: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Type: gateway, Subnets: [!Ref SubnetA, !Ref SubnetB]${opts.lb ?? ''}}}
  Appliances: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {${opts.group ?? 'Protocol: GENEVE, Port: 6081'}, VpcId: !Ref Vpc, Targets: [{Id: !Ref Firewall}]}}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Gateway, ${opts.listener ?? ''} DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]}
${opts.extra ?? ''}`;
}

describe('gateway load balancer: its own thing, not an ALB', () => {
  it('Type: gateway is read as a gateway load balancer (no fallback warning), internal, and exported as written', () => {
    const loaded = loadTemplate(gwlb());
    expect(errors(loaded)).toEqual([]);
    expect(codes(loaded, 'warning')).not.toContain('unsupported-value');
    const lb = byLogicalId(loaded.design, 'Gateway', 'loadBalancer');
    expect(lb.props.lbType).toBe('gateway');
    expect(lb.props.scheme).toBe('internal');
    expect(byLogicalId(loaded.design, 'Listener', 'listener').props.allTraffic).toBe(true);
    const template = exportDesign(loaded.design!).templates['test'] as unknown as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(template.Resources['Gateway']!.Properties['Type']).toBe('gateway');
    expect(template.Resources['Gateway']!.Properties['Scheme']).toBeUndefined();
    expect(template.Resources['Listener']!.Properties['Protocol']).toBeUndefined();
    expect(template.Resources['Listener']!.Properties['Port']).toBeUndefined();
  });

  it('a listener with a protocol or port is refused with AWS\'s words', () => {
    const bad = errors(loadTemplate(gwlb({ listener: 'Protocol: HTTP, Port: 80,' })));
    expect(bad.map((i) => [i.code, i.logicalId])).toEqual([['gwlb-listener-protocol', 'Listener']]);
    expect(bad[0]!.message).toBe('You cannot specify a protocol or port when you create a listener for a Gateway Load Balancer');
    expect(codes(loadTemplate(gwlb({ listener: 'Port: 6081,' })), 'error')).toEqual(['gwlb-listener-protocol']);
  });

  it('its target group must be GENEVE on 6081', () => {
    expect(codes(loadTemplate(gwlb({ group: 'Protocol: HTTP, Port: 80' })), 'error')).toEqual(['gwlb-target-group-protocol']);
    expect(codes(loadTemplate(gwlb({ group: 'Protocol: GENEVE, Port: 6080' })), 'error')).toEqual(['gwlb-target-group-protocol']);
  });

  it('an internet-facing scheme and security groups are refused', () => {
    const scheme = errors(loadTemplate(gwlb({ lb: ', Scheme: internet-facing' })));
    expect(scheme.map((i) => i.message)).toEqual(["You can't specify a scheme for a Gateway Load Balancer"]);
    const sg = `  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: !Ref Vpc}}`;
    expect(codes(loadTemplate(gwlb({ lb: ', SecurityGroups: [!Ref Sg]', extra: sg })), 'error')).toEqual(['gwlb-security-groups']);
  });

  it('a listener rule on its listener is refused', () => {
    const rule = `  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties: {ListenerArn: !Ref Listener, Priority: 1, Conditions: [{Field: path-pattern, Values: [/api/*]}], Actions: [{Type: forward, TargetGroupArn: !Ref Appliances}]}`;
    expect(codes(loadTemplate(gwlb({ extra: rule })), 'error')).toContain('gwlb-listener-rule');
  });

  it('a GENEVE target group behind an ALB is refused', () => {
    const alb = `  Alb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}
  AlbListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Alb, Port: 80, Protocol: HTTP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]}`;
    expect(codes(loadTemplate(gwlb({ extra: alb })), 'error')).toContain('geneve-target-group-elsewhere');
  });
});

describe('gateway load balancer endpoint from a template', () => {
  it('a route whose VpcEndpointId names a GatewayLoadBalancer endpoint puts the front behind the appliances', async () => {
    const { createWorld } = await import('../../../shared/sim/world.ts');
    const { scenario } = await import('../sim/builders.ts');
    const extra = `  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcEndpointType: GatewayLoadBalancer, VpcId: !Ref Vpc, SubnetIds: [!Ref SubnetA], ServiceName: com.amazonaws.vpce.us-east-1.vpce-svc-0example}
  Routes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ToFirewall: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, VpcEndpointId: !Ref Endpoint}}
  AssocA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Routes}}
  Web: {Type: AWS::EC2::Instance, Properties: {InstanceType: c5.large, ImageId: ami-12345678, SubnetId: !Ref SubnetA}}
  WebTargets: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Protocol: HTTP, Port: 80, VpcId: !Ref Vpc, Targets: [{Id: !Ref Web}]}}
  Front: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Scheme: internal, Subnets: [!Ref SubnetA, !Ref SubnetB]}}
  FrontListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Front, Port: 80, Protocol: HTTP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref WebTargets}]}`;
    const loaded = loadTemplate(gwlb({ extra }));
    expect(errors(loaded)).toEqual([]);
    const world = createWorld(loaded.design!, scenario({ traffic: [{ area: 'north-america', baselineRps: 10 }] }), 1);
    expect(world.topo.gwCount).toBe(1);
    expect(codes(loaded, 'warning')).not.toContain('gwlb-not-in-path');
    expect(codes(loadTemplate(gwlb()), 'warning')).toContain('gwlb-not-in-path');
    expect([...world.topo.lbInspect]).toEqual([0]);
  });
});

describe('ingress inspection: the front subnets send 0.0.0.0/0 to the endpoint', () => {
  it("the front's subnets stay public (through the endpoint's public subnet) and its traffic passes the appliances", async () => {
    const { createWorld } = await import('../../../shared/sim/world.ts');
    const { scenario } = await import('../sim/builders.ts');
    const { subnetIsPublic } = await import('../../../shared/template/public-subnets.ts');
    const extra = `  EndpointSubnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.9.0/24, AvailabilityZone: us-east-1a}}
  Igw: {Type: AWS::EC2::InternetGateway}
  IgwAttach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  EndpointRoutes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  EndpointDefault: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref EndpointRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  EndpointAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref EndpointSubnet, RouteTableId: !Ref EndpointRoutes}}
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcEndpointType: GatewayLoadBalancer, VpcId: !Ref Vpc, SubnetIds: [!Ref EndpointSubnet], ServiceName: com.amazonaws.vpce.us-east-1.vpce-svc-0example}
  FrontRoutes: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ThroughFirewall: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref FrontRoutes, DestinationCidrBlock: 0.0.0.0/0, VpcEndpointId: !Ref Endpoint}}
  AssocA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref FrontRoutes}}
  AssocB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref FrontRoutes}}
  Web: {Type: AWS::EC2::Instance, Properties: {InstanceType: c5.large, ImageId: ami-12345678, SubnetId: !Ref SubnetB}}
  WebTargets: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Protocol: HTTP, Port: 80, VpcId: !Ref Vpc, Targets: [{Id: !Ref Web}]}}
  Front: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}
  FrontListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Front, Port: 80, Protocol: HTTP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref WebTargets}]}`;
    const loaded = loadTemplate(gwlb({ extra }));
    expect(errors(loaded)).toEqual([]);
    const design = loaded.design!;
    expect(subnetIsPublic(design, byLogicalId(design, 'SubnetA', 'subnet').id)).toBe(true);
    const world = createWorld(design, scenario({ traffic: [{ area: 'north-america', baselineRps: 10 }] }), 1);
    expect(world.topo.warnings.map((w) => w.code)).not.toContain('warnLbWithoutPublicSubnet');
    expect(world.topo.lbPublic[0]).toBe(1);
    expect([...world.topo.lbInspect]).toEqual([0]);
    // Both AZs' nodes go to the one endpoint in us-east-1a.
    const zoneA = world.topo.subnetZone[byLogicalId(design, 'EndpointSubnet', 'subnet').id]!;
    const zones = [...world.topo.lbZones];
    expect(zones.map((z) => world.topo.lbInspectZone[z]).length).toBe(2);
    expect(zones.map((z) => world.topo.lbInspectZone[z])).toEqual([zoneA, zoneA]);
  });
});
