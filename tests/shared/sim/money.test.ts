import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';

function oneInstance(region: string, budget?: { amountUsd: number; notifications: { notificationType: 'ACTUAL' | 'FORECASTED'; thresholdPct: number }[] }) {
  const d = designBuilder();
  d.stack('solo', region);
  const net = d.network('Main', region, ['a']);
  d.instance('Server', net.subnets[0]!, 'm5.large');
  if (budget) d.add('Budget', 'budget', { name: 'team', ...budget });
  return d;
}

describe('money', () => {
  it('bills a running instance by the hour at the region price factor', () => {
    const quiet = scenario({ traffic: [{ area: 'north-america', baselineRps: 0 }] });
    const east = createWorld(oneInstance('us-east-1').design, quiet, 1);
    const saoPaulo = createWorld(oneInstance('sa-east-1').design, quiet, 1);
    runUntil(east, 3600);
    runUntil(saoPaulo, 3600);
    expect(east.last.costUsd).toBeCloseTo(catalogue.instanceTypes['m5.large']!.hourlyUsd.value, 9);
    expect(saoPaulo.last.costUsd).toBeCloseTo(catalogue.instanceTypes['m5.large']!.hourlyUsd.value * 1.55, 9);
  });

  it('bills data transfer for what users download', () => {
    const world = createWorld(oneInstance('us-east-1').design, scenario({ traffic: [{ area: 'north-america', baselineRps: 100 }] }), 1);
    step(world);
    const kb = 0.5 * catalogue.requests.staticResponseKb.value + 0.4 * catalogue.requests.readResponseKb.value + 0.1 * catalogue.requests.writeResponseKb.value;
    const egress = (world.last.served * kb * catalogue.dataTransfer.internetEgressPerGbUsd.value) / 1e6;
    const hourly = (catalogue.instanceTypes['m5.large']!.hourlyUsd.value * 5) / 3600;
    expect(world.last.stepCostUsd).toBeCloseTo(egress + hourly, 9);
  });

  it('earns revenue only for requests served within the latency objective', () => {
    const fast = createWorld(oneInstance('us-east-1').design, scenario({ latencyObjectiveMs: 1000 }), 1);
    const strict = createWorld(oneInstance('us-east-1').design, scenario({ latencyObjectiveMs: 40 }), 1);
    step(fast);
    step(strict);
    expect(fast.last.revenueUsd).toBeCloseTo(fast.last.served * 0.0001, 9);
    expect(strict.last.revenueUsd).toBeLessThan(fast.last.revenueUsd * 0.7);
  });

  it('alerts on actual and forecast spend against a budget', () => {
    const d = oneInstance('us-east-1', {
      amountUsd: 0.15,
      notifications: [
        { notificationType: 'FORECASTED', thresholdPct: 100 },
        { notificationType: 'ACTUAL', thresholdPct: 50 },
      ],
    });
    // No users: the bill is the m5.large alone, $0.096 an hour, $0.19 over the two hours.
    const world = createWorld(d.design, scenario({ durationS: 7200, budgetUsd: 0.18, traffic: [{ area: 'north-america', baselineRps: 0 }] }), 1);
    runUntil(world, 7200);
    const alerts = world.timeline.filter((e) => e.kind === 'budget');
    const forecast = alerts.find((e) => /forecast spend/.test(timelineSentence(e)) && /solo\/Budget/.test(timelineSentence(e)));
    const actual = alerts.find((e) => /actual spend/.test(timelineSentence(e)));
    expect(forecast).toBeDefined();
    expect(actual).toBeDefined();
    // The forecast warns long before the money is spent.
    expect(forecast!.tS).toBeLessThan(actual!.tS);
    expect(forecast!.tS).toBeGreaterThanOrEqual(catalogue.budgets.minForecastS.value - 5);
    expect(alerts.some((e) => /passed the scenario budget/.test(timelineSentence(e)))).toBe(true);
  });
});
