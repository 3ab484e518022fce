// Standard Reserved Instances as Cost Explorer's recommendations see them. A reservation covers one instance-
// hour of its instance type in its region each hour, at the reserved rate ((1 − discount) × On-Demand), and is
// billed whether a matching instance runs or not; instance-hours beyond the reservations are billed On-Demand.
// So reserving more instances than run wastes the reserved rate of the idle ones, and reserving fewer leaves
// the discount on the rest behind.
//
// Recommendations follow Cost Explorer's method ("Cost Explorer ... simulates every combination of reservations
// in the lookback period and recommends the number that maximizes your savings"; GetReservationPurchase-
// Recommendation): from the hourly instance-hours of one type in one region over the lookback, the count of
// reservations that would have saved the most, with its estimated savings per month.

import { catalogue } from '../catalogue/index.ts';
import type { PaymentOption, Term } from './savings-plans.ts';

const ri = catalogue.reservedInstances;
const DISCOUNT: Record<Term, Record<PaymentOption, number>> = {
  '1y': { NO_UPFRONT: ri.discount1yNoUpfront.value, PARTIAL_UPFRONT: ri.discount1yPartialUpfront.value, ALL_UPFRONT: ri.discount1yAllUpfront.value },
  '3y': { NO_UPFRONT: ri.discount3yNoUpfront.value, PARTIAL_UPFRONT: ri.discount3yPartialUpfront.value, ALL_UPFRONT: ri.discount3yAllUpfront.value },
};
export const HOURS_PER_MONTH = ri.hoursPerMonth.value;

/** The share off On-Demand of a Standard Reserved Instance of this term and payment option. */
export function reservationDiscountOf(term: Term, payment: PaymentOption): number {
  return DISCOUNT[term][payment];
}

/**
 * What `count` reservations would have saved over hours of usage (`instanceHours[h]`: instance-hours of the
 * type and region in hour h) at `onDemandHourlyUsd` an instance-hour; negative: they would have cost more.
 */
export function reservationSavingsUsd(instanceHours: readonly number[], count: number, onDemandHourlyUsd: number, discount: number): number {
  let covered = 0;
  for (const used of instanceHours) covered += Math.min(used, count);
  return onDemandHourlyUsd * (covered - count * instanceHours.length * (1 - discount));
}

export interface ReservationAdvice {
  /** Reservations that save the most over the lookback (0: none saves anything). */
  count: number;
  savingsUsd: number;
  /** The lookback's savings spread to a month of 730 hours. */
  monthlySavingsUsd: number;
  /** What the reservations cost a month at the reserved rate. */
  monthlyReservedUsd: number;
  /** Share of the reserved hours the lookback's instances would have used. */
  utilization: number;
  /** Average instances running over the lookback. */
  averageInstances: number;
  maximumInstances: number;
}

/**
 * The count of reservations that maximises savings over the lookback. Adding the k-th reservation saves
 * On-Demand × (hours with at least k instance-hours, counted fractionally) and costs the reserved rate every
 * hour, so savings rise while the k-th instance runs more than (1 − discount) of the hours; every count up to
 * the most instances seen is tried.
 */
export function recommendReservations(instanceHours: readonly number[], onDemandHourlyUsd: number, discount: number): ReservationAdvice {
  const hours = instanceHours.length;
  const maximum = hours > 0 ? Math.max(...instanceHours) : 0;
  let best = 0;
  let bestSavings = 0;
  for (let k = 1; k <= Math.ceil(maximum - 1e-9); k++) {
    const s = reservationSavingsUsd(instanceHours, k, onDemandHourlyUsd, discount);
    if (s > bestSavings + 1e-9) [best, bestSavings] = [k, s];
  }
  let used = 0;
  for (const u of instanceHours) used += Math.min(u, best);
  const total = instanceHours.reduce((a, b) => a + b, 0);
  return {
    count: best,
    savingsUsd: bestSavings,
    monthlySavingsUsd: hours > 0 ? (bestSavings / hours) * HOURS_PER_MONTH : 0,
    monthlyReservedUsd: best * onDemandHourlyUsd * (1 - discount) * HOURS_PER_MONTH,
    utilization: best > 0 ? used / (best * hours) : 0,
    averageInstances: hours > 0 ? total / hours : 0,
    maximumInstances: maximum,
  };
}
