// Savings Plans rules: a commitment billed whether used or not, usage beyond it On-Demand, and the
// recommendation that maximises savings over the observed hours.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { coverUsage, discountOf, recommendCommitment, savingsOver } from '../../../shared/sim/savings-plans.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

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

describe('a Savings Plan bought during a run', () => {
  // Two m5.large with no users: $0.192 an hour of EC2, all of it eligible.
  const hourly = 2 * catalogue.instanceTypes['m5.large']!.hourlyUsd.value;
  const discount = discountOf('1y', 'NO_UPFRONT');
  function run(commitmentUsd: number | undefined) {
    const d = designBuilder();
    d.stack('solo', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a']);
    d.instance('A', net.subnets[0]!, 'm5.large');
    d.instance('B', net.subnets[0]!, 'm5.large');
    const world = createWorld(d.design, scenario({ durationS: 7200, traffic: [{ area: 'north-america', baselineRps: 0 }] }), 1);
    if (commitmentUsd !== undefined) {
      const r = applyAction(world, { type: 'purchase-savings-plan', hourlyCommitmentUsd: commitmentUsd, term: '1y', paymentOption: 'NO_UPFRONT' });
      expect(r.ok).toBe(true);
    }
    runUntil(world, 7200);
    return world;
  }

  it('lowers the bill when sized to the usage, and Cost Explorer recommends that size', () => {
    const none = run(undefined);
    const sized = Math.round(hourly * (1 - discount) * 1e5) / 1e5;
    expect(none.last.costUsd).toBeCloseTo(2 * hourly, 6);
    expect(recommendCommitment(none.ledger.ec2HourlyUsd, discount).hourlyCommitmentUsd).toBeCloseTo(sized, 5);
    const bought = run(sized);
    expect(bought.last.costUsd).toBeCloseTo(2 * sized, 4);
    expect(bought.ledger.savedUsd).toBeCloseTo(2 * hourly * discount, 4);
    // Cost Explorer's cells hold the same bill.
    expect(bought.state.spend.reduce((a, b) => a + b, 0)).toBeCloseTo(bought.last.costUsd, 9);
  });

  it('over-committing pays for commitment nobody uses; under-committing leaves savings behind', () => {
    const sized = hourly * (1 - discount);
    const over = run(Math.round(sized * 2 * 1e5) / 1e5);
    const under = run(Math.round(sized * 0.5 * 1e5) / 1e5);
    const right = run(Math.round(sized * 1e5) / 1e5);
    expect(over.last.costUsd).toBeGreaterThan(right.last.costUsd);
    expect(over.ledger.unusedCommitmentUsd).toBeCloseTo(2 * sized, 3);
    expect(under.last.costUsd).toBeGreaterThan(right.last.costUsd);
    expect(under.ledger.unusedCommitmentUsd).toBeCloseTo(0, 9);
    // Twice the commitment costs more than no plan at all.
    expect(over.last.costUsd).toBeGreaterThan(run(undefined).last.costUsd);
  });

  it('refuses a second plan and a commitment with more than five decimals, changing nothing', () => {
    const world = run(0.1);
    const again = applyAction(world, { type: 'purchase-savings-plan', hourlyCommitmentUsd: 0.2, term: '3y', paymentOption: 'ALL_UPFRONT' });
    expect(again).toMatchObject({ ok: false, code: 'savings-plan-exists' });
    expect(world.state.savingsPlan[0]).toBe(0.1);
    const fresh = createWorld(designBuilder().design, scenario(), 1);
    const bad = applyAction(fresh, { type: 'purchase-savings-plan', hourlyCommitmentUsd: 0.1234567, term: '1y', paymentOption: 'NO_UPFRONT' });
    expect(bad).toMatchObject({ ok: false, code: 'invalid-commitment' });
    expect(fresh.state.savingsPlan.length).toBe(0);
  });
});
