// Savings Plans as Cost Explorer and the bill see them. A plan commits to an hourly amount (at the plan's
// discounted rates) for a 1- or 3-year term; each hour, eligible usage (here: EC2 compute) is charged at
// the discounted rate against the commitment, the commitment is billed whether used or not, and usage beyond
// it is billed On-Demand. So committing more than the usage wastes the unused part, and committing less
// leaves savings behind. The run bills the amortised commitment (upfront payments spread over the term's
// hours, as Cost Explorer's amortised view does), so every payment option is billed by the hour here and
// differs only in its discount.
//
// Recommendations follow Cost Explorer's method: from the hourly On-Demand spend of the lookback period,
// the hourly commitment that would have saved the most over it ("the recommended hourly commitment ... based
// on the usage during the lookback period"; SavingsPlansPurchaseRecommendationDetail, Cost Explorer API).

import { catalogue } from '../catalogue/index.ts';

export const TERMS = ['1y', '3y'] as const;
export const PAYMENT_OPTIONS = ['NO_UPFRONT', 'PARTIAL_UPFRONT', 'ALL_UPFRONT'] as const;
export type Term = (typeof TERMS)[number];
export type PaymentOption = (typeof PAYMENT_OPTIONS)[number];

const sp = catalogue.savingsPlans;
const DISCOUNT: Record<Term, Record<PaymentOption, number>> = {
  '1y': { NO_UPFRONT: sp.discount1yNoUpfront.value, PARTIAL_UPFRONT: sp.discount1yPartialUpfront.value, ALL_UPFRONT: sp.discount1yAllUpfront.value },
  '3y': { NO_UPFRONT: sp.discount3yNoUpfront.value, PARTIAL_UPFRONT: sp.discount3yPartialUpfront.value, ALL_UPFRONT: sp.discount3yAllUpfront.value },
};

/** The share off On-Demand of a Compute Savings Plan of this term and payment option. */
export function discountOf(term: Term, payment: PaymentOption): number {
  return DISCOUNT[term][payment];
}

export interface CoveredHour {
  /** What the hour costs with the plan: the whole commitment plus the On-Demand usage it did not cover. */
  costUsd: number;
  /** On-Demand equivalent of the usage the commitment covered. */
  coveredOnDemandUsd: number;
  /** Commitment the usage did not use (paid for nothing). */
  unusedCommitmentUsd: number;
}

/**
 * One period of eligible usage (`onDemandUsd` at On-Demand prices) under a commitment of `commitmentUsd` for
 * the same period at a plan with `discount`: the commitment buys usage at (1 − discount) of On-Demand.
 */
export function coverUsage(onDemandUsd: number, commitmentUsd: number, discount: number): CoveredHour {
  const rate = 1 - discount;
  const covered = Math.min(onDemandUsd, commitmentUsd / rate);
  return {
    costUsd: commitmentUsd + (onDemandUsd - covered),
    coveredOnDemandUsd: covered,
    unusedCommitmentUsd: commitmentUsd - covered * rate,
  };
}

/** What a commitment would have saved over hours of On-Demand spend (negative: it would have cost more). */
export function savingsOver(hourlyOnDemandUsd: readonly number[], commitmentUsd: number, discount: number): number {
  let saved = 0;
  for (const od of hourlyOnDemandUsd) saved += od - coverUsage(od, commitmentUsd, discount).costUsd;
  return saved;
}

export interface Recommendation {
  /** The hourly commitment that saves the most over the lookback (0: none saves anything). */
  hourlyCommitmentUsd: number;
  savingsUsd: number;
  /** Savings ÷ On-Demand spend over the lookback. */
  savingsShare: number;
  /** Share of the commitment the lookback's usage would have used. */
  utilization: number;
  /** Share of the On-Demand spend the commitment would have covered. */
  coverage: number;
  averageHourlyOnDemandUsd: number;
  minimumHourlyOnDemandUsd: number;
}

/**
 * The commitment that maximises savings over the lookback's hours. Savings are concave and piecewise linear
 * in the commitment, with corners where it exactly buys one hour's usage (that hour's spend × (1 − discount)),
 * so the best commitment is one of those corners.
 */
export function recommendCommitment(hourlyOnDemandUsd: readonly number[], discount: number): Recommendation {
  const hours = hourlyOnDemandUsd.length;
  const total = hourlyOnDemandUsd.reduce((a, b) => a + b, 0);
  let best = 0;
  let bestSavings = 0;
  for (const od of hourlyOnDemandUsd) {
    const c = Math.round(od * (1 - discount) * 1e5) / 1e5;
    const s = savingsOver(hourlyOnDemandUsd, c, discount);
    if (s > bestSavings + 1e-12 || (Math.abs(s - bestSavings) <= 1e-12 && c < best)) [best, bestSavings] = [c, s];
  }
  let covered = 0;
  let unused = 0;
  for (const od of hourlyOnDemandUsd) {
    const h = coverUsage(od, best, discount);
    covered += h.coveredOnDemandUsd;
    unused += h.unusedCommitmentUsd;
  }
  const committed = best * hours;
  return {
    hourlyCommitmentUsd: best,
    savingsUsd: bestSavings,
    savingsShare: total > 0 ? bestSavings / total : 0,
    utilization: committed > 0 ? (committed - unused) / committed : 0,
    coverage: total > 0 ? covered / total : 0,
    averageHourlyOnDemandUsd: hours > 0 ? total / hours : 0,
    minimumHourlyOnDemandUsd: hours > 0 ? Math.min(...hourlyOnDemandUsd) : 0,
  };
}
