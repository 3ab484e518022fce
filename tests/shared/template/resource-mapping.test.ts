import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResourceKind } from '../../../shared/design/model.ts';
import { byLogicalId, errors, idOf, loadTemplate, plain, reload } from './load-helpers.ts';

const ALL_KINDS = readFileSync(new URL('./all-kinds.yaml', import.meta.url), 'utf8');

describe('mapping AWS types to the board', () => {
  const result = loadTemplate(ALL_KINDS);
  const design = result.design!;
  const id = (logicalId: string) => idOf(design, logicalId);

  it('loads without errors and gives every kind the model has', () => {
    expect(errors(result)).toEqual([]);
    const kinds = new Set(design.resources.map((r) => r.kind));
    const all: ResourceKind[] = [
      'vpc', 'subnet', 'internetGateway', 'gatewayAttachment', 'routeTable', 'route', 'subnetRouteTableAssociation',
      'securityGroup', 'vpcPeering', 'transitGateway', 'transitGatewayAttachment', 'customerGateway', 'vpnGateway',
      'vpnConnection', 'vpnGatewayRoutePropagation', 'instance', 'launchTemplate',
      'autoScalingGroup', 'scalingPolicy', 'scheduledAction', 'loadBalancer', 'targetGroup', 'listener', 'listenerRule',
      'dbSubnetGroup', 'database', 'bucket', 'distribution', 'healthCheck', 'recordSet', 'accelerator',
      'acceleratorListener', 'endpointGroup', 'webAcl', 'webAclAssociation', 'alarm', 'budget', 'budgetAction', 'trail', 'flowLog', 'dashboard', 'logGroup', 'metricFilter',
    ];
    expect([...kinds].sort()).toEqual([...all].sort());
    expect(design.resources.every((r, i) => r.id === i)).toBe(true);
  });

  it('networking: subnets, routes by target, peering, transit gateway', () => {
    expect(byLogicalId(design, 'SubnetA', 'subnet').props).toEqual({ vpc: id('Vpc'), zone: 'us-east-1a', cidr: '10.0.0.0/24', mapPublicIp: true });
    expect(byLogicalId(design, 'InternetRoute', 'route').props).toEqual({ routeTable: id('Routes'), destination: '0.0.0.0/0', gateway: id('Gateway') });
    expect(byLogicalId(design, 'InternetRoute', 'route').dependsOn).toEqual([id('Attachment')]);
    expect(byLogicalId(design, 'PeerRoute', 'route').props.peering).toBe(id('Peering'));
    expect(byLogicalId(design, 'HubRoute', 'route').props.transitGateway).toBe(id('Hub'));
    expect(byLogicalId(design, 'Peering', 'vpcPeering').props).toEqual({ vpc: id('Vpc'), peerVpc: id('PeerVpc') });
    expect(byLogicalId(design, 'HubAttachment', 'transitGatewayAttachment').props.subnets).toEqual([id('SubnetA'), id('SubnetB')]);
  });

  it('on-premises: a VPN into a virtual private gateway or a Transit Gateway, its routes and propagation', () => {
    expect(byLogicalId(design, 'Office', 'customerGateway').props).toEqual({ ipAddress: '203.0.113.10', bgpAsn: 65010 });
    expect(byLogicalId(design, 'VgwAttachment', 'gatewayAttachment').props).toEqual({ vpc: id('PeerVpc'), gateway: id('Vgw') });
    expect(byLogicalId(design, 'OfficeVpn', 'vpnConnection').props).toEqual({ customerGateway: id('Office'), vpnGateway: id('Vgw'), staticRoutesOnly: false });
    expect(byLogicalId(design, 'OfficeHubVpn', 'vpnConnection').props).toEqual({ customerGateway: id('Office'), transitGateway: id('Hub'), staticRoutesOnly: false });
    expect(byLogicalId(design, 'OfficePropagation', 'vpnGatewayRoutePropagation').props).toEqual({ vpnGateway: id('Vgw'), routeTables: [id('Routes')] });
    expect(byLogicalId(design, 'OfficeRoute', 'route').props.gateway).toBe(id('Vgw'));
  });

  it('budget actions: stop chosen instances, or attach a policy to IAM names', () => {
    expect(byLogicalId(design, 'StopServer', 'budgetAction').props).toEqual({
      budget: id('Budget'), notificationType: 'ACTUAL', thresholdType: 'PERCENTAGE', threshold: 90, approval: 'AUTOMATIC',
      actionType: 'RUN_SSM_DOCUMENTS', policyArn: '', users: [], groups: [], roles: [], region: 'us-east-1', instances: [id('Server')],
    });
    expect(byLogicalId(design, 'DenyDeployer', 'budgetAction').props).toEqual({
      budget: id('Budget'), notificationType: 'FORECASTED', thresholdType: 'ABSOLUTE_VALUE', threshold: 300, approval: 'MANUAL',
      actionType: 'APPLY_IAM_POLICY', policyArn: 'arn:aws:iam::aws:policy/AWSDenyAll', users: ['ci-deployer'], groups: ['builders'], roles: [], region: '', instances: [],
    });
  });

  it('board positions come from Designer or FiveNines::Board metadata', () => {
    expect(byLogicalId(design, 'SubnetA', 'subnet').position).toEqual({ x: 120, y: 40 });
    expect(byLogicalId(design, 'SubnetB', 'subnet').position).toEqual({ x: 320, y: 40 });
  });

  it('security groups fold in standalone ingress rules', () => {
    const group = byLogicalId(design, 'WebGroup', 'securityGroup');
    expect(group.props.ingress).toEqual([
      { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, sourceGroup: group.id },
    ]);
    expect(design.resources.some((r) => r.logicalId === 'SshRule')).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'ingress-folded', logicalId: 'WebGroup' }));
  });

  it('compute and Auto Scaling: group, policies of the three types, a scheduled action', () => {
    expect(byLogicalId(design, 'Server', 'instance').props).toEqual({ instanceType: 't3.micro', subnet: id('SubnetA'), securityGroups: [id('WebGroup')] });
    expect(byLogicalId(design, 'Group', 'autoScalingGroup').props).toEqual({
      launchTemplate: id('Template'),
      subnets: [id('SubnetA'), id('SubnetB')],
      min: 2,
      max: 6,
      desired: 3,
      targetGroups: [id('Targets')],
      healthCheckType: 'ELB',
      cooldownS: 90,
    });
    expect(byLogicalId(design, 'Simple', 'scalingPolicy').props).toEqual({ group: id('Group'), policyType: 'SimpleScaling', adjustment: 2, cooldownS: 60 });
    expect(byLogicalId(design, 'Steps', 'scalingPolicy').props).toEqual({ group: id('Group'), policyType: 'StepScaling', adjustment: 3, cooldownS: 120 });
    expect(byLogicalId(design, 'Tracking', 'scalingPolicy').props).toMatchObject({ policyType: 'TargetTrackingScaling', targetValue: 55 });
    expect(byLogicalId(design, 'Morning', 'scheduledAction').props).toEqual({ group: id('Group'), atS: 8 * 3600 + 30 * 60, desired: 5 });
  });

  it('load balancing: LB, target group attributes, weighted forward, TLS listener, path rule', () => {
    expect(byLogicalId(design, 'Balancer', 'loadBalancer').props).toEqual({
      lbType: 'application',
      scheme: 'internet-facing',
      subnets: [id('SubnetA'), id('SubnetB')],
      crossZone: true,
      securityGroups: [id('WebGroup')],
    });
    expect(byLogicalId(design, 'Targets', 'targetGroup').props).toEqual({
      protocol: 'HTTP',
      port: 80,
      vpc: id('Vpc'),
      targets: [id('Server')],
      healthCheck: { intervalS: 10, healthyThreshold: 3, unhealthyThreshold: 4, path: '/health' },
      algorithm: 'least_outstanding_requests',
      stickiness: true,
      stickinessType: 'lb_cookie',
    });
    expect(byLogicalId(design, 'Front', 'listener').props).toEqual({
      loadBalancer: id('Balancer'),
      port: 443,
      protocol: 'HTTPS',
      forward: [
        { targetGroup: id('Targets'), weight: 3 },
        { targetGroup: id('Api'), weight: 1 },
      ],
      certificate: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(byLogicalId(design, 'ApiRule', 'listenerRule').props).toEqual({
      listener: id('Front'),
      priority: 10,
      pathPatterns: ['/api/*'],
      forward: [{ targetGroup: id('Api'), weight: 1 }],
    });
  });

  it('data: a Multi-AZ primary, its replica, a subnet group, a website bucket', () => {
    expect(byLogicalId(design, 'Primary', 'database').props).toEqual({
      engine: 'postgres',
      instanceClass: 'db.r6g.large',
      multiAz: true,
      subnetGroup: id('DbSubnets'),
      zone: 'us-east-1a',
      storageGb: 200,
    });
    expect(byLogicalId(design, 'ReadReplica', 'database').props.source).toBe(id('Primary'));
    expect(byLogicalId(design, 'Assets', 'bucket').props.websiteHosting).toBe(true);
  });

  it('edge: origins with the default behaviour’s first, records by policy, health check, accelerator, WAF', () => {
    expect(byLogicalId(design, 'Edge', 'distribution').props).toEqual({
      origins: [id('Balancer'), id('Assets')],
      defaultTtlS: 30,
      priceClass: 'PriceClass_200',
      webAcl: id('EdgeAcl'),
    });
    expect(byLogicalId(design, 'Check', 'healthCheck').props).toEqual({ target: id('Balancer'), protocol: 'HTTPS', intervalS: 10, failureThreshold: 2, path: '/health' });
    expect(byLogicalId(design, 'WeightedRecord', 'recordSet').props).toEqual({
      name: 'www.example.com.',
      recordType: 'A',
      policy: 'weighted',
      target: id('Balancer'),
      setIdentifier: 'blue',
      weight: 70,
      healthCheck: id('Check'),
      evaluateTargetHealth: true,
      ttlS: 60,
    });
    expect(byLogicalId(design, 'EdgeRecord', 'recordSet').props).toMatchObject({ policy: 'simple', target: id('Edge'), ttlS: 300 });
    expect(byLogicalId(design, 'LatencyRecord', 'recordSet').props).toMatchObject({ policy: 'latency', region: 'us-east-1', target: id('Server') });
    expect(byLogicalId(design, 'AcceleratorListener', 'acceleratorListener').props.ports).toEqual([
      { from: 80, to: 80 },
      { from: 443, to: 443 },
    ]);
    expect(byLogicalId(design, 'Endpoints', 'endpointGroup').props).toEqual({
      listener: id('AcceleratorListener'),
      region: 'us-east-1',
      endpoints: [{ target: id('Balancer'), weight: 200 }],
      trafficDialPct: 50,
      healthCheckIntervalS: 10,
      thresholdCount: 5,
    });
    expect(byLogicalId(design, 'EdgeAcl', 'webAcl').props).toEqual({ scope: 'CLOUDFRONT', rateLimit: 1000, blockedAreas: ['south-america'] });
    expect(byLogicalId(design, 'AclOnBalancer', 'webAclAssociation').props).toEqual({ webAcl: id('RegionalAcl'), resource: id('Balancer') });
  });

  it('operations: alarm actions split into scaling policies and notifications; budgets', () => {
    expect(byLogicalId(design, 'HighCpu', 'alarm').props).toEqual({
      metric: 'CPUUtilization',
      namespace: 'AWS/EC2',
      statistic: 'Maximum',
      subject: id('Group'),
      comparison: 'GreaterThanOrEqualToThreshold',
      threshold: 80,
      periodS: 60,
      evaluationPeriods: 3,
      alarmActions: [id('Simple')],
      notifications: ['Topic', 'arn:aws:sns:us-east-1:123456789012:ops'],
      okActions: ['Topic'],
      insufficientDataActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
    });
    expect(byLogicalId(design, 'Budget', 'budget').props).toEqual({
      name: 'scenario',
      amountUsd: 250,
      notifications: [
        // NotificationsWithSubscribers' Subscribers: an EMAIL address is modelled (shared/sim/budget-alerts.ts).
        { notificationType: 'ACTUAL', thresholdPct: 80, subscribers: [{ type: 'EMAIL', address: 'ops@example.com' }] },
        { notificationType: 'FORECASTED', thresholdPct: 100 },
      ],
    });
  });

  it('a CloudTrail trail: its bucket on the board, and its event selectors with their data resources', () => {
    expect(byLogicalId(design, 'AuditTrail', 'trail').props).toEqual({
      name: 'audit',
      bucket: id('Assets'),
      isLogging: true,
      multiRegion: true,
      eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::orders/'] }] }],
    });
  });

  it('keeps what it does not model, and says so by logical id', () => {
    expect(design.unmodelled).toEqual([expect.objectContaining({ logicalId: 'Topic', type: 'AWS::SNS::Topic', reason: 'unmodelled-type' })]);
    // A topic is kept off the board, but the simulation reads its subscriptions (alarm notifications): a note.
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'note', code: 'unmodelled-type', logicalId: 'Topic' }));
    expect(byLogicalId(design, 'Server', 'instance').unmodelled).toEqual({ ImageId: 'ami-1' });
    // (stickiness.type is modelled: sticky sessions decide where users go.)
    expect(byLogicalId(design, 'Targets', 'targetGroup').unmodelled).toEqual({ Targets: [{ Port: 8080 }] });
    expect(byLogicalId(design, 'Balancer', 'loadBalancer').unmodelled).toEqual({
      LoadBalancerAttributes: [{ Key: 'idle_timeout.timeout_seconds', Value: '30' }],
    });
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'note', code: 'unmodelled-property', logicalId: 'Server' }));
  });

  it('exports and loads back to the same design', () => {
    const again = reload(design);
    expect(errors(again)).toEqual([]);
    expect(plain(again.design)).toEqual(plain(design));
  });
});

