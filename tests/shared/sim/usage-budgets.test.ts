// Usage budgets (BudgetType USAGE, UsageTypeGroup "EC2: Running Hours"): EC2 instance-hours against the run's
// share of the period's hours, alerts on actual and forecast usage by the one forecast rule, and budget actions
// on them; read from and written back to AWS::Budgets::Budget.
import { describe, expect, it } from 'vitest';
import { costView } from '../../../shared/match/cost-view.ts';
import { forecastSpendUsd, worldUsage } from '../../../shared/sim/money.ts';
import { fitSpendTrend } from '../../../shared/sim/forecast.ts';
import { hourlyInstanceHours } from '../../../shared/sim/savings-ledger.ts';
import { EMPTY } from '../../../shared/sim/constants.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { exportDesign, loadDesign, templateToYaml } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate } from '../template/load-helpers.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

const quiet = { traffic: [{ area: 'north-america' as const, baselineRps: 0 }] };

/** Two instances (two instance-hours an hour) and a usage budget of `hours` a period. */
function board(hours: number, notificationType: 'ACTUAL' | 'FORECASTED', stop = false) {
  const d = designBuilder();
  d.stack('solo', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a']);
  d.instance('Web', net.subnets[0]!, 't3.small');
  const batch = d.instance('Batch', net.subnets[0]!, 't3.small');
  const budget = d.add('Hours', 'budget', { name: 'hours', amountUsd: hours, usageTypeGroup: 'EC2: Running Hours', notifications: [{ notificationType, thresholdPct: 100 }] });
  if (stop) {
    d.add('Stop', 'budgetAction', {
      budget,
      notificationType,
      thresholdType: 'PERCENTAGE',
      threshold: 100,
      approval: 'AUTOMATIC',
      actionType: 'RUN_SSM_DOCUMENTS',
      policyArn: '',
      users: [],
      groups: [],
      roles: [],
      region: 'us-east-1',
      instances: [batch],
    });
  }
  return d.design;
}
// A 730-hour month of which the run is two hours: the run's share of 730 h is 2 h, of 1,460 h 4 h.
const run = scenario({ durationS: 7200, budgetPeriodS: 730 * 3600, ...quiet });

describe('usage budgets', () => {
  it('alert on actual instance-hours against the run share of the period', () => {
    // 1,095 h a month: 3 h in the run; two instances reach that after 1.5 h.
    const w = createWorld(board(1095, 'ACTUAL'), run, 1);
    runUntil(w, 7200);
    const alert = w.timeline.find((e) => e.code === 'usageBudgetActualPassed');
    expect(alert).toBeDefined();
    expect(alert!.values).toMatchObject({ budget: 'solo/Hours', unit: 'Hrs', pct: 100, amount: '3.0' });
    expect(alert!.tS).toBeGreaterThan(5300);
    expect(alert!.tS).toBeLessThan(5500);
    // A cost budget of the same amount in USD is never reached by two t3.small for two hours.
    expect(w.timeline.some((e) => e.code === 'budgetActualPassed')).toBe(false);
  });

  it('alert on the forecast, by the rule cost budgets use', () => {
    const w = createWorld(board(1095, 'FORECASTED'), run, 1);
    runUntil(w, 3000);
    // Forecast 4 h for the run > 3 h: passed as soon as there is a forecast, long before actual usage gets there.
    const alert = w.timeline.find((e) => e.code === 'usageBudgetForecastPassed');
    expect(alert).toBeDefined();
    expect(Number(alert!.values.usage)).toBeCloseTo(4, 1);
    // The measure is the shared forecast rule applied to hours.
    const usage = worldUsage(w, 3000);
    expect(usage.forecast).toBeCloseTo(forecastSpendUsd(usage.actual, 3000, 7200, undefined)!, 9);
    expect(usage.actual).toBeCloseTo(2 * (3000 / 3600), 6);
  });

  it('follows the trend of whole hours of usage, as the cost forecast does', () => {
    const w = createWorld(board(1e6, 'FORECASTED'), scenario({ durationS: 4 * 3600, ...quiet }), 1);
    runUntil(w, 2 * 3600 + 600);
    const hourly = hourlyInstanceHours(w.ledger);
    const usage = worldUsage(w, 2 * 3600 + 600);
    const trend = fitSpendTrend(hourly.slice(0, 2), 7200)!;
    expect(usage.forecast).toBeCloseTo(forecastSpendUsd(usage.actual, 7800, 4 * 3600, { ...trend, atS: 7800, usdPerS: trend.usdPerS + trend.growthUsdPerS2 * 600 })!, 6);
  });

  it('a budget action on a usage budget stops the chosen instances', () => {
    const w = createWorld(board(1095, 'ACTUAL', true), run, 1);
    runUntil(w, 7200);
    expect(w.timeline.find((e) => e.code === 'budgetActionStopped')?.values.instances).toEqual(['solo/Batch']);
    const batch = Array.from(w.topo.instResource).findIndex((r) => w.topo.labels[r] === 'solo/Batch');
    expect(w.state.instState[batch]).toBe(EMPTY);
  });

  it('Cost Explorer shows its usage, run share and forecast in hours', () => {
    const w = createWorld(board(1095, 'ACTUAL'), run, 1);
    runUntil(w, 3600);
    expect(costView(w).budgets[0]!.usage).toEqual({ usageTypeGroup: 'EC2: Running Hours', unit: 'Hrs', amount: 1095, runShare: 3, actual: 2, forecast: 4 });
  });
});

const TEMPLATE = `
Resources:
  Hours:
    Type: AWS::Budgets::Budget
    Properties:
      Budget:
        BudgetName: ec2-hours
        BudgetLimit: { Amount: 500, Unit: Hrs }
        TimeUnit: MONTHLY
        BudgetType: USAGE
        CostFilters:
          UsageTypeGroup: ['EC2: Running Hours']
      NotificationsWithSubscribers:
        - Notification: { NotificationType: FORECASTED, ComparisonOperator: GREATER_THAN, Threshold: 90, ThresholdType: PERCENTAGE }
          Subscribers: [{ SubscriptionType: EMAIL, Address: ana@example.com }]
  Transfer:
    Type: AWS::Budgets::Budget
    Properties:
      Budget:
        BudgetLimit: { Amount: 100, Unit: GB }
        TimeUnit: MONTHLY
        BudgetType: USAGE
        CostFilters:
          UsageTypeGroup: ['EC2: Data Transfer - Internet (Out)']
`;

describe('usage budgets in CloudFormation', () => {
  const loaded = loadTemplate(TEMPLATE);

  it('reads BudgetType USAGE with the EC2 running hours group; keeps one on usage the game does not measure off the board', () => {
    expect(errors(loaded)).toEqual([]);
    const budget = byLogicalId(loaded.design, 'Hours', 'budget');
    expect(budget.props).toMatchObject({ name: 'ec2-hours', amountUsd: 500, usageTypeGroup: 'EC2: Running Hours' });
    expect(budget.unmodelled).toBeUndefined();
    expect(loaded.design!.resources.some((r) => r.logicalId === 'Transfer')).toBe(false);
    expect(loaded.design!.unmodelled.find((u) => u.logicalId === 'Transfer')).toBeDefined();
  });

  it('writes it back as written and loads back to the same design', () => {
    const exported = exportDesign(loaded.design!);
    const resources = (exported.templates['test'] as { Resources: Record<string, { Properties: Record<string, unknown> }> }).Resources;
    expect(resources['Hours']!.Properties['Budget']).toEqual({
      BudgetName: 'ec2-hours',
      BudgetLimit: { Amount: 500, Unit: 'Hrs' },
      TimeUnit: 'MONTHLY',
      BudgetType: 'USAGE',
      CostFilters: { UsageTypeGroup: ['EC2: Running Hours'] },
    });
    expect(resources['Transfer']!.Properties['Budget']).toMatchObject({ BudgetType: 'USAGE', BudgetLimit: { Amount: 100, Unit: 'GB' } });
    const again = loadDesign(exported.manifest, (path) => (path === 'test.yaml' ? templateToYaml(exported.templates['test']!) : undefined));
    expect(errors(again)).toEqual([]);
    expect(byLogicalId(again.design, 'Hours', 'budget').props).toEqual(byLogicalId(loaded.design, 'Hours', 'budget').props);
  });
});
