// Sessions held in an instance's memory (scenario `sessions`, shared/sim/sessions.ts): logged out without
// stickiness, lost with the instance that held them with it, kept by a shared session store — unless that store
// is a single cache node in a dark zone.

import { describe, expect, it } from 'vitest';
import type { ResourceOfKind, UnmodelledResource } from '../../../shared/design/model.ts';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { cellOf, regionSlot, S_DYNAMODB, S_EC2, S_ELASTICACHE } from '../../../shared/sim/bill.ts';
import { CLASS_COUNT, READ, STEP_SECONDS, WRITE } from '../../../shared/sim/constants.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';

type TgProps = ResourceOfKind<'targetGroup'>['props'];
const STICKY: Partial<TgProps> = { stickiness: true, stickinessType: 'lb_cookie', stickinessDurationS: 86400 };
// Half the requests are dynamic; 60% of those belong to logged-in sessions.
const SESSIONS = { share: 0.6 };

function store(type: string, properties: Record<string, unknown>): UnmodelledResource {
  return { stack: 0, logicalId: 'Sessions', type, body: { Type: type, Properties: properties }, reason: 'unmodelled-type' };
}

/** `count` m5.large instances (zones a, b alternating) behind one ALB target group. */
function pool(count: number, settings: Partial<TgProps>, opts: { sessions?: boolean; fromS?: number; store?: UnmodelledResource; darkZone?: string } = {}): World {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const targets = Array.from({ length: count }, (_, i) => d.instance(`T${i}`, net.subnets[i % 2]!, 'm5.large'));
  const tg = d.targetGroup('Tg', targets, { intervalS: 30, unhealthyThreshold: 3 });
  Object.assign(d.design.resources[tg]!.props, settings);
  d.loadBalancer('Lb', net.subnets, [tg]);
  if (opts.store) d.design.unmodelled.push(opts.store);
  const s = scenario({ traffic: [{ area: 'north-america', baselineRps: 200 }], durationS: 7200,
    ...(opts.darkZone ? { events: [{ atS: 60, type: 'az-outage', durationS: 600, params: { zone: opts.darkZone } }] } : {}),
    ...(opts.sessions === false ? {} : { sessions: { ...SESSIONS, fromS: opts.fromS ?? 0 } }) });
  return createWorld(d.design, s, 3);
}

/** Failed share of the requests between two times. */
function failedShare(world: World, from: number, to: number): number {
  runUntil(world, from);
  let failed = 0;
  let requests = 0;
  runUntil(world, to, () => {
    failed += world.last.failed;
    requests += world.last.requests;
  });
  return failed / requests;
}

describe('sessions held in the instance, no stickiness', () => {
  it('a request landing on another instance than the one holding the session fails: 1 − its share', () => {
    // Dynamic 0.5 × sessions 0.6 × elsewhere (1 − 1/n).
    expect(failedShare(pool(2, {}), 60, 600)).toBeCloseTo(0.5 * 0.6 * 0.5, 3);
    expect(failedShare(pool(4, {}), 60, 600)).toBeCloseTo(0.5 * 0.6 * 0.75, 3);
    expect(failedShare(pool(2, {}, { sessions: false }), 60, 600)).toBe(0);
  });

  it('nobody is logged out before logins open (fromS)', () => {
    const world = pool(2, {}, { fromS: 300 });
    expect(failedShare(world, 0, 290)).toBe(0);
    expect(failedShare(world, 300, 600)).toBeCloseTo(0.5 * 0.6 * 0.5, 3);
  });

  it('one instance holds every session: nothing is logged out', () => {
    expect(failedShare(pool(1, {}), 60, 600)).toBe(0);
  });
});

describe('sticky sessions', () => {
  it('keep every session request on the instance holding it', () => {
    expect(failedShare(pool(2, STICKY), 60, 600)).toBe(0);
  });

  it('an instance taken out of service loses its users sessions: their next requests fail once, and the timeline says so', () => {
    const run = (sessions: boolean) => {
      const world = pool(2, STICKY, { sessions });
      runUntil(world, 60);
      world.state.instHealthy[slotsOf(world, 'T0')[0]!] = 0; // health checks failed it (it still runs)
      return { world, failed: failedShare(world, 60, 600) };
    };
    const held = run(true);
    expect(held.failed).toBeGreaterThan(0);
    // Once: half the users lost their session in one step, not for the rest of the run.
    expect(held.failed).toBeLessThan(0.5 * 0.6 * 0.5 * 0.1);
    const lost = held.world.timeline.filter((t) => t.code === 'sessionsLost');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.values.pct).toBeCloseTo(50, 0);
    expect(run(false).failed).toBeCloseTo(0, 9);
  });
});

