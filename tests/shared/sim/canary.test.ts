import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import type { ScenarioInput } from '../../../shared/scenario/schema.ts';
import { firstFailureOf } from '../../../shared/match/debrief.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { rebuildWorld } from '../../../shared/sim/update.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { now, runUntil } from './probes.ts';

const RELEASE_AT = 600;
const TTL = 60;

type Records = { policy: 'weighted' | 'simple'; blue?: number; green?: number; checked?: boolean };

/**
 * Two versions of one web tier, each its own stack ("blue" the old, "green" the new), behind one Route 53 name.
 * `blue`/`green`: the weight of each version's record (simple: a record per version given, no weight).
 */
function versions(records: Records, regions: [string, string] = ['us-east-1', 'us-east-1'], extra: Partial<ScenarioInput> = {}): World {
  const d = designBuilder();
  const lbs = (['blue', 'green'] as const).map((name, k) => {
    d.stack(name, regions[k]!);
    const net = d.network('Main', regions[k]!, ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.group('Web', net.subnets, [tg], { desired: 4, type: 'm5.large' });
    return d.loadBalancer('Lb', net.subnets, [tg]);
  });
  d.stack('dns', 'us-east-1');
  const opts = { evaluateTargetHealth: records.checked ?? false, ttlS: TTL };
  for (const [k, name] of (['blue', 'green'] as const).entries()) {
    const weight = records[name];
    if (weight === undefined) continue;
    d.record(name === 'blue' ? 'Blue' : 'Green', lbs[k]!, { ...opts, policy: records.policy, setIdentifier: name, ...(records.policy === 'weighted' ? { weight } : {}) });
  }
  const s = scenario({
    durationS: 3600,
    traffic: [{ area: 'north-america', baselineRps: 200 }],
    events: [{ type: 'release', atS: RELEASE_AT, params: { stack: 'green', errorPct: 50 } }],
    ...extra,
  });
  return createWorld(d.design, s, 3);
}

/** Share of user requests that failed between two times. */
function failedShare(world: World, from: number, to: number): number {
  let failed = 0;
  let requests = 0;
  runUntil(world, to, (t) => {
    if (t < from) return;
    failed += world.last.failed;
    requests += world.last.requests;
  });
  return failed / requests;
}

describe('a bad release behind a weighted record (the canary)', () => {
  it('fails only the traffic weighted to the new version: 10% of the weight loses 10% × the error rate', () => {
    expect(failedShare(versions({ policy: 'weighted', blue: 90, green: 10 }), 0, RELEASE_AT)).toBe(0);
    expect(failedShare(versions({ policy: 'weighted', blue: 90, green: 10 }), RELEASE_AT + 10, 1800)).toBeCloseTo(0.05, 6);
  });

  it('a switch of all traffic (weight 100, or a simple record) loses the whole error rate', () => {
    expect(failedShare(versions({ policy: 'weighted', blue: 0, green: 100 }), RELEASE_AT + 10, 1800)).toBeCloseTo(0.5, 6);
    expect(failedShare(versions({ policy: 'simple', green: 1 }), RELEASE_AT + 10, 1800)).toBeCloseTo(0.5, 6);
    expect(failedShare(versions({ policy: 'weighted', blue: 100, green: 0 }), RELEASE_AT + 10, 1800)).toBe(0);
  });

  it('names only the released stack: the old version keeps serving, and the release can end', () => {
    const world = versions({ policy: 'weighted', blue: 50, green: 50 }, undefined, {
      events: [{ type: 'release', atS: RELEASE_AT, durationS: 600, params: { stack: 'green', errorPct: 100 } }],
    });
    expect(failedShare(world, RELEASE_AT + 10, RELEASE_AT + 600)).toBeCloseTo(0.5, 6);
    expect(failedShare(world, RELEASE_AT + 610, 1800)).toBe(0);
    expect(world.timeline.some((e) => e.code === 'release')).toBe(true);
    // The debrief's first failure is the release's errors, its cause the release.
    const first = firstFailureOf(world.timeline);
    expect(first?.failure.code).toBe('releaseErrors');
    expect(first?.cause?.code).toBe('release');
  });

  it('a weight shifted mid-run takes effect as resolvers ask again, within one TTL', () => {
    const world = versions({ policy: 'weighted', blue: 90, green: 10 });
    runUntil(world, 1230); // mid-TTL: the areas last asked at 1200
    const design: Design = structuredClone(world.design);
    for (const r of design.resources) if (r.kind === 'recordSet' && r.logicalId === 'Green') (r.props as { weight: number }).weight = 0;
    rebuildWorld(world, design, new Uint8Array(design.resources.length));
    const changedAt = now(world);
    // Resolvers keep the cached answer (10% to green) until it expires: the shift is not instant ...
    expect(failedShare(world, changedAt, changedAt + 20)).toBeCloseTo(0.05, 6);
    // ... and every area has asked again one TTL later.
    expect(failedShare(world, changedAt + TTL + 10, changedAt + TTL + 300)).toBe(0);
  });
});

describe('the set-record-weight action (ChangeResourceRecordSets)', () => {
  it('shifts the weight over one TTL, and refuses what is not a weighted record', () => {
    const world = versions({ policy: 'weighted', blue: 90, green: 10 });
    runUntil(world, 1230);
    expect(applyAction(world, { type: 'set-record-weight', stack: 'dns', logicalId: 'Blue', weight: 90 })).toMatchObject({ ok: false, code: 'same-weight' });
    expect(applyAction(world, { type: 'set-record-weight', stack: 'blue', logicalId: 'Lb', weight: 5 })).toMatchObject({ ok: false, code: 'wrong-kind' });
    expect(applyAction(world, { type: 'set-record-weight', stack: 'dns', logicalId: 'Green', weight: 300 })).toMatchObject({ ok: false, code: 'invalid-action' });
    expect(applyAction(world, { type: 'set-record-weight', stack: 'dns', logicalId: 'Green', weight: 0 })).toEqual({ ok: true });
    expect(world.timeline.some((e) => e.code === 'actionSetWeight')).toBe(true);
    expect(failedShare(world, 1230, 1250)).toBeCloseTo(0.05, 6);
    expect(failedShare(world, 1270, 1500)).toBe(0);
  });
});

describe('Route 53 simple records with several values', () => {
  it('clients pick among the values in even shares', () => {
    const world = versions({ policy: 'simple', blue: 1, green: 1 });
    runUntil(world, 10);
    const [blue, green] = [world.scratch.lbRequests[0]!, world.scratch.lbRequests[1]!];
    expect(blue / (blue + green)).toBeCloseTo(0.5, 9);
  });

  it('a value that stops answering keeps failing its share: simple records have no health checks', () => {
    const outage = { events: [{ type: 'region-outage' as const, atS: RELEASE_AT, durationS: 1800, params: { region: 'us-west-2' } }] };
    const simple = versions({ policy: 'simple', blue: 1, green: 1 }, ['us-east-1', 'us-west-2'], outage);
    expect(failedShare(simple, RELEASE_AT + 10, RELEASE_AT + 1200)).toBeCloseTo(0.5, 2);
    // Weighted alias records that evaluate the target's health drop the dark value after the TTL.
    const weighted = versions({ policy: 'weighted', blue: 1, green: 1, checked: true }, ['us-east-1', 'us-west-2'], outage);
    expect(failedShare(weighted, RELEASE_AT + 300, RELEASE_AT + 1200)).toBe(0);
  });

  it('a zero-weight record is the standby: it gets nothing until every weighted record is unhealthy', () => {
    const outage = { events: [{ type: 'region-outage' as const, atS: RELEASE_AT, durationS: 1800, params: { region: 'us-east-1' } }] };
    const world = versions({ policy: 'weighted', blue: 1, green: 0, checked: true }, ['us-east-1', 'us-west-2'], outage);
    runUntil(world, RELEASE_AT);
    expect(world.scratch.lbRequests[1]).toBe(0);
    expect(failedShare(world, RELEASE_AT + 300, RELEASE_AT + 1200)).toBe(0);
  });
});
