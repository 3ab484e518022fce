// Step 7, money: hourly prices of what runs (instances while booting, running or failed until terminated;
// databases while they exist, Multi-AZ doubled; everything else from the topology's fixed hourly bill),
// per-request and per-GB charges gathered during the step, and budget alerts and actions on actual and
// forecast spend (the one forecast: spend so far plus the trend of hourly spend, forecast.ts), sent to their
// subscribers (budget-alerts.ts). A design's budget is
// for its period (a month): the run is compared with its share of it (the plan's budgetRunShare, from the
// scenario's budgetPeriodS). Every charge is also booked to its service and region (bill.ts), which is what
// Cost Explorer shows.

import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { EMPTY, STEP_SECONDS } from './constants.ts';
import { BILL_CELLS, BILL_LINES, cellOf, GLOBAL_SLOT, S_EC2, S_RDS } from './bill.ts';
import { hourlyInstanceHours, recordEc2, recordInstanceHours, recordSpend, usageKey } from './savings-ledger.ts';
import { fitSpendTrend, spendOverUsd, type SpendTrend } from './forecast.ts';
import { USAGE_UNIT } from '../design/kinds/operations.ts';
import { coverUsage } from './savings-plans.ts';
import { M_COMPUTE, M_DATABASE, M_OTHER } from './scratch.ts';
import { SP_DISCOUNT, SP_HOURLY_USD, T_BUDGET, T_BUDGET_FLAGS, T_COST, T_COST_COMPUTE, T_NOW } from './state.ts';
import { note, type World } from './world.ts';
import { TYPE_HOURLY_USD } from './compile/instance-types.ts';
import { runBudgetActions } from './budget-actions.ts';
import { coverReservations } from './reservation-billing.ts';
import { sendBudgetAlert } from './budget-alerts.ts';
import { bookTaggedCosts, tagsInUse } from './cost-tags.ts';

const REGION_FACTOR = Float64Array.from(REGIONS.map((r) => priceFactorOf(r.code)));
const MULTI_AZ = catalogue.database.multiAzPriceFactor.value;
const MIN_FORECAST_S = catalogue.budgets.minForecastS.value;
const HOURS_PER_STEP = STEP_SECONDS / 3600;
/** The step's Reserved Instance charges per bill cell (reservation-billing.ts), rewritten every step that has any. */
const RI_FEE = new Float64Array(BILL_CELLS);
/** Where a Savings Plan's unused commitment is booked: EC2, billed globally. */
const UNUSED_CELL = cellOf(S_EC2, GLOBAL_SLOT);

/**
 * Everything billed by the hour that runs now, at its hourly price: each running (or booting, or failed but
 * not yet terminated) instance, each database (Multi-AZ doubled), and the topology's fixed hourly bill, each
 * visited with its line of the bill and its bill cell. The money step books these every step; Cost Explorer
 * reads them before the first step, when nothing has been charged yet.
 */
function visitHourly(world: World, visit: (line: number, cell: number, usdPerHour: number, resource: number) => void): void {
  const topo = world.topo;
  const s = world.state;
  for (let i = 0; i < topo.instCount; i++) {
    if (s.instState[i] === EMPTY) continue;
    // Each slot is billed for the type it runs: one launched under an older launch template keeps its price.
    const spec = s.instSpec[i]!;
    visit(M_COMPUTE, cellOf(S_EC2, topo.instRegion[i]!), spec === 0 ? topo.instHourlyUsd[i]! : TYPE_HOURLY_USD[spec - 1]! * topo.instPriceFactor[i]!, topo.instResource[i]!);
  }
  for (let d = 0; d < topo.dbCount; d++) {
    const usd = topo.classHourlyUsd[s.dbClass[d]!]! * (topo.dbMultiAz[d] === 1 ? MULTI_AZ : 1) * REGION_FACTOR[topo.dbRegion[d]!]!;
    visit(M_DATABASE, cellOf(S_RDS, topo.dbRegion[d]!), usd, topo.dbResource[d]!);
  }
  for (let c = 0; c < BILL_CELLS; c++) if (topo.fixedHourlyByCell[c] !== 0) visit(M_OTHER, c, topo.fixedHourlyByCell[c]!, -1);
}

/** What the board costs an hour now, per bill cell, price changes applied. */
export function standingHourlyByCell(world: World): Float64Array {
  const out = new Float64Array(BILL_CELLS);
  const factor = world.scratch.priceFactor;
  visitHourly(world, (line, cell, usd) => {
    out[cell] = out[cell]! + usd * factor[line]!;
  });
  return out;
}

