// Small builders for designs and scenarios in tests: the simulation's tests do not wait on the loader.

import type { Design, Resource, ResourceOfKind } from '../../../shared/design/model.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../../shared/scenario/index.ts';

type Props<K extends Resource['kind']> = ResourceOfKind<K>['props'];

export function designBuilder() {
  const design: Design = { stacks: [], resources: [], unmodelled: [], actions: [] };
  let current = 0;

  const api = {
    design,
    stack(name: string, region: string): number {
      design.stacks.push({ name, region, parameters: {} });
      current = design.stacks.length - 1;
      return current;
    },
    use(stack: number) {
      current = stack;
      return api;
    },
    add<K extends Resource['kind']>(logicalId: string, kind: K, props: Props<K>): number {
      const id = design.resources.length;
      design.resources.push({ id, stack: current, logicalId, kind, props } as unknown as Resource);
      return id;
    },
    /** A VPC with one subnet per zone suffix; public ones get a route to an attached internet gateway. */
    network(prefix: string, region: string, zones: string[], opts: { public?: boolean; cidr?: string } = {}) {
      const vpcCidr = opts.cidr ?? '10.0.0.0/16';
      const vpc = api.add(`${prefix}Vpc`, 'vpc', { cidr: vpcCidr });
      // Subnets inside the VPC's range (its first /24s), as route tables match them by address.
      const [a, b] = vpcCidr.split('.');
      const subnets = zones.map((z, i) =>
        api.add(`${prefix}Subnet${z.toUpperCase()}`, 'subnet', {
          vpc,
          zone: `${region}${z}`,
          cidr: `${a}.${b}.${i}.0/24`,
          mapPublicIp: opts.public !== false,
        }),
      );
      if (opts.public !== false) {
        const igw = api.add(`${prefix}Igw`, 'internetGateway', {});
        api.add(`${prefix}IgwAttach`, 'gatewayAttachment', { vpc, gateway: igw });
        const rt = api.add(`${prefix}Routes`, 'routeTable', { vpc });
        api.add(`${prefix}Default`, 'route', { routeTable: rt, destination: '0.0.0.0/0', gateway: igw });
        subnets.forEach((s, i) => api.add(`${prefix}Assoc${i}`, 'subnetRouteTableAssociation', { subnet: s, routeTable: rt }));
      }
      return { vpc, subnets };
    },
    targetGroup(name: string, targets: number[] = [], hc: Partial<Props<'targetGroup'>['healthCheck']> = {}, algorithm: Props<'targetGroup'>['algorithm'] = 'round_robin') {
      return api.add(name, 'targetGroup', {
        protocol: 'HTTP',
        port: 80,
        targets,
        healthCheck: { intervalS: 10, healthyThreshold: 3, unhealthyThreshold: 2, ...hc },
        algorithm,
        stickiness: false,
      });
    },
    loadBalancer(name: string, subnets: number[], targetGroups: number[], opts: { crossZone?: boolean; lbType?: 'application' | 'network'; scheme?: 'internet-facing' | 'internal' } = {}) {
      const lb = api.add(name, 'loadBalancer', {
        lbType: opts.lbType ?? 'application',
        scheme: opts.scheme ?? 'internet-facing',
        subnets,
        crossZone: opts.crossZone ?? true,
        securityGroups: [],
      });
      api.add(`${name}Listener`, 'listener', {
        loadBalancer: lb,
        port: 80,
        protocol: 'HTTP',
        forward: targetGroups.map((tg) => ({ targetGroup: tg, weight: 1 })),
      });
      return lb;
    },
    group(name: string, subnets: number[], targetGroups: number[], opts: { type?: string; min?: number; max?: number; desired?: number; healthCheckType?: 'EC2' | 'ELB'; cooldownS?: number } = {}) {
      const lt = api.add(`${name}Template`, 'launchTemplate', { instanceType: opts.type ?? 'm5.large', securityGroups: [] });
      return api.add(name, 'autoScalingGroup', {
        launchTemplate: lt,
        subnets,
        min: opts.min ?? 1,
        max: opts.max ?? 10,
        desired: opts.desired ?? 2,
        targetGroups,
        healthCheckType: opts.healthCheckType ?? 'ELB',
        cooldownS: opts.cooldownS ?? 300,
      });
    },
    instance(name: string, subnet: number, type = 'm5.large') {
      return api.add(name, 'instance', { instanceType: type, subnet, securityGroups: [] });
    },
    database(name: string, subnets: number[], opts: { instanceClass?: string; multiAz?: boolean; zone?: string; source?: number } = {}) {
      const group = api.add(`${name}Subnets`, 'dbSubnetGroup', { subnets });
      return api.add(name, 'database', {
        engine: 'mysql',
        instanceClass: opts.instanceClass ?? 'db.r6g.large',
        multiAz: opts.multiAz ?? false,
        subnetGroup: group,
        storageGb: 20,
        ...(opts.zone ? { zone: opts.zone } : {}),
        ...(opts.source !== undefined ? { source: opts.source } : {}),
      });
    },
    healthCheck(name: string, target: number, intervalS = 30, failureThreshold = 3) {
      return api.add(name, 'healthCheck', { target, protocol: 'HTTP', intervalS, failureThreshold });
    },
    record(name: string, target: number, opts: Partial<Props<'recordSet'>> = {}) {
      return api.add(name, 'recordSet', {
        name: 'www.example.com.',
        recordType: 'A',
        policy: 'simple',
        target,
        evaluateTargetHealth: false,
        ttlS: 60,
        ...opts,
      });
    },
    distribution(name: string, origin: number, defaultTtlS = 86400) {
      return api.add(name, 'distribution', { origins: [origin], defaultTtlS, priceClass: 'PriceClass_All' });
    },
    accelerator(name: string, groups: { region: string; endpoints: number[]; intervalS?: number; threshold?: number }[]) {
      const acc = api.add(name, 'accelerator', { enabled: true });
      const listener = api.add(`${name}Listener`, 'acceleratorListener', { accelerator: acc, protocol: 'TCP', ports: [{ from: 443, to: 443 }] });
      groups.forEach((g, i) =>
        api.add(`${name}Group${i}`, 'endpointGroup', {
          listener,
          region: g.region,
          endpoints: g.endpoints.map((target) => ({ target, weight: 100 })),
          trafficDialPct: 100,
          healthCheckIntervalS: g.intervalS ?? 10,
          thresholdCount: g.threshold ?? 3,
        }),
      );
      return acc;
    },
  };
  return api;
}

