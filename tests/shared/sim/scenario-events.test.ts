// The scenario events of the full format: announcements ahead of their event, price changes, leaked
// credentials and their revocation, database retirement, and seeded random events.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { ScenarioEvent } from '../../../shared/scenario/index.ts';
import { applyAction, hashWorld, rogueStackName, runScenario, snapshotWorld, tryRestoreWorld } from '../../../shared/sim/index.ts';
import { injectEvent } from '../../../shared/sim/inject.ts';
import { T_COST_COMPUTE, T_COST_TRANSFER, T_FAILED } from '../../../shared/sim/state.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';

const quiet = { traffic: [{ area: 'north-america' as const, baselineRps: 0 }] };

function leak(extra: Partial<Extract<ScenarioEvent, { type: 'leaked-credentials' }>['params']> = {}, atS = 600) {
  return { type: 'leaked-credentials' as const, atS, params: { user: 'ci-deployer', instanceType: 'c5.2xlarge', count: 2, everyS: 600, ...extra } };
}

function rogueLive(world: World): string[] {
  const stack = world.design.stacks.findIndex((s) => s.name === rogueStackName('ci-deployer'));
  return world.design.resources.filter((r) => r.stack === stack && r.kind === 'instance' && world.state.removed[r.id] !== 1).map((r) => r.logicalId);
}

describe('announcements', () => {
  it('an event with announce is announced leadS seconds ahead, in both languages, then starts on time', () => {
    const s = scenario({
      ...quiet,
      events: [{ type: 'az-outage', atS: 1800, durationS: 600, params: { zone: 'us-east-1b' }, announce: { leadS: 900, message: 'AZ trouble ahead', messageKo: '영역 문제 예고' } }],
    });
    const world = createWorld(webTier().b.design, s, 1);
    runUntil(world, 2400);
    expect(world.timeline).toContainEqual({ tS: 900, kind: 'event', code: 'announcement', values: { message: 'AZ trouble ahead', messageKo: '영역 문제 예고' } });
    expect(world.timeline.find((e) => timelineSentence(e).includes('goes dark'))?.tS).toBe(1800);
    expect(world.timeline.filter((e) => timelineSentence(e) === 'AZ trouble ahead')).toHaveLength(1);
  });

  it('an announcement event carries its Korean text', () => {
    const world = createWorld(webTier().b.design, scenario({ ...quiet, events: [{ type: 'announcement', atS: 60, params: { message: 'Hello', messageKo: '안녕' } }] }), 1);
    runUntil(world, 120);
    expect(world.timeline).toContainEqual({ tS: 60, kind: 'event', code: 'announcement', values: { message: 'Hello', messageKo: '안녕' } });
  });
});

describe('price change', () => {
  it('multiplies the prices of its line of the bill from its time, and only that line', () => {
    const base = createWorld(webTier().b.design, scenario(), 1);
    const dear = createWorld(webTier().b.design, scenario({ events: [{ type: 'price-change', atS: 1800, params: { service: 'compute', multiplier: 2 } }] }), 1);
    runUntil(base, 1800);
    runUntil(dear, 1800);
    const computeAt1800 = base.state.tally[T_COST_COMPUTE]!;
    expect(dear.state.tally[T_COST_COMPUTE]).toBeCloseTo(computeAt1800, 9);
    runUntil(base, 3600);
    runUntil(dear, 3600);
    const afterChange = (w: World) => w.state.tally[T_COST_COMPUTE]! - computeAt1800;
    expect(afterChange(dear)).toBeCloseTo(2 * afterChange(base), 9);
    expect(dear.state.tally[T_COST_TRANSFER]).toBeCloseTo(base.state.tally[T_COST_TRANSFER]!, 9);
    expect(dear.timeline.some((e) => timelineSentence(e) === 'compute prices change: ×2 the catalogue price')).toBe(true);
  });
});

