// Live hints: every condition of the hint language can occur (a world where it holds) and can be avoided (a
// world where it does not); hintsDue keeps to the hint's time window and falls back to English.

import { describe, expect, it } from 'vitest';
import type { HintCondition, ScenarioInput } from '../../../shared/scenario/index.ts';
import { HINT_CONDITIONS, hintConditionSchema } from '../../../shared/scenario/index.ts';
import { conditionHolds, hintsDue } from '../../../shared/sim/index.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

type Built = { design: ReturnType<typeof designBuilder>['design'] };

function world(d: Built, overrides: Partial<ScenarioInput> = {}, untilS = 0): World {
  const w = createWorld(d.design, scenario(overrides), 1);
  runUntil(w, untilS);
  return w;
}

function tier(opts: Parameters<typeof webTier>[0] = {}) {
  return webTier(opts).b;
}

function twoRegions() {
  const d = designBuilder();
  for (const region of ['us-east-1', 'eu-west-1']) {
    d.stack(region, region);
    const net = d.network('Main', region, ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.loadBalancer('Lb', net.subnets, [tg]);
    d.group('Web', net.subnets, [tg], { desired: 2 });
  }
  return d;
}

function oneServer() {
  const d = designBuilder();
  d.stack('solo', 'us-east-1');
  d.instance('Server', d.network('Main', 'us-east-1', ['a']).subnets[0]!);
  return d;
}

function twoVpcs(peered: boolean, cidr = '10.1.0.0/16') {
  const d = designBuilder();
  d.stack('data', 'us-east-1');
  const data = d.network('Data', 'us-east-1', ['a', 'b'], { public: false, cidr: '10.0.0.0/16' });
  d.database('Db', data.subnets, { multiAz: true });
  d.stack('app', 'us-east-1');
  const app = d.network('App', 'us-east-1', ['a'], { cidr });
  d.instance('Server', app.subnets[0]!);
  if (peered) {
    // A peering with its routes on both sides (the data VPC's private subnets get a table of their own).
    const peering = d.add('Peering', 'vpcPeering', { vpc: app.vpc, peerVpc: data.vpc });
    const dataRoutes = d.add('DataRoutes', 'routeTable', { vpc: data.vpc });
    data.subnets.forEach((s, i) => d.add(`DataAssoc${i}`, 'subnetRouteTableAssociation', { subnet: s, routeTable: dataRoutes }));
    const appRoutes = d.design.resources.find((r) => r.logicalId === 'AppRoutes')!.id;
    d.add('ToData', 'route', { routeTable: appRoutes, destination: '10.0.0.0/16', peering });
    d.add('ToApp', 'route', { routeTable: dataRoutes, destination: cidr, peering });
  }
  return d;
}

/** One public VPC with a server; with `vpn`, the office's VPN into its virtual private gateway and the route back. */
function officeVpc(vpn: boolean) {
  const d = designBuilder();
  d.stack('app', 'us-east-1');
  const app = d.network('App', 'us-east-1', ['a'], { cidr: '10.1.0.0/16' });
  d.instance('Server', app.subnets[0]!);
  if (vpn) {
    const vgw = d.add('Vgw', 'vpnGateway', {});
    d.add('VgwAttachment', 'gatewayAttachment', { vpc: app.vpc, gateway: vgw });
    const office = d.add('Office', 'customerGateway', { ipAddress: '203.0.113.10', bgpAsn: 65010 });
    d.add('Vpn', 'vpnConnection', { customerGateway: office, vpnGateway: vgw, staticRoutesOnly: false });
    const table = d.design.resources.find((r) => r.logicalId === 'AppRoutes')!.id;
    d.add('ToOffice', 'route', { routeTable: table, destination: '192.168.0.0/16', gateway: vgw });
  }
  return d;
}
const OFFICE = { office: { cidr: '192.168.0.0/16', area: 'north-america', rps: 5 } };

function withDatabase(opts: { multiAz?: boolean; instanceClass?: string; replica?: boolean }) {
  const { b, net } = webTier({ db: { multiAz: opts.multiAz ?? true, instanceClass: opts.instanceClass ?? 'db.r6g.large' } });
  if (opts.replica) b.database('Replica', net.subnets, { source: b.design.resources.findIndex((r) => r.logicalId === 'Db') });
  return b;
}

const heavy = { traffic: [{ area: 'north-america' as const, baselineRps: 3000 }] };
const light = { traffic: [{ area: 'north-america' as const, baselineRps: 20 }] };
const leak = { durationS: 3600, events: [{ type: 'leaked-credentials' as const, atS: 60, params: { user: 'ci-deployer' } }] };

const slowPayments = (ms: number) =>
  ({ type: 'dependency-slowdown' as const, atS: 0, params: { dependency: 'payments-api', fromMs: ms, toMs: ms, rampS: 0, poolSize: 2, retries: 2 } });

/** For each condition: a world where it holds, and one where it does not. */
const CASES: Record<HintCondition['condition'], { when: Record<string, unknown>; holds: () => World; avoided: () => World }> = {
  'lb-disabled-zone': { when: {}, holds: () => world(tier({ zones: ['a', 'b'], lbZones: ['a'] })), avoided: () => world(tier()) },
  'single-zone': { when: {}, holds: () => world(tier({ zones: ['a'], lbZones: ['a'] })), avoided: () => world(tier()) },
  'single-region': { when: {}, holds: () => world(tier()), avoided: () => world(twoRegions()) },
  'no-load-balancer': { when: {}, holds: () => world(oneServer()), avoided: () => world(tier()) },
  'no-scaling-policy': {
    when: {},
    holds: () => world(tier()),
    avoided: () => {
      const { b, asg } = webTier();
      b.add('Track', 'scalingPolicy', { group: asg, policyType: 'TargetTrackingScaling', adjustment: 0, cooldownS: 300, targetValue: 50 });
      return world(b);
    },
  },
  'no-scheduled-action': {
    when: {},
    holds: () => world(tier()),
    avoided: () => {
      const { b, asg } = webTier();
      b.add('Sale', 'scheduledAction', { group: asg, atS: 600, min: 4, desired: 4 });
      return world(b);
    },
  },
  'cpu-high': { when: { above: 80 }, holds: () => world(tier({ desired: 2 }), heavy, 60), avoided: () => world(tier(), light, 60) },
  'cpu-low': { when: { below: 20 }, holds: () => world(tier(), light, 60), avoided: () => world(tier({ desired: 2 }), heavy, 60) },
  'db-cpu-high': {
    when: { above: 80 },
    holds: () => world(withDatabase({ instanceClass: 'db.t3.micro' }), {}, 60),
    avoided: () => world(withDatabase({ instanceClass: 'db.r6g.2xlarge' }), {}, 60),
  },
  'db-cpu-low': {
    when: { below: 20 },
    holds: () => world(withDatabase({ instanceClass: 'db.r6g.2xlarge' }), {}, 60),
    avoided: () => world(withDatabase({ instanceClass: 'db.t3.micro' }), {}, 60),
  },
  'single-az-database': { when: {}, holds: () => world(withDatabase({ multiAz: false })), avoided: () => world(withDatabase({ multiAz: true })) },
  'no-read-replica': { when: {}, holds: () => world(withDatabase({})), avoided: () => world(withDatabase({ replica: true })) },
  'budget-forecast-over': {
    when: {},
    holds: () => world(tier({ desired: 12 }), { budgetUsd: 0.5 }, 1200),
    avoided: () => world(tier(), { budgetUsd: 1000 }, 1200),
  },
  'no-cdn-for-static': {
    when: { minStatic: 0.3 },
    holds: () => world(tier()),
    avoided: () => {
      const { b, lb } = webTier();
      b.distribution('Cdn', lb);
      return world(b);
    },
  },
  'dns-ttl-long': {
    when: { aboveS: 120 },
    holds: () => {
      const { b, lb } = webTier();
      b.record('Www', lb, { ttlS: 3600 });
      return world(b);
    },
    avoided: () => {
      const { b, lb } = webTier();
      b.record('Www', lb, { ttlS: 60 });
      return world(b);
    },
  },
  'no-accelerator': {
    when: {},
    holds: () => world(tier()),
    avoided: () => {
      const { b, lb } = webTier();
      b.accelerator('Acc', [{ region: 'us-east-1', endpoints: [lb] }]);
      return world(b);
    },
  },
  'far-users': {
    when: { aboveMs: 100 },
    holds: () => world(tier(), { traffic: [{ area: 'asia', baselineRps: 50 }] }),
    avoided: () => world(tier(), { traffic: [{ area: 'north-america', baselineRps: 50 }] }),
  },
  'errors-high': { when: { above: 0.01 }, holds: () => world(tier({ desired: 1 }), heavy, 60), avoided: () => world(tier(), light, 60) },
  'latency-high': { when: {}, holds: () => world(tier(), { latencyObjectiveMs: 10 }, 60), avoided: () => world(tier(), { latencyObjectiveMs: 1000 }, 60) },
  'app-log-errors': {
    when: { above: 10 },
    // Orders call a payment provider answering in 5 s through a pool of 2 connections: attempts fail and are logged.
    holds: () => world(tier(), { ...heavy, events: [slowPayments(5000)] }, 120),
    avoided: () => world(tier(), { ...light, events: [slowPayments(10)] }, 120),
  },
  'rogue-instances': { when: {}, holds: () => world(tier(), leak, 120), avoided: () => world(tier(), { durationS: 3600 }, 120) },
  'vpc-unreachable': { when: {}, holds: () => world(twoVpcs(false)), avoided: () => world(twoVpcs(true)) },
  'overlapping-cidrs': { when: {}, holds: () => world(twoVpcs(false, '10.0.0.0/16')), avoided: () => world(twoVpcs(false)) },
  'targets-all-unhealthy': {
    when: {},
    holds: () => {
      const built = tier();
      (built.design.resources.find((r) => r.kind === 'targetGroup')!.props as { healthCheck: { path?: string } }).healthCheck.path = '/health';
      return world(built, { application: { paths: ['/', '/healthz'] } }, 60);
    },
    avoided: () => world(tier(), { application: { paths: ['/', '/healthz'] } }, 60),
  },
  'office-unreachable': { when: {}, holds: () => world(officeVpc(false), OFFICE), avoided: () => world(officeVpc(true), OFFICE) },
};

describe('every hint condition', () => {
  it('has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual([...HINT_CONDITIONS].sort());
  });

  for (const [condition, c] of Object.entries(CASES)) {
    it(`${condition} can hold and can be avoided`, () => {
      const when = hintConditionSchema.parse({ condition, ...c.when });
      expect(conditionHolds(c.holds(), when)).toBe(true);
      expect(conditionHolds(c.avoided(), when)).toBe(false);
    });
  }
});

