// Buying Standard Reserved Instances lowers the rate of matching running instances and commits the spend:
// sized to the steady fleet it saves, over-bought it wastes money, under-bought it leaves savings behind.
import { describe, expect, it } from 'vitest';
import { costView } from '../../../shared/match/cost-view.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { INSTANCE_TYPE_NAMES, TYPE_HOURLY_USD } from '../../../shared/sim/compile/instance-types.ts';
import { hashWorld, restoreWorld, snapshotWorld } from '../../../shared/sim/hash.ts';
import { reservationDiscountOf } from '../../../shared/sim/reserved-instances.ts';
import { T_COST } from '../../../shared/sim/state.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

const HOURS = 4;
const OD = TYPE_HOURLY_USD[INSTANCE_TYPE_NAMES.indexOf('m5.large')]!;
const D = reservationDiscountOf('1y', 'NO_UPFRONT');

function fleet() {
  return createWorld(webTier({ desired: 3, type: 'm5.large' }).b.design, scenario({ durationS: HOURS * 3600, traffic: [{ area: 'north-america', baselineRps: 0 }] }), 1);
}
const buy = (count: number, extra: Partial<{ instanceType: string; region: string; term: string; paymentOption: string }> = {}) => ({
  type: 'purchase-reserved-instances' as const,
  instanceType: 'm5.large',
  region: 'us-east-1',
  count,
  term: '1y',
  paymentOption: 'NO_UPFRONT',
  ...extra,
});

/** The run's spend with `count` reservations bought at the start (0: none). */
function spendWith(count: number, extra = {}): number {
  const w = fleet();
  if (count > 0) expect(applyAction(w, buy(count, extra))).toEqual({ ok: true });
  runUntil(w, HOURS * 3600);
  return w.state.tally[T_COST]!;
}

describe('buying Reserved Instances', () => {
  const none = spendWith(0);

  it('sized to the fleet, saves the discount on every running instance-hour', () => {
    expect(none - spendWith(3)).toBeCloseTo(3 * HOURS * OD * D, 6);
  });

  it('over-bought, pays the reserved rate of the idle ones; under-bought, leaves savings behind', () => {
    const sized = spendWith(3);
    // Each idle reservation costs its reserved rate for nothing.
    expect(spendWith(5) - sized).toBeCloseTo(2 * HOURS * OD * (1 - D), 6);
    expect(spendWith(1) - sized).toBeCloseTo(2 * HOURS * OD * D, 6);
  });

  it('covers only its own instance type and region', () => {
    expect(spendWith(3, { instanceType: 'c5.large' }) - none).toBeGreaterThan(0);
    expect(spendWith(3, { region: 'eu-west-1' }) - none).toBeGreaterThan(0);
  });

  it('shows in Cost Explorer with its utilization, and recommendations drop to what it leaves On-Demand', () => {
    const w = fleet();
    runUntil(w, 2 * 3600);
    expect(costView(w).reservations.find((l) => l.term === '1y')).toMatchObject({ instanceType: 'm5.large', count: 3 });
    applyAction(w, buy(2));
    runUntil(w, 3 * 3600);
    const view = costView(w);
    expect(view.reserved).toMatchObject({ purchases: [{ instanceType: 'm5.large', region: 'us-east-1', count: 2, term: '1y', paymentOption: 'NO_UPFRONT' }], utilizationPct: 100 });
    expect(view.reserved!.savedUsd).toBeCloseTo(2 * OD * D, 2);
    expect(view.reservations.find((l) => l.term === '1y')).toMatchObject({ count: 1 });
  });

  it('is carried by snapshots, and a purchase is hashed', () => {
    const w = fleet();
    const before = hashWorld(w);
    applyAction(w, buy(2));
    expect(hashWorld(w)).not.toBe(before);
    runUntil(w, 1800);
    const back = restoreWorld(snapshotWorld(w));
    expect(hashWorld(back)).toBe(hashWorld(w));
    runUntil(w, 3600);
    runUntil(back, 3600);
    expect(hashWorld(back)).toBe(hashWorld(w));
  });

  it('refuses by the field that is wrong, changing nothing', () => {
    const w = fleet();
    const before = hashWorld(w);
    const cases: [object, string][] = [
      [buy(2, { instanceType: 'x9.huge' }), 'invalid-instance-type'],
      [buy(2, { region: 'mars-1' }), 'invalid-region'],
      [buy(0), 'invalid-instance-count'],
      [buy(1.5), 'invalid-instance-count'],
      [buy(21), 'invalid-instance-count'],
      [buy(2, { term: '2y' }), 'invalid-reservation-term'],
      [buy(2, { paymentOption: 'SOME_UPFRONT' }), 'invalid-reservation-payment-option'],
    ];
    for (const [bad, code] of cases) expect(applyAction(w, bad)).toMatchObject({ ok: false, code });
    expect(hashWorld(w)).toBe(before);
  });
});
