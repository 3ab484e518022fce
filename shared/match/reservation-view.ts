// Cost Explorer's Reserved Instance purchase recommendations, read from the run's instance-hours by instance type
// and region (sim/savings-ledger.ts) over its whole hours so far (the lookback), by the rule of
// sim/reserved-instances.ts. Each line names what Cost Explorer's does: instance type, region, how many to buy,
// term, payment option and the estimated savings a month. Nothing here prices anything the catalogue does not.
import { priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { INSTANCE_TYPE_NAMES, TYPE_HOURLY_USD } from '../sim/compile/instance-types.ts';
import { recommendReservations, reservationDiscountOf } from '../sim/reserved-instances.ts';
import { PAYMENT_OPTIONS, type PaymentOption, type Term } from '../sim/savings-plans.ts';
import { usageKey } from '../sim/savings-ledger.ts';
import { RI_COUNT, RI_DISCOUNT, RI_FIELDS, RI_PAYMENT, RI_REGION, RI_TERM_YEARS, RI_TYPE, T_NOW } from '../sim/state.ts';
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

/** Reserved Instances held, per usage key: recommendations are for what they leave On-Demand. */
function heldByKey(world: World): Map<number, number> {
  const held = new Map<number, number>();
  const r = world.state.reserved;
  for (let o = 0; o < r.length; o += RI_FIELDS) {
    const key = usageKey(r[o + RI_TYPE]!, r[o + RI_REGION]!, REGIONS.length);
    held.set(key, (held.get(key) ?? 0) + r[o + RI_COUNT]!);
  }
  return held;
}

/**
 * Recommendations for more reservations (the lookback's usage less what the reservations held now cover, as
 * Cost Explorer recommends beyond existing reservations) with something to buy, the largest monthly savings first (then by
 * type, region, term).
 */
export function reservationRecommendations(world: World): ReservationLine[] {
  const full = Math.floor(world.state.tally[T_NOW]! / 3600);
  const hours = (world.ledger.instanceHours ?? []).slice(0, full);
  if (hours.length === 0) return [];
  const keys = new Set<number>();
  for (const h of hours) for (const k of Object.keys(h)) keys.add(Number(k));
  const held = heldByKey(world);
  const out: ReservationLine[] = [];
  for (const key of [...keys].sort((a, b) => a - b)) {
    const type = Math.floor(key / REGIONS.length);
    const region = REGIONS[key % REGIONS.length]!.code;
    const usage = hours.map((h) => Math.max(0, (h[key] ?? 0) - (held.get(key) ?? 0)));
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


export interface ReservedLine {
  instanceType: string;
  region: string;
  count: number;
  term: Term;
  paymentOption: PaymentOption;
  discountPct: number;
}

export interface ReservedView {
  purchases: ReservedLine[];
  /** Reserved instance-hours running instances used ÷ reserved instance-hours so far (Cost Explorer's RI utilization). */
  utilizationPct: number;
  /** What the reservations saved against On-Demand so far (negative: idle reservations cost more than they saved). */
  savedUsd: number;
}

/** The Reserved Instances bought in the run and how well they are used; null without any. */
export function reservedView(world: World): ReservedView | null {
  const r = world.state.reserved;
  if (r.length === 0) return null;
  const purchases: ReservedLine[] = [];
  for (let o = 0; o < r.length; o += RI_FIELDS) {
    purchases.push({
      instanceType: INSTANCE_TYPE_NAMES[r[o + RI_TYPE]!]!,
      region: REGIONS[r[o + RI_REGION]!]!.code,
      count: r[o + RI_COUNT]!,
      term: r[o + RI_TERM_YEARS] === 3 ? '3y' : '1y',
      paymentOption: PAYMENT_OPTIONS[r[o + RI_PAYMENT]!]!,
      discountPct: Math.round(r[o + RI_DISCOUNT]! * 100),
    });
  }
  const l = world.ledger;
  const reserved = l.reservedHours ?? 0;
  return {
    purchases,
    utilizationPct: reserved > 0 ? Math.round(((l.reservedUsedHours ?? 0) / reserved) * 1000) / 10 : 0,
    savedUsd: round(l.reservedSavedUsd ?? 0, 0.01),
  };
}
