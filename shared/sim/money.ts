// Step 7, money: hourly prices of what runs (instances while booting, running or failed until terminated;
// databases while they exist, Multi-AZ doubled; everything else from the topology's fixed hourly bill),
// per-request and per-GB charges gathered during the step, and budget alerts on actual and forecast spend
// (a linear forecast: spend so far / time so far × scenario duration).

import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { EMPTY, STEP_SECONDS } from './constants.ts';
import { M_COMPUTE, M_DATABASE, M_OTHER } from './scratch.ts';
import { T_BUDGET, T_BUDGET_FLAGS, T_COST, T_COST_COMPUTE, T_NOW } from './state.ts';
import { note, type World } from './world.ts';

const REGION_FACTOR = Float64Array.from(REGIONS.map((r) => priceFactorOf(r.code)));
const MULTI_AZ = catalogue.database.multiAzPriceFactor.value;
const MIN_FORECAST_S = catalogue.budgets.minForecastS.value;
const HOURS_PER_STEP = STEP_SECONDS / 3600;

export function charge(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  let compute = 0;
  for (let i = 0; i < topo.instCount; i++) if (s.instState[i] !== EMPTY) compute += topo.instHourlyUsd[i]!;
  let database = 0;
  for (let d = 0; d < topo.dbCount; d++) {
    database += topo.classHourlyUsd[s.dbClass[d]!]! * (topo.dbMultiAz[d] === 1 ? MULTI_AZ : 1) * REGION_FACTOR[topo.dbRegion[d]!]!;
  }
  sc.stepCost[M_COMPUTE] = sc.stepCost[M_COMPUTE]! + compute * HOURS_PER_STEP;
  sc.stepCost[M_DATABASE] = sc.stepCost[M_DATABASE]! + database * HOURS_PER_STEP;
  sc.stepCost[M_OTHER] = sc.stepCost[M_OTHER]! + topo.fixedHourlyUsd * HOURS_PER_STEP;
  let step = 0;
  for (let k = 0; k < sc.stepCost.length; k++) {
    // A price change scales every price on its line of the bill (1 without one).
    sc.stepCost[k] = sc.stepCost[k]! * sc.priceFactor[k]!;
    step += sc.stepCost[k]!;
    s.tally[T_COST_COMPUTE + k] = s.tally[T_COST_COMPUTE + k]! + sc.stepCost[k]!;
  }
  s.tally[T_COST] = s.tally[T_COST]! + step;
  world.last.stepCostUsd = step;
  world.last.costUsd = s.tally[T_COST]!;
  checkBudgets(world);
}

function checkBudgets(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const elapsed = s.tally[T_NOW]! + STEP_SECONDS;
  const cost = s.tally[T_COST]!;
  const duration = world.plan.durationS;
  const forecast = elapsed >= MIN_FORECAST_S ? (cost / elapsed) * duration : 0;
  for (let b = 0; b < topo.budgetCount; b++) {
    const amount = topo.budgetAmount[b]!;
    for (let k = topo.notifStart[b]!; k < topo.notifStart[b + 1]!; k++) {
      if (s.notifDone[k] === 1) continue;
      const limit = (topo.notifPct[k]! / 100) * amount;
      const isForecast = topo.notifForecast[k] === 1;
      const value = isForecast ? forecast : cost;
      if (value >= limit && limit > 0) {
        s.notifDone[k] = 1;
        note(world, isForecast ? 'budgetForecastPassed' : 'budgetActualPassed', {
          budget: topo.labels[topo.budgetResource[b]!]!,
          spendUsd: value.toFixed(2),
          pct: topo.notifPct[k]!,
          amountUsd: amount,
        });
      }
    }
  }
  const budget = s.tally[T_BUDGET]!;
  let flags = s.tally[T_BUDGET_FLAGS]!;
  if ((flags & 1) === 0 && budget > 0 && cost >= budget) {
    flags |= 1;
    note(world, 'spendOverBudget', { spendUsd: cost.toFixed(2), budgetUsd: budget });
  }
  if ((flags & 2) === 0 && budget > 0 && forecast >= budget) {
    flags |= 2;
    note(world, 'forecastOverBudget', { spendUsd: forecast.toFixed(2), budgetUsd: budget });
  }
  s.tally[T_BUDGET_FLAGS] = flags;
}
