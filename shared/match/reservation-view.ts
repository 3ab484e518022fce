// Cost Explorer's Reserved Instance purchase recommendations, read from the run's instance-hours by instance type
// and region (sim/savings-ledger.ts) over its whole hours so far (the lookback), by the rule of
// sim/reserved-instances.ts. Each line names what Cost Explorer's does: instance type, region, how many to buy,
// term, payment option and the estimated savings a month. Nothing here prices anything the catalogue does not.
import { priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { INSTANCE_TYPE_NAMES, TYPE_HOURLY_USD } from '../sim/compile/instance-types.ts';
import { recommendReservations, reservationDiscountOf } from '../sim/reserved-instances.ts';
import type { PaymentOption, Term } from '../sim/savings-plans.ts';
import { T_NOW } from '../sim/state.ts';
import type { World } from '../sim/world.ts';

export interface ReservationLine {
  instanceType: string;
  region: string;
  count: number;
  term: Term;
  paymentOption: PaymentOption;
  /** The instance type's On-Demand price an hour in the region, and the reserved rate. */
  onDemandHourlyUsd: number;
  reservedHourlyUsd: number;
  monthlySavingsUsd: number;
  /** Share of the reserved hours the lookback's instances would have used. */
  utilizationPct: number;
  averageInstances: number;
  lookbackHours: number;
}

/** The terms Cost Explorer's recommendations are shown for here (Standard RIs, no upfront payment). */
const SHOWN: readonly { term: Term; paymentOption: PaymentOption }[] = [
  { term: '1y', paymentOption: 'NO_UPFRONT' },
  { term: '3y', paymentOption: 'NO_UPFRONT' },
];

const round = (x: number, step: number): number => Math.round(x / step) * step;

/** Recommendations with something to buy, the largest monthly savings first (then by type, region, term). */
export function reservationRecommendations(world: World): ReservationLine[] {
  const full = Math.floor(world.state.tally[T_NOW]! / 3600);
  const hours = (world.ledger.instanceHours ?? []).slice(0, full);
  if (hours.length === 0) return [];
  const keys = new Set<number>();
  for (const h of hours) for (const k of Object.keys(h)) keys.add(Number(k));
  const out: ReservationLine[] = [];
  for (const key of [...keys].sort((a, b) => a - b)) {
    const type = Math.floor(key / REGIONS.length);
    const region = REGIONS[key % REGIONS.length]!.code;
    const usage = hours.map((h) => h[key] ?? 0);
    const onDemand = TYPE_HOURLY_USD[type]! * priceFactorOf(region);
    for (const { term, paymentOption } of SHOWN) {
      const discount = reservationDiscountOf(term, paymentOption);
      const r = recommendReservations(usage, onDemand, discount);
      if (r.count === 0) continue;
      out.push({
        instanceType: INSTANCE_TYPE_NAMES[type]!,
        region,
        count: r.count,
        term,
        paymentOption,
        onDemandHourlyUsd: round(onDemand, 0.0001),
        reservedHourlyUsd: round(onDemand * (1 - discount), 0.0001),
        monthlySavingsUsd: round(r.monthlySavingsUsd, 0.01),
        utilizationPct: Math.round(r.utilization * 1000) / 10,
        averageInstances: round(r.averageInstances, 0.01),
        lookbackHours: hours.length,
      });
    }
  }
  return out.sort(
    (a, b) =>
      b.monthlySavingsUsd - a.monthlySavingsUsd ||
      (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0) ||
      (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) ||
      (a.term < b.term ? -1 : 1),
  );
}

