// Cost allocation tags: a template's Tags group Cost Explorer's costs once the key is activated, and only the
// costs incurred after activation; charges no resource carries show as "No tag key".
import { describe, expect, it } from 'vitest';
import { costView } from '../../../shared/match/cost-view.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { INSTANCE_TYPE_NAMES, TYPE_HOURLY_USD } from '../../../shared/sim/compile/instance-types.ts';
import { hashWorld, restoreWorld, snapshotWorld } from '../../../shared/sim/hash.ts';
import { T_COST } from '../../../shared/sim/state.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

const OD = TYPE_HOURLY_USD[INSTANCE_TYPE_NAMES.indexOf('m5.large')]!;

function tagged(): World {
  const t = webTier({ desired: 3, type: 'm5.large', db: {} });
  const d = t.b.design;
  d.resources[t.asg]!.unmodelled = { Tags: [{ Key: 'team', Value: 'web', PropagateAtLaunch: true }] };
  d.resources[t.db]!.unmodelled = { Tags: [{ Key: 'team', Value: 'data' }, { Key: 'owner', Value: 'kim' }] };
  return createWorld(d, scenario({ durationS: 4 * 3600, traffic: [{ area: 'north-america', baselineRps: 20 }] }), 1);
}
const activate = (key: string, status = 'Active') => ({ type: 'update-cost-allocation-tag' as const, key, status });
const lineOf = (w: World, key: string, value: string) => costView(w).costTags.find((t) => t.key === key)?.lines.find((l) => l.name === value);
const sumOf = (w: World, key: string) => costView(w).costTags.find((t) => t.key === key)!.lines.reduce((s, l) => s + l.spentUsd, 0);

describe('cost allocation tags', () => {
  it('offers the tag keys on the board, and groups nothing before a key is activated', () => {
    const w = tagged();
    runUntil(w, 3600);
    expect(costView(w).tagKeys).toEqual(['owner', 'team']);
    expect(costView(w).costTags).toEqual([]);
  });

  it('groups only the costs after activation by tag value, the rest under No tag key', () => {
    const w = tagged();
    runUntil(w, 3600);
    const atActivation = w.state.tally[T_COST]!;
    expect(applyAction(w, activate('team'))).toEqual({ ok: true });
    runUntil(w, 3 * 3600);
    // The group's three m5.large instances for two hours, and nothing of the hour before activation.
    expect(lineOf(w, 'team', 'web')!.spentUsd).toBeCloseTo(3 * 2 * OD, 1);
    expect(lineOf(w, 'team', 'data')!.spentUsd).toBeGreaterThan(0);
    // The load balancer's hours, requests and data transfer are carried by no resource here.
    expect(lineOf(w, 'team', '')!.spentUsd).toBeGreaterThan(0);
    expect(sumOf(w, 'team')).toBeCloseTo(w.state.tally[T_COST]! - atActivation, 1);
    expect(lineOf(w, 'team', 'web')!.hourlyUsd).toBeCloseTo(3 * OD, 2);
  });

  it('charges a resource what it was billed: Savings Plan and Reserved Instance discounts included', () => {
    const w = tagged();
    applyAction(w, activate('team'));
    applyAction(w, { type: 'purchase-reserved-instances', instanceType: 'm5.large', region: 'us-east-1', count: 1, term: '1y', paymentOption: 'NO_UPFRONT' });
    applyAction(w, { type: 'purchase-savings-plan', hourlyCommitmentUsd: 0.05, term: '1y', paymentOption: 'NO_UPFRONT' });
    runUntil(w, 2 * 3600);
    const web = lineOf(w, 'team', 'web')!.spentUsd;
    expect(web).toBeLessThan(3 * 2 * OD - 0.05);
    expect(sumOf(w, 'team')).toBeCloseTo(w.state.tally[T_COST]!, 1);
  });

  it('a resource without the key is No tag key; deactivating stops the grouping of later costs', () => {
    const w = tagged();
    applyAction(w, activate('owner'));
    runUntil(w, 3600);
    expect(lineOf(w, 'owner', 'kim')!.spentUsd).toBeGreaterThan(0);
    expect(lineOf(w, 'owner', '')!.spentUsd).toBeGreaterThan(3 * OD * 0.9);
    expect(applyAction(w, activate('owner', 'Inactive'))).toEqual({ ok: true });
    const frozen = sumOf(w, 'owner');
    runUntil(w, 2 * 3600);
    expect(sumOf(w, 'owner')).toBe(frozen);
    expect(costView(w).costTags[0]).toMatchObject({ key: 'owner', active: false });
  });

  it('changes no charge and no state: only the timeline notes the activation', () => {
    const a = tagged();
    const b = tagged();
    applyAction(b, activate('team'));
    runUntil(a, 2 * 3600);
    runUntil(b, 2 * 3600);
    expect(b.state.tally[T_COST]).toBe(a.state.tally[T_COST]);
    expect(b.timeline.some((e) => e.code === 'costTagActivated')).toBe(true);
  });

  it('refuses a key on no resource, an AWS-generated key and an unknown status, changing nothing', () => {
    const w = tagged();
    const before = hashWorld(w);
    expect(applyAction(w, activate('costcenter'))).toMatchObject({ ok: false, code: 'tag-key-not-found' });
    expect(applyAction(w, activate('aws:createdBy'))).toMatchObject({ ok: false, code: 'invalid-tag-key' });
    expect(applyAction(w, activate(''))).toMatchObject({ ok: false, code: 'invalid-tag-key' });
    expect(applyAction(w, activate('team', 'Enabled'))).toMatchObject({ ok: false, code: 'invalid-tag-status' });
    expect(hashWorld(w)).toBe(before);
    expect(w.ledger.costTags ?? []).toEqual([]);
  });

  it('is carried by snapshots', () => {
    const w = tagged();
    applyAction(w, activate('team'));
    runUntil(w, 1800);
    const back = restoreWorld(snapshotWorld(w));
    runUntil(w, 3600);
    runUntil(back, 3600);
    expect(costView(back).costTags).toEqual(costView(w).costTags);
  });
});