describe('leaked credentials', () => {
  const s = scenario({ ...quiet, durationS: 7200, events: [leak()] });

  it('launch instances every everyS from the event time into the rogue stack, as the leaked user', () => {
    const world = createWorld(webTier().b.design, s, 1);
    runUntil(world, 599);
    expect(rogueLive(world)).toEqual([]);
    runUntil(world, 1805);
    expect(rogueLive(world)).toEqual(['Instance1', 'Instance2', 'Instance3', 'Instance4', 'Instance5', 'Instance6']);
    const launches = world.timeline.filter((e) => e.actor === 'ci-deployer');
    expect(launches.map((e) => e.tS)).toEqual([600, 1200, 1800]);
    expect(launches[0]).toMatchObject({
      kind: 'event',
      action: 'ec2:RunInstances',
      resources: ['rogue-ci-deployer/Instance1', 'rogue-ci-deployer/Instance2'],
    });
    expect(world.design.stacks.find((st) => st.name === 'rogue-ci-deployer')?.region).toBe('us-east-1');
  });

  it('cost the catalogue price of what they launched', () => {
    const clean = createWorld(webTier().b.design, scenario({ ...quiet, durationS: 7200 }), 1);
    const leaked = createWorld(webTier().b.design, s, 1);
    runUntil(clean, 1200);
    runUntil(leaked, 1200);
    const extra = leaked.state.tally[T_COST_COMPUTE]! - clean.state.tally[T_COST_COMPUTE]!;
    // Two instances from 600 s to 1200 s.
    expect(extra).toBeCloseTo((2 * catalogue.instanceTypes['c5.2xlarge']!.hourlyUsd.value * 600) / 3600, 6);
  });

  it('stop after revoke-credentials; deleting what they launched stops its bill', () => {
    const world = createWorld(webTier().b.design, s, 1);
    runUntil(world, 1300);
    expect(applyAction(world, { type: 'revoke-credentials', user: 'ci-deployer' })).toEqual({ ok: true });
    for (const id of rogueLive(world)) expect(applyAction(world, { type: 'delete-resource', stack: 'rogue-ci-deployer', logicalId: id })).toEqual({ ok: true });
    const cost = world.state.tally[T_COST_COMPUTE]!;
    const clean = createWorld(webTier().b.design, scenario({ ...quiet, durationS: 7200 }), 1);
    runUntil(clean, 1300);
    const before = clean.state.tally[T_COST_COMPUTE]!;
    runUntil(world, 7200);
    runUntil(clean, 7200);
    expect(rogueLive(world)).toEqual([]);
    expect(world.timeline.filter((e) => e.actor === 'ci-deployer')).toHaveLength(2);
    expect(world.state.tally[T_COST_COMPUTE]! - cost).toBeCloseTo(clean.state.tally[T_COST_COMPUTE]! - before, 6);
  });

  it('never reuse a name, even when the room takes a launched instance out of the design', () => {
    const world = createWorld(webTier().b.design, s, 1);
    runUntil(world, 1000);
    const design = structuredClone(world.design);
    const first = design.resources.findIndex((r) => r.logicalId === 'Instance1');
    design.resources.splice(first, 1);
    design.resources.forEach((r, i) => (r.id = i));
    // Ids shift after the removed one: references in this design point past Instance1 only from the rogue
    // stack's own instances (to its subnet, which comes before), so nothing else needs renumbering.
    expect(applyAction(world, { type: 'update-design', design })).toEqual({ ok: true });
    runUntil(world, 1300);
    expect(rogueLive(world)).toEqual(['Instance2', 'Instance3', 'Instance4']);
  });

  it('never start when the key is revoked beforehand (the tighter policy came first)', () => {
    const world = createWorld(webTier().b.design, s, 1);
    applyAction(world, { type: 'revoke-credentials', user: 'ci-deployer' });
    runUntil(world, 3600);
    expect(rogueLive(world)).toEqual([]);
    expect(world.design.stacks.some((st) => st.name === 'rogue-ci-deployer')).toBe(false);
  });

  it('revoking another user stops nothing; a malformed user is refused', () => {
    const world = createWorld(webTier().b.design, s, 1);
    expect(applyAction(world, { type: 'revoke-credentials', user: 'someone-else' })).toEqual({ ok: true });
    expect(applyAction(world, { type: 'revoke-credentials', user: '' })).toMatchObject({ ok: false, code: 'invalid-action' });
    runUntil(world, 1300);
    expect(rogueLive(world)).toHaveLength(4);
  });

  it('end by themselves after durationS', () => {
    const world = createWorld(webTier().b.design, scenario({ ...quiet, durationS: 7200, events: [{ ...leak(), durationS: 700 }] }), 1);
    runUntil(world, 7200);
    expect(rogueLive(world)).toHaveLength(4);
  });

  it('survive a snapshot and an injected event mid-leak, exactly', () => {
    const a = createWorld(webTier().b.design, s, 1);
    runUntil(a, 1250);
    const restored = tryRestoreWorld(JSON.parse(JSON.stringify(snapshotWorld(a))));
    if (!restored.ok) throw new Error(restored.message);
    const b = restored.world;
    expect(hashWorld(b)).toBe(hashWorld(a));
    injectEvent(a, { type: 'announcement', atS: 1300, params: { message: 'hi' } });
    injectEvent(b, { type: 'announcement', atS: 1300, params: { message: 'hi' } });
    runUntil(a, 3000);
    runUntil(b, 3000);
    expect(hashWorld(b)).toBe(hashWorld(a));
    expect(rogueLive(a)).toHaveLength(8);
  });
});

