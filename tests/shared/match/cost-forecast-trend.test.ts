// Cost Explorer's three-month view and the budget alerts read one forecast, and it follows a growing fleet.
import { describe, expect, it } from 'vitest';
import { costView } from '../../../shared/match/cost-view.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { forecastSpendUsd, worldForecastUsd } from '../../../shared/sim/money.ts';
import { T_COST, T_NOW } from '../../../shared/sim/state.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from '../sim/builders.ts';
import { runUntil } from '../sim/probes.ts';

const HOUR = 3600;
const quiet = { traffic: [{ area: 'north-america' as const, baselineRps: 0 }] };

/** A fleet of 2 m5.xlarge that grows by 2 every hour when `grow`, for 6 h, with a budget period of 4 h. */
function fleet(grow: boolean, budgetUsd = 1000) {
  const world = createWorld(webTier({ desired: 2, type: 'm5.xlarge' }).b.design, scenario({ durationS: 6 * HOUR, budgetPeriodS: 4 * HOUR, budgetUsd, ...quiet }), 1);
  return {
    world,
    runTo(t: number) {
      while (world.state.tally[T_NOW]! < t) {
        const hour = Math.floor(world.state.tally[T_NOW]! / HOUR);
        if (grow && world.state.tally[T_NOW]! % HOUR === 0 && hour > 0) applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 2 + 2 * hour });
        step(world);
      }
    },
  };
}

describe('the three-month forecast', () => {
  it('is three equal months for a board whose spend is flat', () => {
    const f = fleet(false);
    f.runTo(3 * HOUR);
    const [a, b, c] = costView(f.world).forecastMonths;
    expect(b).toBeCloseTo(c!, 1);
    expect(a).toBeCloseTo(b!, 0);
  });

  it('grows month over month for a fleet that grows, and more than the flat rule says', () => {
    const f = fleet(true);
    f.runTo(3 * HOUR);
    const view = costView(f.world);
    const [a, b, c] = view.forecastMonths;
    expect(b).toBeGreaterThan(a! * 1.5);
    expect(c).toBeGreaterThan(b! * 1.2);
    // The flat rule (spend so far ÷ time so far) would forecast the current month lower than the trend does.
    const flat = forecastSpendUsd(f.world.state.tally[T_COST]!, 3 * HOUR, 4 * HOUR)!;
    expect(a).toBeGreaterThan(flat + 0.1);
    // The headline forecast is the same rule to the end of the scenario.
    expect(view.forecastUsd).toBe(Math.round(worldForecastUsd(f.world)! * 100) / 100);
  });

  it('is the forecast the budget alert fires on: it fires while the flat rule is still under the budget', () => {
    // Spend to the end of the 6 h run: flat, about what 2 h of growth cost so far × 3; growing, far more.
    const probe = fleet(true);
    probe.runTo(3 * HOUR);
    const flat = forecastSpendUsd(probe.world.state.tally[T_COST]!, 3 * HOUR, 6 * HOUR)!;
    const trended = worldForecastUsd(probe.world)!;
    expect(trended).toBeGreaterThan(flat * 1.2);
    const budget = (flat + trended) / 2;
    const f = fleet(true, budget);
    f.runTo(3 * HOUR);
    const alert = f.world.timeline.find((e) => e.code === 'forecastOverBudget');
    expect(alert).toBeDefined();
    expect(costView(f.world).forecastOverBudget).toBe(true);
    const g = fleet(false, budget);
    g.runTo(3 * HOUR);
    expect(g.world.timeline.some((e) => e.code === 'forecastOverBudget')).toBe(false);
  });
});

describe('the ledger the trend is fitted to', () => {
  it('holds the whole bill hour by hour', () => {
    const f = fleet(true);
    runUntil(f.world, 2 * HOUR);
    const hours = f.world.ledger.hourlyUsd!;
    expect(hours[0]! + hours[1]!).toBeCloseTo(f.world.state.tally[T_COST]!, 9);
  });
});