export function charge(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  let compute = 0;
  let database = 0;
  // Per-resource hourly charges, gathered only while a cost allocation tag is active (cost-tags.ts).
  const perResource: ResourceCharge[] | undefined = tagsInUse(world.ledger) ? [] : undefined;
  visitHourly(world, (line, cell, usd, resource) => {
    if (line === M_COMPUTE) compute += usd;
    else if (line === M_DATABASE) database += usd;
    const i = line * BILL_CELLS + cell;
    sc.stepBill[i] = sc.stepBill[i]! + usd * HOURS_PER_STEP;
    if (perResource && resource >= 0) perResource.push({ resource, line, cell, usd: usd * HOURS_PER_STEP });
  });
  // The compute line's cells before Reserved Instances take the covered instances off them.
  const onDemandCells = perResource ? computeCells(sc) : undefined;
  sc.stepCost[M_COMPUTE] = sc.stepCost[M_COMPUTE]! + compute * HOURS_PER_STEP;
  sc.stepCost[M_DATABASE] = sc.stepCost[M_DATABASE]! + database * HOURS_PER_STEP;
  // The fixed bill's total as compiled (the cells hold the same charges, split by service and region).
  sc.stepCost[M_OTHER] = sc.stepCost[M_OTHER]! + topo.fixedHourlyUsd * HOURS_PER_STEP;
  // Reserved Instances first (covered instances leave the On-Demand compute line), then any Savings Plan.
  const reservedUsd = s.reserved.length > 0 ? coverReservations(world, RI_FEE) : 0;
  // A price change scales every price on its line of the bill (1 without one).
  for (let k = 0; k < sc.stepCost.length; k++) sc.stepCost[k] = sc.stepCost[k]! * sc.priceFactor[k]!;
  recordEc2(world.ledger, s.tally[T_NOW]!, sc.stepCost[M_COMPUTE]!);
  const plan = s.savingsPlan.length > 0 ? coverCompute(world) : undefined;
  // The reservations' own charge is fixed by the purchase: no price change or Savings Plan touches it.
  sc.stepCost[M_COMPUTE] = sc.stepCost[M_COMPUTE]! + reservedUsd;
  let step = 0;
  for (let k = 0; k < sc.stepCost.length; k++) {
    step += sc.stepCost[k]!;
    s.tally[T_COST_COMPUTE + k] = s.tally[T_COST_COMPUTE + k]! + sc.stepCost[k]!;
  }
  s.tally[T_COST] = s.tally[T_COST]! + step;
  recordSpend(world.ledger, s.tally[T_NOW]!, step);
  recordUsage(world);
  spreadOverCells(world, plan, reservedUsd > 0);
  if (perResource) bookTaggedCosts(world, resourceCharges(sc, perResource, onDemandCells!, plan?.scale ?? 1), step);
  world.last.stepCostUsd = step;
  world.last.costUsd = s.tally[T_COST]!;
  checkBudgets(world);
}

interface ResourceCharge {
  resource: number;
  line: number;
  cell: number;
  usd: number;
}

function computeCells(sc: World['scratch']): Float64Array {
  return sc.stepBill.slice(M_COMPUTE * BILL_CELLS, (M_COMPUTE + 1) * BILL_CELLS);
}

/**
 * What the step charged each resource, as the bill cells took it: its line's price change, on the compute line
 * the share of its region's On-Demand charge Reserved Instances left (spread over the region's instances) and the
 * Savings Plan's scale. Summed over a cell, these are exactly what spreadOverCells booked from the hourly charges.
 */
function resourceCharges(sc: World['scratch'], charges: readonly ResourceCharge[], onDemand: Float64Array, planScale: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of charges) {
    let usd = c.usd * sc.priceFactor[c.line]!;
    if (c.line === M_COMPUTE) {
      const before = onDemand[c.cell]!;
      usd *= (before > 0 ? sc.stepBill[M_COMPUTE * BILL_CELLS + c.cell]! / before : 0) * planScale;
    }
    out.set(c.resource, (out.get(c.resource) ?? 0) + usd);
  }
  return out;
}

/** The step's billed instance-hours by instance type and region: what Reserved Instance recommendations read. */
function recordUsage(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const now = s.tally[T_NOW]!;
  for (let i = 0; i < topo.instCount; i++) {
    if (s.instState[i] === EMPTY) continue;
    const spec = s.instSpec[i]!;
    const type = spec === 0 ? topo.instType[i]! : spec - 1;
    if (type < 0) continue;
    recordInstanceHours(world.ledger, now, usageKey(type, topo.instRegion[i]!, REGIONS.length), HOURS_PER_STEP);
  }
}