describe('database retirement', () => {
  it('takes the database off the board at its time: its instances then have no database to reach', () => {
    const { b } = webTier({ db: { multiAz: true } });
    const world = createWorld(b.design, scenario({ events: [{ type: 'db-retirement', atS: 600, params: { target: 'Db' } }] }), 1);
    runUntil(world, 600);
    const failedBefore = world.state.tally[T_FAILED]!;
    expect(failedBefore).toBe(0);
    runUntil(world, 1200);
    const db = world.design.resources.find((r) => r.logicalId === 'Db')!;
    expect(world.state.removed[db.id]).toBe(1);
    expect(world.timeline.some((e) => timelineSentence(e) === 'database Db is retired and shut down')).toBe(true);
    // Without any database the design becomes stateless: dynamic requests are served by the instances alone.
    expect(world.last.errors).toBe(0);
  });
});

describe('seeded random events', () => {
  const random = scenario({
    ...quiet,
    durationS: 7200,
    random: [{ count: [2, 4], within: [1000, 5000], event: { type: 'announcement', params: { message: 'random' } } }],
  });

  it('are drawn at world creation within their bounds, on the step grid, into the world’s own scenario', () => {
    const world = createWorld(webTier().b.design, random, 1);
    const drawn = world.scenario.events.filter((e) => e.type === 'announcement');
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    expect(drawn.length).toBeLessThanOrEqual(4);
    for (const e of drawn) {
      expect(e.atS).toBeGreaterThanOrEqual(1000);
      expect(e.atS).toBeLessThanOrEqual(5000);
      expect(e.atS % 5).toBe(0);
    }
    expect(world.scenario.random).toEqual([]);
    expect(random.events).toEqual([]);
    runUntil(world, 7200);
    expect(world.timeline.filter((e) => timelineSentence(e) === 'random')).toHaveLength(drawn.length);
  });

  it('are the same for the same seed and differ between seeds', () => {
    const times = (seed: number) => createWorld(webTier().b.design, random, seed).scenario.events.map((e) => e.atS);
    expect(times(7)).toEqual(times(7));
    const seen = new Set([1, 2, 3, 4, 5, 6].map((seed) => times(seed).join(',')));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('leave a scenario without them exactly as before (no draw from the generator)', () => {
    const d = designBuilder();
    d.stack('solo', 'us-east-1');
    d.instance('Server', d.network('Main', 'us-east-1', ['a']).subnets[0]!);
    const a = createWorld(d.design, scenario(), 3);
    const b = createWorld(d.design, scenario({ random: [] }), 3);
    runUntil(a, 600);
    runUntil(b, 600);
    expect(hashWorld(a)).toBe(hashWorld(b));
  });
});

describe('budget cut', () => {
  it('lowers the budget the score and the budgetShare objective read, from its time', () => {
    const s = scenario({
      budgetUsd: 100,
      events: [{ type: 'budget-cut', atS: 600, params: { amountUsd: 0.5 } }],
      objectives: [{ id: 'money', primary: true, metric: 'budgetShare', comparison: '<=', target: 1 }],
    });
    const r = runScenario(webTier().b.design, s, { seed: 1 });
    expect(r.budgetUsd).toBe(0.5);
    expect(r.objectives[0]).toMatchObject({ id: 'money', met: false });
    expect(r.objectives[0]!.value).toBeCloseTo(r.costUsd / 0.5, 9);
    expect(r.stars).toBe(0);
    expect(r.timeline.some((e) => e.kind === 'budget' && e.message.includes('passed the scenario budget of $0.5'))).toBe(true);
  });
});