export function scenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse({
    id: 'test',
    title: 'Test',
    durationS: 3600,
    budgetUsd: 100,
    latencyObjectiveMs: 300,
    revenuePerGoodRequestUsd: 0.0001,
    traffic: [{ area: 'north-america', baselineRps: 100 }],
    mix: { static: 0.5, read: 0.4, write: 0.1 },
    ...overrides,
  });
}

/** An ALB in front of an Auto Scaling group over three zones of us-east-1, optionally with a database. */
export function webTier(opts: { zones?: string[]; lbZones?: string[]; desired?: number; type?: string; crossZone?: boolean; db?: { multiAz?: boolean; instanceClass?: string } } = {}) {
  const b = designBuilder();
  b.stack('web', 'us-east-1');
  const zones = opts.zones ?? ['a', 'b', 'c'];
  const net = b.network('Main', 'us-east-1', ['a', 'b', 'c']);
  const subnetOf = (z: string) => net.subnets['abc'.indexOf(z)]!;
  const tg = b.targetGroup('Targets');
  const lb = b.loadBalancer('Lb', (opts.lbZones ?? zones).map(subnetOf), [tg], { crossZone: opts.crossZone ?? true });
  const asg = b.group('Web', zones.map(subnetOf), [tg], { desired: opts.desired ?? 3, max: 12, type: opts.type });
  const db = opts.db ? b.database('Db', net.subnets, { ...opts.db, zone: 'us-east-1a' }) : -1;
  return { b, net, tg, lb, asg, db, subnetOf };
}