describe('hintsDue', () => {
  const hinted = (afterS: number, beforeS?: number) =>
    ({
      liveHints: [
        { id: 'trap', when: { condition: 'lb-disabled-zone' }, afterS, ...(beforeS ? { beforeS } : {}), text: { en: 'Enable the zone', ko: '영역을 활성화하세요' } },
        { id: 'english-only', when: { condition: 'single-region' }, text: { en: 'One region' } },
      ],
    }) satisfies Partial<ScenarioInput>;

  it('lists the hints whose condition holds, in both languages (English where Korean is missing)', () => {
    const w = world(tier({ zones: ['a', 'b'], lbZones: ['a'] }), hinted(0));
    expect(hintsDue(w)).toEqual([
      { id: 'trap', text: { en: 'Enable the zone', ko: '영역을 활성화하세요' } },
      { id: 'english-only', text: { en: 'One region', ko: 'One region' } },
    ]);
    expect(hintsDue(world(tier(), hinted(0))).map((h) => h.id)).toEqual(['english-only']);
  });

  it('keeps to the hint’s time window', () => {
    const trap = tier({ zones: ['a', 'b'], lbZones: ['a'] });
    expect(hintsDue(world(trap, hinted(600), 300)).map((h) => h.id)).toEqual(['english-only']);
    expect(hintsDue(world(trap, hinted(600), 600)).map((h) => h.id)).toEqual(['trap', 'english-only']);
    expect(hintsDue(world(trap, hinted(0, 300), 300)).map((h) => h.id)).toEqual(['english-only']);
  });
});
