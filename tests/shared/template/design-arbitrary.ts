// A fast-check generator of valid designs in the loader's canonical form: resources grouped by stack in id
// order, references to resources of the right kinds, optional fields absent rather than undefined, and the
// values the AWS types can express (an alias record's type is A or AAAA, a plain record does not evaluate its
// target's health, a load balancer's zones come only from its subnets). The builder draws every choice from
// one generated list of numbers, so fast-check can shrink a failing design.

import fc from 'fast-check';
import type { Design, Resource, ResourceId, ResourceKind, SecurityRule, Stack, UnmodelledResource } from '../../../shared/design/model.ts';
import { AREAS, REGIONS, zonesOf } from '../../../shared/geography/regions.ts';

type NewResource = Omit<Resource, 'id' | 'stack' | 'logicalId'> & Partial<Pick<Resource, 'logicalId'>>;

class DesignBuilder {
  choices: number[];
  at = 0;
  resources: Resource[] = [];
  unmodelled: UnmodelledResource[] = [];
  stacks: Stack[] = [];
  stack = 0;

  constructor(choices: number[]) {
    this.choices = choices;
  }

  /** A number in [0, n). */
  pick(n: number): number {
    const c = this.choices[this.at++ % this.choices.length]!;
    return n <= 1 ? 0 : c % n;
  }

  chance(): boolean {
    return this.pick(2) === 1;
  }

  oneOf<T>(items: readonly T[]): T {
    return items[this.pick(items.length)]!;
  }

  /** Some of the items, each at most once, in their order. */
  some<T>(items: readonly T[], min = 0): T[] {
    const out = items.filter(() => this.chance());
    return out.length >= min ? out : items.slice(0, min);
  }

  int(min: number, max: number): number {
    return min + this.pick(max - min + 1);
  }

  ids(kind: ResourceKind, anyStack = false): ResourceId[] {
    return this.resources.filter((r) => r.kind === kind && (anyStack || r.stack === this.stack)).map((r) => r.id);
  }

  add(resource: NewResource): ResourceId {
    const id = this.resources.length;
    const r = { ...resource, id, stack: this.stack, logicalId: resource.logicalId ?? `${resource.kind[0]!.toUpperCase()}${resource.kind.slice(1)}${id}` } as Resource;
    if (this.pick(4) === 0) r.position = { x: this.int(0, 2000), y: this.int(0, 1200) };
    const earlier = this.ids(r.kind === 'vpc' ? 'vpc' : 'subnet').filter((i) => i < id);
    if (earlier.length > 0 && this.pick(5) === 0) r.dependsOn = [this.oneOf(earlier)];
    if (this.pick(6) === 0) r.unmodelled = { Tags: [{ Key: 'team', Value: `t${this.pick(9)}` }] };
    if (this.pick(8) === 0) r.attributes = { DeletionPolicy: 'Retain' };
    this.resources.push(r);
    return id;
  }
}

