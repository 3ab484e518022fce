// Properties over generated designs and scenarios: requests are conserved every step, and the world is
// deterministic (same inputs → same hash; snapshot → restore → continue → same hash as continuing).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../../shared/sim/actions.ts';
import { hashWorld, restoreWorld, snapshotWorld } from '../../../shared/sim/hash.ts';
import { T_FLOOD_DROPPED, T_FLOOD_OFFERED, T_FLOOD_REJECTED, T_FLOOD_SERVED } from '../../../shared/sim/state.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import type { ScenarioInput } from '../../../shared/scenario/index.ts';
import { designBuilder, scenario } from './builders.ts';

const ZONES = ['a', 'b', 'c'];
const zoneSet = fc.subarray(ZONES, { minLength: 1 });

const designArb = fc.record({
  groupZones: zoneSet,
  lbZones: zoneSet,
  crossZone: fc.boolean(),
  desired: fc.integer({ min: 0, max: 6 }),
  type: fc.constantFrom('t3.micro', 'm5.large', 'c5.xlarge'),
  db: fc.constantFrom('none', 'single', 'multi', 'replica'),
  dbZone: fc.constantFrom(...ZONES),
  cdn: fc.boolean(),
  dns: fc.boolean(),
  staticInstance: fc.boolean(),
  alarm: fc.boolean(),
});