/**
 * The step's EC2 compute under the bought Savings Plan (savings-plans.ts): the step's share of the hourly
 * commitment buys usage at the plan's rate, usage beyond it stays On-Demand, and the commitment is billed
 * whether used or not. Changes the step's compute charge; returns how the bill cells take it: the factor on
 * the compute line's cells (what they were charged On-Demand, less the plan's discount on what it covered)
 * and the commitment no usage used, booked to EC2 billed globally (a Compute Savings Plan spans regions).
 */
function coverCompute(world: World): { scale: number; unusedUsd: number } {
  const sc = world.scratch;
  const sp = world.state.savingsPlan;
  const onDemand = sc.stepCost[M_COMPUTE]!;
  const discount = sp[SP_DISCOUNT]!;
  const h = coverUsage(onDemand, sp[SP_HOURLY_USD]! * HOURS_PER_STEP, discount);
  sc.stepCost[M_COMPUTE] = h.costUsd;
  const ledger = world.ledger;
  ledger.committedUsd += sp[SP_HOURLY_USD]! * HOURS_PER_STEP;
  ledger.unusedCommitmentUsd += h.unusedCommitmentUsd;
  ledger.savedUsd += onDemand - h.costUsd;
  const covered = onDemand > 0 ? (onDemand - h.coveredOnDemandUsd * discount) / onDemand : 1;
  return { scale: covered, unusedUsd: h.unusedCommitmentUsd };
}

/** The step's charges per bill cell (service × region), price changes applied, added to the spend so far. */
function spreadOverCells(world: World, plan: { scale: number; unusedUsd: number } | undefined, reserved: boolean): void {
  const sc = world.scratch;
  const spend = world.state.spend;
  const rate = world.last.stepSpendUsd;
  rate.fill(0);
  for (let k = 0; k < BILL_LINES; k++) {
    const factor = sc.priceFactor[k]! * (plan && k === M_COMPUTE ? plan.scale : 1);
    const base = k * BILL_CELLS;
    for (let c = 0; c < BILL_CELLS; c++) {
      const usd = sc.stepBill[base + c]!;
      if (usd !== 0) rate[c] = rate[c]! + usd * factor;
    }
  }
  if (plan) rate[UNUSED_CELL] = rate[UNUSED_CELL]! + plan.unusedUsd;
  if (reserved) for (let c = 0; c < BILL_CELLS; c++) rate[c] = rate[c]! + RI_FEE[c]!;
  for (let c = 0; c < BILL_CELLS; c++) spend[c] = spend[c]! + rate[c]!;
}

/**
 * The one forecast of spend at the end of a period (AWS Budgets' and Cost Explorer's): spend so far plus the
 * spend the trend gives for the rest of the period (forecast.ts), or null while there is too little history for
 * one. Without a trend the rate so far is taken as flat: spend so far ÷ the simulated time it covers × the
 * period. Budget alerts, live hints, Cost Explorer and the command-line simulator all read it.
 */
export function forecastSpendUsd(spentUsd: number, coveredS: number, durationS: number, trend?: SpendTrend): number | null {
  if (!(coveredS >= MIN_FORECAST_S && coveredS > 0)) return null;
  if (!trend) return (spentUsd / coveredS) * durationS;
  return spentUsd + spendOverUsd(trend, coveredS, durationS);
}

/**
 * The trend of a world's spend when its spend so far covers `coveredS`: fitted to the whole hours before it (the
 * ledger's bill hour by hour; the hour under way is not yet a whole hour); undefined before two of them.
 */
export function worldSpendTrend(world: World, coveredS: number): SpendTrend | undefined {
  return anchoredAt(fitOfHours(world, Math.floor(coveredS / 3600)), coveredS);
}

/** A fitted line moved to start at `coveredS` (the same line, read from there). */
function anchoredAt(fit: SpendTrend | undefined, coveredS: number): SpendTrend | undefined {
  return fit && { ...fit, usdPerS: Math.max(0, fit.usdPerS + fit.growthUsdPerS2 * (coveredS - fit.atS)), atS: coveredS };
}

/**
 * A usage budget's measure when usage so far covers `coveredS`: EC2 instance-hours so far, and their forecast to
 * the end of the run by the one forecast rule (forecastSpendUsd, on hours instead of dollars: so far plus the trend
 * of whole hours' usage, flat until there are two of them). Null forecast while there is too little history.
 */