function buildStack(b: DesignBuilder, index: number): void {
  const region = b.oneOf(REGIONS).code;
  b.stack = index;
  const stack: Stack = { name: `stack${index}`, region, parameters: {} };
  if (b.chance()) stack.extras = { Description: `stack ${index}` };
  b.stacks.push(stack);
  const zones = zonesOf(region);

  const vpcs = Array.from({ length: b.int(1, 2) }, (_, v) => b.add({ kind: 'vpc', props: { cidr: `10.${index * 10 + v}.0.0/16` } }));
  const subnets: ResourceId[] = [];
  vpcs.forEach((vpc, v) => {
    for (let i = 0; i < b.int(1, 3); i++) {
      subnets.push(b.add({ kind: 'subnet', props: { vpc, zone: b.oneOf(zones), cidr: `10.${index * 10 + v}.${i}.0/24`, mapPublicIp: b.chance() } }));
    }
  });
  const gateway = b.add({ kind: 'internetGateway', props: {} });
  b.add({ kind: 'gatewayAttachment', props: { vpc: vpcs[0]!, gateway } });
  const table = b.add({ kind: 'routeTable', props: { vpc: vpcs[0]! } });
  b.add({ kind: 'route', props: { routeTable: table, destination: '0.0.0.0/0', ...(b.chance() ? { gateway } : {}) } });
  b.add({ kind: 'subnetRouteTableAssociation', props: { subnet: subnets[0]!, routeTable: table } });
  if (vpcs.length > 1) {
    const peering = b.add({ kind: 'vpcPeering', props: { vpc: vpcs[0]!, peerVpc: vpcs[1]! } });
    b.add({ kind: 'route', props: { routeTable: table, destination: '10.99.0.0/16', peering } });
  }
  if (b.chance()) {
    const transitGateway = b.add({ kind: 'transitGateway', props: {} });
    b.add({ kind: 'transitGatewayAttachment', props: { transitGateway, vpc: vpcs[0]!, subnets: b.some(subnets) } });
    if (b.chance()) {
      const customerGateway = b.add({ kind: 'customerGateway', props: { ipAddress: '203.0.113.10', bgpAsn: 65010 } });
      b.add({ kind: 'vpnConnection', props: { customerGateway, transitGateway, staticRoutesOnly: b.chance() } });
    }
  }
  if (b.chance()) {
    const vpnGateway = b.add({ kind: 'vpnGateway', props: {} });
    b.add({ kind: 'gatewayAttachment', props: { vpc: vpcs[vpcs.length - 1]!, gateway: vpnGateway } });
    const customerGateway = b.add({ kind: 'customerGateway', props: { ipAddress: '198.51.100.7', bgpAsn: 65020 } });
    b.add({ kind: 'vpnConnection', props: { customerGateway, vpnGateway, staticRoutesOnly: false } });
    b.add({ kind: 'vpnGatewayRoutePropagation', props: { vpnGateway, routeTables: [table] } });
    b.add({ kind: 'route', props: { routeTable: table, destination: '192.168.0.0/16', gateway: vpnGateway } });
  }

  const groups: ResourceId[] = [];
  for (let i = 0; i < b.int(0, 2); i++) {
    const ingress: SecurityRule[] = Array.from({ length: b.int(0, 2) }, () => {
      const port = b.oneOf([22, 80, 443, 3306]);
      const rule: SecurityRule = { protocol: b.oneOf(['tcp', 'udp', '-1']), fromPort: port, toPort: port };
      if (groups.length > 0 && b.chance()) rule.sourceGroup = b.oneOf(groups);
      else if (b.chance()) rule.cidr = '0.0.0.0/0';
      return rule;
    });
    // Written egress (no extra draw, so the other resources' draws stay as they were): with two ingress rules,
    // HTTPS out to anywhere and back to a group the first rule names.
    const egress: SecurityRule[] | undefined =
      ingress.length === 2 ? [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }, ...ingress.slice(0, 1).filter((r) => r.sourceGroup !== undefined)] : undefined;
    const props = b.chance() ? { vpc: vpcs[0]!, ingress } : { ingress };
    groups.push(b.add({ kind: 'securityGroup', props: egress ? { ...props, egress } : props }));
  }
  const types = ['t3.micro', 't3.medium', 'm5.large', 'c5.xlarge'];
  const instances = Array.from({ length: b.int(0, 2) }, () =>
    b.add({ kind: 'instance', props: { instanceType: b.oneOf(types), subnet: b.oneOf(subnets), securityGroups: b.some(groups) } }),
  );

  const targetGroups = Array.from({ length: b.int(0, 2) }, () => {
    const props = {
      protocol: b.oneOf(['HTTP', 'HTTPS', 'TCP']),
      port: b.oneOf([80, 443, 8080]),
      targets: b.some(instances),
      healthCheck: { intervalS: b.oneOf([10, 30]), healthyThreshold: b.int(2, 5), unhealthyThreshold: b.int(2, 5), ...(b.chance() ? { path: '/health' } : {}) },
      algorithm: b.oneOf(['round_robin', 'least_outstanding_requests', 'weighted_random'] as const),
      stickiness: b.chance(),
    };
    return b.add({ kind: 'targetGroup', props: b.chance() ? { ...props, vpc: vpcs[0]! } : props });
  });
  let balancer: ResourceId | undefined;
  if (b.chance()) {
    const lbType = b.oneOf(['application', 'network'] as const);
    balancer = b.add({
      kind: 'loadBalancer',
      props: { lbType, scheme: b.oneOf(['internet-facing', 'internal'] as const), subnets: b.some(subnets), crossZone: b.chance(), securityGroups: b.some(groups) },
    });
    const forward = b.some(targetGroups).map((targetGroup) => ({ targetGroup, weight: b.oneOf([1, 1, 3]) }));
    const listener = b.add({
      kind: 'listener',
      props: { loadBalancer: balancer, port: b.oneOf([80, 443]), protocol: b.oneOf(['HTTP', 'HTTPS']), forward, ...(b.chance() ? { certificate: 'arn:aws:acm:cert/1' } : {}) },
    });
    if (targetGroups.length > 0 && b.chance()) {
      b.add({
        kind: 'listenerRule',
        props: { listener, priority: b.int(1, 50), pathPatterns: b.some(['/api/*', '/static/*']), forward: [{ targetGroup: b.oneOf(targetGroups), weight: 1 }] },
      });
    }
  }

  if (b.chance()) {
    const launchTemplate = b.add({ kind: 'launchTemplate', props: { instanceType: b.oneOf(types), securityGroups: b.some(groups) } });
    const min = b.int(0, 3);
    const asgProps = {
      launchTemplate,
      subnets: b.some(subnets),
      min,
      max: min + b.int(0, 9),
      desired: min + b.int(0, 1),
      targetGroups: b.some(targetGroups),
      healthCheckType: b.oneOf(['EC2', 'ELB'] as const),
      cooldownS: b.oneOf([60, 300]),
    };
    // Zones without subnets mean the zones' default subnets (the account's default VPC, not generated here).
    const withZones = asgProps.subnets.length > 0 && b.chance();
    const group = b.add({ kind: 'autoScalingGroup', props: withZones ? { ...asgProps, zones: b.some(zones, 1) } : asgProps });
    const policies = Array.from({ length: b.int(0, 2) }, () => {
      const policyType = b.oneOf(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'] as const);
      const cooldownS = b.oneOf([60, 120, 300]);
      if (policyType === 'TargetTrackingScaling') return b.add({ kind: 'scalingPolicy', props: { group, policyType, adjustment: 0, cooldownS, targetValue: b.int(30, 80) } });
      return b.add({ kind: 'scalingPolicy', props: { group, policyType, adjustment: b.oneOf([-1, 1, 2]), cooldownS } });
    });
    if (b.chance()) {
      b.add({ kind: 'scheduledAction', props: { group, atS: b.int(0, 3 * 86_400), ...(b.chance() ? { desired: b.int(1, 6) } : {}), ...(b.chance() ? { min: 1, max: 8 } : {}) } });
    }
    for (let i = 0; i < b.int(0, 2); i++) {
      b.add({
        kind: 'alarm',
        props: {
          metric: 'CPUUtilization',
          namespace: 'AWS/EC2',
          statistic: b.oneOf(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'] as const),
          ...(b.chance() ? { subject: b.oneOf([group, ...(balancer === undefined ? [] : [balancer]), ...targetGroups]) } : {}),
          comparison: b.oneOf(['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const),
          threshold: b.int(10, 90),
          periodS: b.oneOf([60, 300]),
          evaluationPeriods: b.int(1, 3),
          alarmActions: b.some(policies),
          notifications: b.chance() ? [`arn:aws:sns:${region}:123456789012:ops`] : [],
        },
      });
    }
  }

  const subnetGroup = b.chance() ? b.add({ kind: 'dbSubnetGroup', props: { subnets: b.some(subnets) } }) : undefined;
  const databases: ResourceId[] = [];
  for (let i = 0; i < b.int(0, 2); i++) {
    const source = databases.length > 0 && b.chance() ? b.oneOf(databases) : undefined;
    databases.push(
      b.add({
        kind: 'database',
        props: {
          engine: source === undefined ? b.oneOf(['mysql', 'postgres']) : '',
          instanceClass: b.oneOf(['db.t3.medium', 'db.r6g.large', 'db.r6g.xlarge']),
          multiAz: b.chance(),
          ...(source === undefined ? {} : { source }),
          ...(subnetGroup === undefined ? {} : { subnetGroup }),
          ...(b.chance() ? { zone: b.oneOf(zones) } : {}),
          storageGb: b.oneOf([20, 100, 500]),
        },
      }),
    );
  }
  if (b.chance()) {
    const bucket = b.add({ kind: 'bucket', props: { websiteHosting: b.chance() } });
    if (b.chance()) {
      b.add({
        kind: 'trail',
        props: {
          name: `trail${index}`,
          bucket,
          isLogging: b.chance(),
          multiRegion: b.chance(),
          eventSelectors: b.some([
            { readWriteType: 'All' as const, includeManagementEvents: true, dataResources: [] },
            { readWriteType: 'WriteOnly' as const, includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] },
          ]),
        },
      });
    }
  }

  // Global resources: they may point at resources of any stack.
  const webAcl = b.chance()
    ? b.add({
        kind: 'webAcl',
        props: { scope: b.oneOf(['CLOUDFRONT', 'REGIONAL'] as const), blockedAreas: b.some(AREAS.map((a) => a.code)), ...(b.chance() ? { rateLimit: b.oneOf([100, 2000]) } : {}) },
      })
    : undefined;
  if (webAcl !== undefined && balancer !== undefined && b.chance()) b.add({ kind: 'webAclAssociation', props: { webAcl, resource: balancer } });
  const origins = b.some([...b.ids('loadBalancer', true), ...b.ids('bucket', true)]);
  if (origins.length > 0 && b.chance()) {
    b.add({
      kind: 'distribution',
      props: {
        origins,
        defaultTtlS: b.oneOf([0, 60, 86_400]),
        priceClass: b.oneOf(['PriceClass_100', 'PriceClass_200', 'PriceClass_All'] as const),
        ...(webAcl !== undefined && b.chance() ? { webAcl } : {}),
      },
    });
  }
  const reachable = [...b.ids('loadBalancer', true), ...b.ids('distribution', true), ...b.ids('instance', true)];
  const check = reachable.length > 0 && b.chance()
    ? b.add({ kind: 'healthCheck', props: { target: b.oneOf(reachable), protocol: b.oneOf(['HTTP', 'HTTPS', 'TCP']), intervalS: b.oneOf([10, 30]), failureThreshold: b.int(1, 5), ...(b.chance() ? { path: '/health' } : {}) } })
    : undefined;
  for (let i = 0; i < b.int(0, 2); i++) {
    const target = reachable.length > 0 && b.pick(4) > 0 ? b.oneOf(reachable) : undefined;
    const isInstance = target !== undefined && b.resources[target]!.kind === 'instance';
    const recordType = isInstance ? 'A' : b.oneOf(['A', 'AAAA', 'CNAME']);
    const alias = target !== undefined && !isInstance && recordType !== 'CNAME';
    const policy = b.oneOf(['simple', 'weighted', 'latency', 'failover'] as const);
    b.add({
      kind: 'recordSet',
      props: {
        name: `www${i}.example.com.`,
        recordType,
        policy,
        ...(target === undefined ? {} : { target }),
        ...(policy === 'simple' ? {} : { setIdentifier: `set${i}` }),
        ...(policy === 'weighted' ? { weight: b.int(0, 255) } : {}),
        ...(policy === 'latency' ? { region } : {}),
        ...(policy === 'failover' ? { failover: b.oneOf(['PRIMARY', 'SECONDARY'] as const) } : {}),
        ...(check !== undefined && b.chance() ? { healthCheck: check } : {}),
        evaluateTargetHealth: alias && b.chance(),
        ttlS: alias ? 60 : b.oneOf([30, 60, 300]),
      },
    });
  }
  const balancers = b.ids('loadBalancer', true);
  if (balancers.length > 0 && b.chance()) {
    const accelerator = b.add({ kind: 'accelerator', props: { enabled: b.chance() } });
    const listener = b.add({ kind: 'acceleratorListener', props: { accelerator, protocol: b.oneOf(['TCP', 'UDP']), ports: [{ from: 80, to: 80 }, ...(b.chance() ? [{ from: 443, to: 443 }] : [])] } });
    b.add({
      kind: 'endpointGroup',
      props: {
        listener,
        region: b.oneOf(REGIONS).code,
        endpoints: b.some(balancers, 1).map((target) => ({ target, weight: b.oneOf([1, 128, 255]) })),
        trafficDialPct: b.oneOf([0, 50, 100]),
        healthCheckIntervalS: b.oneOf([10, 30]),
        thresholdCount: b.int(1, 10),
      },
    });
  }
  if (b.chance()) {
    const budget = b.add({
      kind: 'budget',
      props: {
        name: `budget${index}`,
        amountUsd: b.oneOf([50, 250.5, 1000]),
        notifications: b.some([
          { notificationType: 'ACTUAL' as const, thresholdPct: 80 },
          { notificationType: 'FORECASTED' as const, thresholdPct: 100 },
        ]),
      },
    });
    const stops = b.chance();
    b.add({
      kind: 'budgetAction',
      props: {
        budget,
        notificationType: b.oneOf(['ACTUAL', 'FORECASTED'] as const),
        thresholdType: b.oneOf(['PERCENTAGE', 'ABSOLUTE_VALUE'] as const),
        threshold: b.oneOf([80, 100, 12.5]),
        approval: b.oneOf(['AUTOMATIC', 'MANUAL'] as const),
        actionType: stops ? 'RUN_SSM_DOCUMENTS' : 'APPLY_IAM_POLICY',
        policyArn: stops ? '' : 'arn:aws:iam::aws:policy/AWSDenyAll',
        users: stops ? [] : ['ci-deployer'],
        groups: [],
        roles: [],
        region: stops ? 'us-east-1' : '',
        instances: stops ? b.some(b.ids('instance', true), 1) : [],
      },
    });
  }
  if (b.chance()) {
    // A flow log on a VPC, a subnet or an instance's interface, to CloudWatch Logs (a group name) or S3 (a bucket ARN).
    const resourceType = b.oneOf(['VPC', 'Subnet', 'NetworkInterface'] as const);
    const watched = b.ids(resourceType === 'VPC' ? 'vpc' : resourceType === 'Subnet' ? 'subnet' : 'instance');
    if (watched.length > 0) {
      const toS3 = b.chance();
      b.add({
        kind: 'flowLog',
        props: {
          resourceType,
          resource: b.oneOf(watched),
          trafficType: b.oneOf(['ACCEPT', 'REJECT', 'ALL'] as const),
          destinationType: toS3 ? 's3' : 'cloud-watch-logs',
          ...(toS3 ? { destination: 'arn:aws:s3:::flow-logs' } : { logGroupName: `flows${index}` }),
          aggregationS: b.oneOf([60, 600] as const),
        },
      });
    }
  }
  if (b.chance()) {
    // A dashboard: a graph or a number on a metric of an instance, a load balancer or the account of its stack,
    // an alarm-status widget, a text widget.
    const subjects = [...b.ids('instance'), ...b.ids('loadBalancer')];
    const subject = subjects.length > 0 && b.chance() ? b.oneOf(subjects) : undefined;
    const kind = subject === undefined ? undefined : b.resources[subject]!.kind;
    const alarms = b.ids('alarm');
    b.add({
      kind: 'dashboard',
      props: {
        ...(b.chance() ? { name: `ops-${index}` } : {}),
        widgets: [
          { type: 'metric', x: 0, y: 0, width: 12, height: 6, title: 'Load', view: b.oneOf(['timeSeries', 'singleValue']), stat: b.oneOf(['Average', 'Sum']), period: b.oneOf([60, 300]), region },
          { type: 'text', x: 12, y: 0, width: 6, height: 3, markdown: '# On call' },
          ...(alarms.length > 0 ? [{ type: 'alarm', x: 0, y: 6, width: 6, height: 3, title: 'Alarms' }] : []),
        ],
        metrics: [
          subject === undefined
            ? { widget: 0, namespace: 'AWS/Billing', metric: 'EstimatedCharges', dimensions: [{ name: 'Currency', value: 'USD' }] }
            : kind === 'instance'
              ? { widget: 0, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: [{ name: 'InstanceId' }], subject }
              : { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'RequestCount', dimensions: [{ name: 'LoadBalancer' }], subject, options: { stat: 'Sum' } },
        ],
        alarms: alarms.length > 0 ? [{ widget: 2, alarm: b.oneOf(alarms) }, { widget: 2, arn: `arn:aws:cloudwatch:${region}:123456789012:alarm:elsewhere` }] : [],
      },
    });
    // A log group and a metric filter on it (by Ref, or by a name as written) counting a pattern into a metric.
    const group = b.add({ kind: 'logGroup', props: { name: `/app/${index}`, ...(b.chance() ? { retentionDays: b.oneOf([1, 7, 30] as const) } : {}) } });
    b.add({
      kind: 'metricFilter',
      props: {
        ...(b.chance() ? { logGroup: group } : { logGroupName: `/app/${index}` }),
        filterPattern: b.oneOf(['ERROR', '"connection pool" -DEBUG', '?ERROR ?WARN', ''] as const),
        metricNamespace: 'App',
        metricName: `Errors${index}`,
        metricValue: b.oneOf([1, 2.5] as const),
        ...(b.chance() ? { defaultValue: 0 } : {}),
        ...(b.chance() ? { unit: 'Count' } : {}),
      },
    });
  }
  if (b.chance()) {
    b.unmodelled.push({ stack: index, logicalId: `Topic${index}`, type: 'AWS::SNS::Topic', body: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'ops' } }, reason: 'unmodelled-type' });
  }
}

export const designArbitrary: fc.Arbitrary<Design> = fc
  .record({
    stacks: fc.integer({ min: 1, max: 3 }),
    choices: fc.array(fc.nat(10_000), { minLength: 64, maxLength: 400 }),
    actions: fc.array(fc.record({ atS: fc.nat(86_400), intent: fc.record({ type: fc.constantFrom('scale', 'promote') }) }), { maxLength: 2 }),
  })
  .map(({ stacks, choices, actions }) => {
    const b = new DesignBuilder(choices.length > 0 ? choices : [0]);
    for (let s = 0; s < stacks; s++) buildStack(b, s);
    return { stacks: b.stacks, resources: b.resources, unmodelled: b.unmodelled, actions };
  });