const eventArb = fc.oneof(
  fc.record({ type: fc.constant('az-outage' as const), atS: fc.integer({ min: 0, max: 800 }), durationS: fc.integer({ min: 5, max: 600 }), params: fc.record({ zone: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c') }) }),
  fc.record({ type: fc.constant('region-outage' as const), atS: fc.integer({ min: 0, max: 800 }), durationS: fc.integer({ min: 5, max: 600 }), params: fc.constant({ region: 'us-east-1' }) }),
  fc.record({ type: fc.constant('instance-failure' as const), atS: fc.integer({ min: 0, max: 800 }), params: fc.record({ count: fc.integer({ min: 1, max: 3 }) }) }),
  fc.record({ type: fc.constant('db-failure' as const), atS: fc.integer({ min: 0, max: 800 }), params: fc.constant({}) }),
  fc.record({ type: fc.constant('flood' as const), atS: fc.integer({ min: 0, max: 800 }), durationS: fc.integer({ min: 5, max: 600 }), params: fc.record({ area: fc.constantFrom('asia' as const, 'north-america' as const), rps: fc.integer({ min: 0, max: 5000 }) }) }),
  fc.record({ type: fc.constant('traffic-spike' as const), atS: fc.integer({ min: 0, max: 800 }), durationS: fc.integer({ min: 5, max: 600 }), params: fc.record({ multiplier: fc.double({ min: 0, max: 5, noNaN: true }) }) }),
  fc.record({ type: fc.constant('inter-region-degradation' as const), atS: fc.integer({ min: 0, max: 800 }), durationS: fc.integer({ min: 5, max: 600 }), params: fc.record({ addedMs: fc.integer({ min: 0, max: 300 }), lossPct: fc.integer({ min: 0, max: 30 }) }) }),
);

const scenarioArb = fc.record({
  rps: fc.integer({ min: 0, max: 3000 }),
  europe: fc.integer({ min: 0, max: 500 }),
  mix: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).filter(([a, b, c]) => a + b + c > 0),
  events: fc.array(eventArb, { maxLength: 4 }),
});

type DesignSpec = typeof designArb extends fc.Arbitrary<infer T> ? T : never;
type ScenarioSpec = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: DesignSpec, sspec: ScenarioSpec, seed: number): World {
  const d = designBuilder();
  d.stack('app', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ZONES);
  const subnet = (z: string) => net.subnets[ZONES.indexOf(z)]!;
  const statics = spec.staticInstance ? [d.instance('Static', subnet(spec.groupZones[0]!), spec.type)] : [];
  const tg = d.targetGroup('Targets', statics);
  const lb = d.loadBalancer('Lb', spec.lbZones.map(subnet), [tg], { crossZone: spec.crossZone });
  const group = d.group('Web', spec.groupZones.map(subnet), [tg], { desired: spec.desired, min: 0, max: 8, type: spec.type });
  if (spec.db !== 'none') {
    const primary = d.database('Db', net.subnets, { multiAz: spec.db === 'multi', zone: `us-east-1${spec.dbZone}` });
    if (spec.db === 'replica') d.database('Replica', net.subnets, { source: primary });
  }
  const front = spec.cdn ? d.distribution('Cdn', lb, 300) : lb;
  if (spec.dns) d.record('Www', front, { policy: 'simple', evaluateTargetHealth: true });
  if (spec.alarm) {
    const policy = d.add('Out', 'scalingPolicy', { group, policyType: 'SimpleScaling', adjustment: 1, cooldownS: 60 });
    d.add('Busy', 'alarm', {
      metric: 'CPUUtilization',
      namespace: 'AWS/EC2',
      statistic: 'Average',
      subject: group,
      comparison: 'GreaterThanThreshold',
      threshold: 50,
      periodS: 60,
      evaluationPeriods: 2,
      alarmActions: [policy],
      notifications: [],
    });
  }
  const [a, b, c] = sspec.mix;
  const total = a + b + c;
  const input: Partial<ScenarioInput> = {
    durationS: 900,
    traffic: [
      { area: 'north-america', baselineRps: sspec.rps, dailyCurve: Array.from({ length: 24 }, (_, h) => 0.5 + h / 24) },
      { area: 'europe', baselineRps: sspec.europe },
    ],
    mix: { static: a / total, read: b / total, write: c / total },
    events: sspec.events,
  };
  return createWorld(d.design, scenario(input), seed);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('properties', () => {
  it('conserves requests every step: offered = served + failed + shed', () => {
    fc.assert(
      fc.property(designArb, scenarioArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (spec, sspec, seed) => {
        const world = build(spec, sspec, seed);
        for (let k = 0; k < 180; k++) {
          step(world);
          const m = world.last;
          if (!close(m.requests, m.served + m.failed + m.shed)) return false;
          if (m.served < -1e-9 || m.failed < -1e-6 || m.shed < -1e-9) return false;
          if (!(m.latencyP95Ms >= 0) || !Number.isFinite(m.costUsd)) return false;
        }
        const t = world.state.tally;
        return close(t[T_FLOOD_OFFERED]!, t[T_FLOOD_DROPPED]! + t[T_FLOOD_SERVED]! + t[T_FLOOD_REJECTED]!);
      }),
      { numRuns: Number(process.env.SIM_PROPERTY_RUNS ?? 40) },
    );
  });

  it('is deterministic: same inputs give the same hash', () => {
    fc.assert(
      fc.property(designArb, scenarioArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (spec, sspec, seed) => {
        const a = build(spec, sspec, seed);
        const b = build(spec, sspec, seed);
        for (let k = 0; k < 120; k++) {
          step(a);
          step(b);
        }
        return hashWorld(a) === hashWorld(b);
      }),
      { numRuns: 20 },
    );
  });

  it('snapshot → restore → continue gives the same hash as continuing', () => {
    fc.assert(
      fc.property(
        designArb,
        scenarioArb,
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 150 }),
        fc.constantFrom('none', 'scale', 'delete', 'class'),
        (spec, sspec, seed, at, act) => {
          const world = build(spec, sspec, seed);
          for (let k = 0; k < at; k++) step(world);
          if (act === 'scale') applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 3 });
          if (act === 'delete') applyAction(world, { type: 'delete-resource', logicalId: 'Lb' });
          if (act === 'class') applyAction(world, { type: 'modify-db-class', logicalId: 'Db', instanceClass: 'db.r6g.xlarge' });
          const copy = restoreWorld(JSON.parse(JSON.stringify(snapshotWorld(world))));
          if (hashWorld(copy) !== hashWorld(world)) return false;
          for (let k = at; k < 180; k++) {
            step(world);
            step(copy);
          }
          return hashWorld(copy) === hashWorld(world);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('hashes a design by its content, not by the order of its keys (as a database may return it)', () => {
    fc.assert(
      fc.property(designArb, scenarioArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (spec, sspec, seed) => {
        const world = build(spec, sspec, seed);
        for (let k = 0; k < 20; k++) step(world);
        const reversed = (v: unknown): unknown =>
          Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
        const snapshot = snapshotWorld(world);
        const reordered = restoreWorld({ ...snapshot, design: reversed(snapshot.design) as typeof snapshot.design });
        return hashWorld(reordered) === hashWorld(world);
      }),
      { numRuns: 15 },
    );
  });

  it('different seeds give different noise', () => {
    const spec: DesignSpec = { groupZones: ['a', 'b'], lbZones: ['a', 'b'], crossZone: true, desired: 2, type: 'm5.large', db: 'none', dbZone: 'a', cdn: false, dns: false, staticInstance: false, alarm: false };
    const sspec: ScenarioSpec = { rps: 100, europe: 0, mix: [1, 1, 1], events: [] };
    const a = build(spec, sspec, 1);
    const b = build(spec, sspec, 2);
    step(a);
    step(b);
    expect(a.last.requests).not.toBe(b.last.requests);
  });
});