describe('classic ELB and launch configurations', () => {
  const result = loadTemplate(`
Resources:
  Config: {Type: AWS::AutoScaling::LaunchConfiguration, Properties: {InstanceType: t3.medium, ImageId: ami-1}}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {LaunchConfigurationName: !Ref Config, AvailabilityZones: !GetAZs "", MinSize: 2, MaxSize: 4, LoadBalancerNames: [!Ref Classic]}
  Web: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref Subnet}}
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: !GetAZs ""
      CrossZone: "true"
      Instances: [!Ref Web]
      Listeners: [{LoadBalancerPort: "443", InstancePort: "8080", Protocol: HTTPS, InstanceProtocol: HTTP, SSLCertificateId: arn:cert}]
      HealthCheck: {Target: HTTP:8080/ping, HealthyThreshold: "3", UnhealthyThreshold: "5", Interval: "20", Timeout: "5"}
`);
  const design = result.design!;

  it('maps a launch configuration to a launch template and a classic ELB to an ALB, target group and listener', () => {
    expect(errors(result)).toEqual([]);
    expect(byLogicalId(design, 'Config', 'launchTemplate')).toMatchObject({ props: { instanceType: 't3.medium' }, awsType: 'AWS::AutoScaling::LaunchConfiguration' });
    const lb = byLogicalId(design, 'Classic', 'loadBalancer');
    expect(lb.props).toMatchObject({ lbType: 'application', crossZone: true, zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
    const group = byLogicalId(design, 'ClassicTargets', 'targetGroup');
    expect(group).toMatchObject({ partOf: lb.id, props: { protocol: 'HTTP', port: 8080, targets: [idOf(design, 'Web')] } });
    expect(group.props.healthCheck).toEqual({ intervalS: 20, healthyThreshold: 3, unhealthyThreshold: 5, path: '/ping' });
    expect(byLogicalId(design, 'ClassicListener', 'listener')).toMatchObject({
      partOf: lb.id,
      props: { loadBalancer: lb.id, port: 443, protocol: 'HTTPS', certificate: 'arn:cert', forward: [{ targetGroup: group.id, weight: 1 }] },
    });
    expect(byLogicalId(design, 'Group', 'autoScalingGroup').props.targetGroups).toEqual([group.id]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'classic-elb-mapped', logicalId: 'Classic' }));
  });

  it('exports them as the classic resources again', () => {
    const again = reload(design);
    expect(plain(again.design)).toEqual(plain(design));
  });
});
