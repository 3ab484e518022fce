// Reserved Instance recommendations: the count of Standard RIs that saves the most over the lookback's
// instance-hours (shared/sim/reserved-instances.ts), and Cost Explorer's lines built from a run's usage.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { reservationRecommendations } from '../../../shared/match/reservation-view.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { INSTANCE_TYPE_NAMES, TYPE_HOURLY_USD } from '../../../shared/sim/compile/instance-types.ts';
import { HOURS_PER_MONTH, recommendReservations, reservationDiscountOf, reservationSavingsUsd } from '../../../shared/sim/reserved-instances.ts';
import { T_NOW } from '../../../shared/sim/state.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

const OD = 0.1;
const d1 = reservationDiscountOf('1y', 'NO_UPFRONT');

describe('Reserved Instance recommendations', () => {
  it('reserve the instances that run most of the time, not the peak', () => {
    // Three instances all day, a fourth for one hour in ten.
    const usage = [3, 3, 3, 4, 3, 3, 3, 3, 3, 3];
    const r = recommendReservations(usage, OD, d1);
    expect(r.count).toBe(3);
    expect(r.utilization).toBe(1);
    expect(r.savingsUsd).toBeCloseTo(3 * 10 * OD * d1, 9);
    expect(r.monthlySavingsUsd).toBeCloseTo((r.savingsUsd / 10) * HOURS_PER_MONTH, 9);
  });

  it('over-buying wastes the idle reservations; under-buying leaves savings behind', () => {
    const usage = [3, 3, 3, 4, 3, 3, 3, 3, 3, 3];
    const best = reservationSavingsUsd(usage, 3, OD, d1);
    expect(reservationSavingsUsd(usage, 2, OD, d1)).toBeLessThan(best);
    expect(reservationSavingsUsd(usage, 4, OD, d1)).toBeLessThan(best);
    // Reserving for an instance that runs one hour in ten costs more than its On-Demand hour.
    expect(reservationSavingsUsd(usage, 4, OD, d1) - best).toBeCloseTo(OD - 10 * OD * (1 - d1), 9);
  });

  it('recommends nothing for usage too short-lived to pay for a reservation, and more for deeper discounts', () => {
    expect(recommendReservations([1, 0, 0, 0], OD, d1).count).toBe(0);
    expect(recommendReservations([], OD, d1).count).toBe(0);
    // An instance running half the hours pays for a 3-year (54% off) reservation but not a 1-year one (36%).
    const half = [1, 0, 1, 0, 1, 0];
    expect(recommendReservations(half, OD, d1).count).toBe(0);
    expect(recommendReservations(half, OD, reservationDiscountOf('3y', 'NO_UPFRONT')).count).toBe(1);
  });

  it('come from a run’s instance-hours: type, region, count, term, payment option and monthly savings', () => {
    const design = webTier({ desired: 2, type: 'm5.large' }).b.design;
    const world = createWorld(design, scenario({ durationS: 4 * 3600, traffic: [{ area: 'north-america', baselineRps: 0 }] }), 1);
    runUntil(world, 1800);
    expect(reservationRecommendations(world)).toEqual([]);
    // Four instances for the second hour only: two run all the time.
    while (world.state.tally[T_NOW]! < 3 * 3600) {
      const t = world.state.tally[T_NOW]!;
      if (t === 3600) applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 4 });
      if (t === 2 * 3600) applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 2 });
      step(world);
    }
    const lines = reservationRecommendations(world);
    const od = TYPE_HOURLY_USD[INSTANCE_TYPE_NAMES.indexOf('m5.large')]!;
    const oneYear = lines.find((l) => l.term === '1y')!;
    expect(oneYear).toMatchObject({ instanceType: 'm5.large', region: 'us-east-1', count: 2, paymentOption: 'NO_UPFRONT', lookbackHours: 3, utilizationPct: 100 });
    expect(oneYear.monthlySavingsUsd).toBeCloseTo(2 * od * catalogue.reservedInstances.discount1yNoUpfront.value * HOURS_PER_MONTH, 1);
    expect(lines.find((l) => l.term === '3y')!.monthlySavingsUsd).toBeGreaterThan(oneYear.monthlySavingsUsd);
  });
});