describe('a shared session store', () => {
  it('DynamoDB or a Multi-AZ replication group: instances are stateless, no logout with or without stickiness', () => {
    const table = store('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' });
    expect(failedShare(pool(3, {}, { store: table }), 60, 600)).toBeCloseTo(0, 9);
    const redis = store('AWS::ElastiCache::ReplicationGroup', { MultiAZEnabled: true, AutomaticFailoverEnabled: true, NumCacheClusters: 2 });
    const world = pool(2, STICKY, { store: redis });
    runUntil(world, 60);
    world.state.instHealthy[slotsOf(world, 'T0')[0]!] = 0;
    expect(failedShare(world, 60, 600)).toBeCloseTo(0, 9);
  });

  it('a single cache node fails every session request while its zone is dark; a Multi-AZ group does not', () => {
    const dark = (s: UnmodelledResource) => {
      // No instance in us-east-1c: only the cache is hit.
      const world = pool(2, {}, { store: s, darkZone: 'us-east-1c' });
      return failedShare(world, 70, 120);
    };
    const single = store('AWS::ElastiCache::CacheCluster', { Engine: 'redis', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1, PreferredAvailabilityZone: 'us-east-1c' });
    expect(dark(single)).toBeCloseTo(0.5 * 0.6, 3);
    expect(dark(store('AWS::ElastiCache::ReplicationGroup', { MultiAZEnabled: true, AutomaticFailoverEnabled: true, NumCacheClusters: 2 }))).toBeCloseTo(0, 9);
  });

  it('is billed by the cache node-hour at the catalogue price; a DynamoDB table adds no hourly charge', () => {
    const node = catalogue.sessionStore.cacheNodeHourlyUsd.value;
    const bare = pool(2, {}).topo.fixedHourlyUsd;
    const redis = store('AWS::ElastiCache::ReplicationGroup', { MultiAZEnabled: true, AutomaticFailoverEnabled: true, NumCacheClusters: 2 });
    expect(pool(2, {}, { store: redis }).topo.fixedHourlyUsd - bare).toBeCloseTo(2 * node, 9);
    const single = store('AWS::ElastiCache::CacheCluster', { Engine: 'redis', NumCacheNodes: 1 });
    expect(pool(2, {}, { store: single }).topo.fixedHourlyUsd - bare).toBeCloseTo(node, 9);
    expect(pool(2, {}, { store: store('AWS::DynamoDB::Table', {}) }).topo.fixedHourlyUsd).toBe(bare);
  });

  it('ElastiCache nodes are booked to ElastiCache in Cost Explorer, not to EC2', () => {
    const redis = store('AWS::ElastiCache::ReplicationGroup', { MultiAZEnabled: true, AutomaticFailoverEnabled: true, NumCacheClusters: 2 });
    const cells = pool(2, {}, { store: redis }).topo.fixedHourlyByCell;
    const east = regionSlot('us-east-1');
    expect(cells[cellOf(S_ELASTICACHE, east)]).toBeCloseTo(2 * catalogue.sessionStore.cacheNodeHourlyUsd.value, 9);
    expect(cells[cellOf(S_EC2, east)]).toBe(pool(2, {}).topo.fixedHourlyByCell[cellOf(S_EC2, east)]);
  });
});

describe("a DynamoDB session store's on-demand requests", () => {
  const RRU = catalogue.sessionStore.dynamoReadPerMillionUsd.value / 1e6;
  const WRU = catalogue.sessionStore.dynamoWritePerMillionUsd.value / 1e6;
  const cell = cellOf(S_DYNAMODB, regionSlot('us-east-1'));

  it('bill one RRU per session request served and one WRU per session write, under DynamoDB', () => {
    const world = pool(3, {}, { store: store('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' }) });
    let expected = 0;
    runUntil(world, 900, () => {
      const sc = world.scratch;
      let reads = 0;
      let writes = 0;
      for (let i = 0; i < world.topo.instCount; i++) {
        const base = i * CLASS_COUNT;
        const w = sc.instOffered[base + WRITE]! * sc.instSucc[base + WRITE]!;
        reads += sc.instOffered[base + READ]! * sc.instSucc[base + READ]! + w;
        writes += w;
      }
      expected += SESSIONS.share * STEP_SECONDS * (reads * RRU + writes * WRU);
    });
    expect(expected).toBeGreaterThan(0);
    expect(world.state.spend[cell]).toBeCloseTo(expected, 12);
    // 200 requests a second, half of them dynamic, 60% of those in a session: about 60 RRU a second.
    expect(world.state.spend[cell]! / (900 * RRU)).toBeGreaterThan(40);
  });

  it('bill nothing before logins open, without sessions, or for a cache store', () => {
    const table = store('AWS::DynamoDB::Table', {});
    const late = pool(2, {}, { store: table, fromS: 600 });
    runUntil(late, 590);
    expect(late.state.spend[cell]).toBe(0);
    runUntil(late, 700);
    expect(late.state.spend[cell]).toBeGreaterThan(0);
    const none = pool(2, {}, { store: table, sessions: false });
    runUntil(none, 600);
    expect(none.state.spend[cell]).toBe(0);
    const cache = pool(2, {}, { store: store('AWS::ElastiCache::CacheCluster', { NumCacheNodes: 1 }) });
    runUntil(cache, 600);
    expect(cache.state.spend[cell]).toBe(0);
  });
});