export function worldUsage(world: World, coveredS: number): { actual: number; forecast: number | null } {
  const hourly = hourlyInstanceHours(world.ledger);
  let actual = 0;
  for (const h of hourly) actual += h;
  const full = Math.floor(coveredS / 3600);
  const trend = anchoredAt(fitSpendTrend(hourly.slice(0, full), full * 3600), coveredS);
  return { actual, forecast: forecastSpendUsd(actual, coveredS, world.plan.durationS, trend) };
}

/** The line through the first `full` whole hours, fitted once per hour (the budget step asks every step). */
const fits = new WeakMap<World['ledger'], { full: number; fit: SpendTrend | undefined }>();
function fitOfHours(world: World, full: number): SpendTrend | undefined {
  const cached = fits.get(world.ledger);
  if (cached && cached.full === full) return cached.fit;
  const fit = fitSpendTrend((world.ledger.hourlyUsd ?? []).slice(0, full), full * 3600);
  fits.set(world.ledger, { full, fit });
  return fit;
}

/** Whether spend (or a forecast of it) has reached a budget: the budget alerts' test, and everyone else's. */
export function reachesBudget(usd: number | null, budgetUsd: number): boolean {
  return usd !== null && budgetUsd > 0 && usd >= budgetUsd;
}

/** The forecast for a world between steps: its spend so far covers its clock (T_NOW). */
export function worldForecastUsd(world: World): number | null {
  const now = world.state.tally[T_NOW]!;
  return forecastSpendUsd(world.state.tally[T_COST]!, now, world.plan.durationS, worldSpendTrend(world, now));
}

function checkBudgets(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const cost = s.tally[T_COST]!;
  // Charged during the step, before the clock moves on: the spend covers this step too.
  const covered = s.tally[T_NOW]! + STEP_SECONDS;
  const forecast = forecastSpendUsd(cost, covered, world.plan.durationS, worldSpendTrend(world, covered)) ?? 0;
  // Usage budgets measure EC2 instance-hours (recorded this step too), forecast by the same rule.
  const usage = topo.budgetUsage.includes(1) ? worldUsage(world, covered) : undefined;
  const actualOf = (b: number): number => (topo.budgetUsage[b] === 1 ? usage!.actual : cost);
  const forecastOf = (b: number): number => (topo.budgetUsage[b] === 1 ? (usage!.forecast ?? 0) : forecast);
  // A budget's amount is for its whole period; the run's share of it is what the run's spend is compared with.
  const share = world.plan.budgetRunShare;
  for (let b = 0; b < topo.budgetCount; b++) {
    const amount = topo.budgetAmount[b]!;
    for (let k = topo.notifStart[b]!; k < topo.notifStart[b + 1]!; k++) {
      if (s.notifDone[k] === 1) continue;
      const limit = (topo.notifPct[k]! / 100) * amount * share;
      const isForecast = topo.notifForecast[k] === 1;
      const value = isForecast ? forecastOf(b) : actualOf(b);
      if (value >= limit && limit > 0) {
        s.notifDone[k] = 1;
        const budgetName = topo.labels[topo.budgetResource[b]!]!;
        if (topo.budgetUsage[b] === 1) {
          note(world, isForecast ? 'usageBudgetForecastPassed' : 'usageBudgetActualPassed', {
            budget: budgetName,
            usage: value.toFixed(1),
            unit: USAGE_UNIT,
            pct: topo.notifPct[k]!,
            amount: share === 1 ? amount : (amount * share).toFixed(1),
          });
        } else {
          note(world, isForecast ? 'budgetForecastPassed' : 'budgetActualPassed', {
            budget: budgetName,
            spendUsd: value.toFixed(2),
            pct: topo.notifPct[k]!,
            amountUsd: share === 1 ? amount : (amount * share).toFixed(2),
          });
        }
        sendBudgetAlert(world, b, k, value);
      }
    }
  }
  if (topo.bactCount > 0) runBudgetActions(world, actualOf, forecastOf);
  const budget = s.tally[T_BUDGET]!;
  let flags = s.tally[T_BUDGET_FLAGS]!;
  if ((flags & 1) === 0 && reachesBudget(cost, budget)) {
    flags |= 1;
    note(world, 'spendOverBudget', { spendUsd: cost.toFixed(2), budgetUsd: budget });
  }
  if ((flags & 2) === 0 && reachesBudget(forecast, budget)) {
    flags |= 2;
    note(world, 'forecastOverBudget', { spendUsd: forecast.toFixed(2), budgetUsd: budget });
  }
  s.tally[T_BUDGET_FLAGS] = flags;
}
