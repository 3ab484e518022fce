// Savings Plans rules: a commitment billed whether used or not, usage beyond it On-Demand, and the
// recommendation that maximises savings over the observed hours.
import { describe, expect, it } from 'vitest';
import { coverUsage, discountOf, recommendCommitment, savingsOver } from '../../../shared/sim/savings-plans.ts';

describe('a Savings Plan commitment', () => {
  it('buys usage at the discounted rate, bills the unused part, and leaves the rest On-Demand', () => {
    // $1 of On-Demand usage, 30% off: $0.70 of commitment covers it exactly.
    expect(coverUsage(1, 0.7, 0.3).costUsd).toBeCloseTo(0.7, 12);
    // Over-committed: $1.40 buys $2 of usage, but only $1 is used; the whole $1.40 is paid.
    const over = coverUsage(1, 1.4, 0.3);
    expect(over.costUsd).toBeCloseTo(1.4, 12);
    expect(over.unusedCommitmentUsd).toBeCloseTo(0.7, 12);
    // Under-committed: $0.35 covers $0.50; the other $0.50 is On-Demand.
    const under = coverUsage(1, 0.35, 0.3);
    expect(under.costUsd).toBeCloseTo(0.85, 12);
    expect(under.coveredOnDemandUsd).toBeCloseTo(0.5, 12);
  });

  it('has deeper discounts for longer terms and more paid upfront', () => {
    expect(discountOf('3y', 'NO_UPFRONT')).toBeGreaterThan(discountOf('1y', 'NO_UPFRONT'));
    expect(discountOf('1y', 'ALL_UPFRONT')).toBeGreaterThan(discountOf('1y', 'PARTIAL_UPFRONT'));
    expect(discountOf('1y', 'PARTIAL_UPFRONT')).toBeGreaterThan(discountOf('1y', 'NO_UPFRONT'));
  });
});

describe('the recommendation', () => {
  it('commits to the steady baseline, not to the peak nor the average', () => {
    // A baseline of $2 an hour with a two-hour peak of $6.
    const hours = [2, 2, 2, 2, 2, 2, 6, 6];
    const r = recommendCommitment(hours, 0.3);
    expect(r.hourlyCommitmentUsd).toBeCloseTo(1.4, 9);
    expect(r.savingsUsd).toBeCloseTo(8 * 0.6, 9);
    expect(r.utilization).toBeCloseTo(1, 9);
    // Anything else saves less: more wastes commitment in the baseline hours, less leaves savings behind.
    expect(savingsOver(hours, 1.5, 0.3)).toBeLessThan(r.savingsUsd);
    expect(savingsOver(hours, 1.2, 0.3)).toBeLessThan(r.savingsUsd);
    const average = hours.reduce((a, b) => a + b, 0) / hours.length;
    expect(savingsOver(hours, average * 0.7, 0.3)).toBeLessThan(r.savingsUsd);
  });

  it('commits to the peak when usage is mostly at the peak', () => {
    const hours = [1, 5, 5, 5, 5, 5, 5, 5];
    expect(recommendCommitment(hours, 0.3).hourlyCommitmentUsd).toBeCloseTo(3.5, 9);
  });

  it('recommends nothing without usage', () => {
    expect(recommendCommitment([0, 0, 0], 0.3).hourlyCommitmentUsd).toBe(0);
    expect(recommendCommitment([], 0.3).savingsUsd).toBe(0);
  });
});
