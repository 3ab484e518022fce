// Cost Explorer's budgets, three-month forecast, Savings Plan and recommendations: each the money step's own
// figure or rule (shared/match/cost-view.ts).
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { costView } from '../../../shared/match/cost-view.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { forecastSpendUsd } from '../../../shared/sim/money.ts';
import { T_COST } from '../../../shared/sim/state.ts';
import { discountOf, recommendCommitment } from '../../../shared/sim/savings-plans.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from '../sim/builders.ts';
import { runUntil } from '../sim/probes.ts';

const MONTH_S = 730 * 3600;

function world() {
  const d = designBuilder();
  d.stack('solo', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a']);
  const batch = d.instance('Batch', net.subnets[0]!, 'm5.large');
  d.instance('Web', net.subnets[0]!, 'm5.large');
  const budget = d.add('Budget', 'budget', { name: 'team', amountUsd: 73, notifications: [] });
  d.add('Stop', 'budgetAction', {
    budget, notificationType: 'ACTUAL', thresholdType: 'PERCENTAGE', threshold: 90, approval: 'AUTOMATIC', actionType: 'RUN_SSM_DOCUMENTS',
    policyArn: '', users: [], groups: [], roles: [], region: 'us-east-1', instances: [batch],
  });
  return createWorld(d.design, scenario({ durationS: 4 * 3600, budgetPeriodS: MONTH_S, traffic: [{ area: 'north-america', baselineRps: 0 }] }), 1);
}

describe('Cost Explorer', () => {
  it('shows each budget with the run share it is compared with and the actions that ran', () => {
    const w = world();
    runUntil(w, 3 * 3600);
    const [b] = costView(w).budgets;
    expect(b).toMatchObject({ name: 'solo/Budget', amountUsd: 73, runShareUsd: 0.4, actionsRun: ['solo/Stop'] });
  });

  it('forecasts each of the next three months by the one forecast rule', () => {
    const w = world();
    runUntil(w, 3600);
    const view = costView(w);
    const month = forecastSpendUsd(w.state.tally[T_COST]!, 3600, MONTH_S)!;
    expect(view.forecastMonths).toHaveLength(3);
    expect(view.forecastMonths[0]).toBeCloseTo(month, 1);
    // The run's own forecast is the same rule over the run.
    expect(view.forecastUsd).toBeCloseTo(forecastSpendUsd(w.state.tally[T_COST]!, 3600, 4 * 3600)!, 2);
  });

  it('recommends a Savings Plan from the run’s full hours of EC2 usage, and shows a bought plan’s utilization', () => {
    const w = world();
    runUntil(w, 1800);
    expect(costView(w).recommendations).toEqual([]);
    runUntil(w, 2 * 3600);
    const [oneYear] = costView(w).recommendations;
    const expected = recommendCommitment(w.ledger.ec2HourlyUsd.slice(0, 2), discountOf('1y', 'NO_UPFRONT'));
    expect(oneYear).toMatchObject({ term: '1y', lookbackHours: 2 });
    expect(oneYear!.hourlyCommitmentUsd).toBeCloseTo(expected.hourlyCommitmentUsd, 3);
    expect(oneYear!.hourlyCommitmentUsd).toBeGreaterThan(0);
    expect(applyAction(w, { type: 'purchase-savings-plan', hourlyCommitmentUsd: 0.5, term: '1y', paymentOption: 'NO_UPFRONT' }).ok).toBe(true);
    runUntil(w, 3 * 3600);
    const plan = costView(w).savingsPlan!;
    // $0.50 an hour buys $0.69 of On-Demand; the board uses far less: most of it is wasted.
    expect(plan).toMatchObject({ hourlyCommitmentUsd: 0.5, term: '1y', paymentOption: 'NO_UPFRONT', discountPct: Math.round(catalogue.savingsPlans.discount1yNoUpfront.value * 100) });
    expect(plan.utilizationPct).toBeLessThan(40);
    expect(plan.unusedCommitmentUsd).toBeGreaterThan(0.25);
  });
});
