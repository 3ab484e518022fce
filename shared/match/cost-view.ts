// What Cost Explorer and Budgets show of a team's world: spend so far, the run rate, the one forecast
// (money.ts, the budget alerts' own) and both split by service and by region, read from the money step's
// own bill cells (sim/bill.ts); the design's budgets with their run share, actual and forecast spend and the
// actions that ran; the forecast for the next three budget periods (months), by the same rule following the
// trend of the run's hourly spend (sim/forecast.ts); the bought Savings Plan and Cost Explorer's Savings Plans
// recommendations from the run's hourly EC2 usage (sim/savings-plans.ts) and Reserved Instance recommendations
// from its instance-hours (reservation-view.ts). Nothing here prices anything: every figure is a charge the step made or the rule
// the step uses.
import { BILL_CELLS, REGION_SLOTS, SERVICES, slotRegion, type ServiceCode } from '../sim/bill.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import { forecastSpendUsd, reachesBudget, standingHourlyByCell, worldSpendTrend, worldUsage } from '../sim/money.ts';
import { USAGE_UNIT } from '../design/kinds/operations.ts';
import { flatTrend, spendOverUsd, type SpendTrend } from '../sim/forecast.ts';
import { reservationRecommendations, reservedView, type ReservationLine, type ReservedView } from './reservation-view.ts';
import { discountOf, PAYMENT_OPTIONS, recommendCommitment, type PaymentOption, type Term } from '../sim/savings-plans.ts';
import { SP_DISCOUNT, SP_HOURLY_USD, SP_PAYMENT, SP_TERM_YEARS, T_BUDGET, T_COST, T_NOW, T_STEPS } from '../sim/state.ts';
import type { World } from '../sim/world.ts';
import { designTagKeys } from '../sim/cost-tags.ts';

/** One bar of Cost Explorer: a service, or a region ("global" for what AWS bills globally). */
export interface CostLine {
  name: string;
  spentUsd: number;
  hourlyUsd: number;
}

export interface CostView {
  spentUsd: number;
  budgetUsd: number;
  /** The run rate: the last step's charges, per hour. */
  hourlyUsd: number;
  /** Spend at the end of the scenario at the rate so far; null until there is history enough for one. */
  forecastUsd: number | null;
  /** The forecast has reached the budget (the budget alerts' own test). */
  forecastOverBudget: boolean;
  byService: CostLine[];
  byRegion: CostLine[];
  /** The design's AWS Budgets budgets. */
  budgets: BudgetLine[];
  /**
   * The forecast spend of the current budget period (month) and the two after it, following the trend of spend
   * so far (flat spend: three equal months; growing spend: growing months); empty until there is a forecast.
   */
  forecastMonths: number[];
  savingsPlan: SavingsPlanLine | null;
  /** Compute Savings Plans recommendations (1-year and 3-year, no upfront) from the run's full hours of EC2 usage. */
  recommendations: RecommendationLine[];
  /** Standard Reserved Instance recommendations (1-year and 3-year, no upfront) from the run's full hours of instance usage. */
  reservations: ReservationLine[];
  /** The Reserved Instances bought in the run; null without any. */
  reserved: ReservedView | null;
  /** User-defined tag keys on the board's resources: the ones that can be activated as cost allocation tags. */
  tagKeys: string[];
  /** Cost by each activated tag key's values since its activation (a line named '' is "No tag key"). */
  costTags: CostTagView[];
}

export interface CostTagView {
  key: string;
  active: boolean;
  /** When the key was activated: Cost Explorer groups only costs incurred after it. */
  fromS: number;
  lines: CostLine[];
}

export interface BudgetLine {
  name: string;
  /** The budget's amount for its period, and the run's share of it (what alerts and actions compare with). */
  amountUsd: number;
  runShareUsd: number;
  actualUsd: number;
  forecastUsd: number | null;
  /** Budget actions of this budget that have run (or wait for approval). */
  actionsRun: string[];
  /** A usage budget's measure in its unit (the USD fields are then the run's spend, for context). */
  usage?: UsageBudgetLine;
}

export interface UsageBudgetLine {
  usageTypeGroup: string;
  unit: string;
  amount: number;
  runShare: number;
  actual: number;
  forecast: number | null;
}

export interface SavingsPlanLine {
  hourlyCommitmentUsd: number;
  term: Term;
  paymentOption: PaymentOption;
  discountPct: number;
  committedUsd: number;
  unusedCommitmentUsd: number;
  savedUsd: number;
  /** Used commitment ÷ commitment so far (Cost Explorer's utilization). */
  utilizationPct: number;
}

export interface RecommendationLine {
  term: Term;
  paymentOption: PaymentOption;
  hourlyCommitmentUsd: number;
  /** Over the lookback (the run's full hours so far). */
  savingsUsd: number;
  savingsPct: number;
  utilizationPct: number;
  coveragePct: number;
  lookbackHours: number;
}

const HOURLY = 3600 / STEP_SECONDS;
const round = (x: number, step: number): number => Math.round(x / step) * step;

/** Bars with something on them, the largest run rate first (then the largest spend, then by name). */
function bars(spent: Map<string, number>, hourly: Map<string, number>): CostLine[] {
  const out: CostLine[] = [];
  for (const [name, usd] of spent) {
    const line = { name, spentUsd: round(usd, 0.01), hourlyUsd: round(hourly.get(name) ?? 0, 0.001) };
    if (line.spentUsd > 0 || line.hourlyUsd > 0) out.push(line);
  }
  return out.sort((a, b) => b.hourlyUsd - a.hourlyUsd || b.spentUsd - a.spentUsd || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function costView(world: World): CostView {
  const spend = world.state.spend;
  const rate = world.last.stepSpendUsd;
  // Before the first step nothing has been charged: the rate is then what the board would cost an hour.
  const ran = world.state.tally[T_STEPS]! > 0;
  const standing = ran ? undefined : standingHourlyByCell(world);
  const byService = [new Map<string, number>(), new Map<string, number>()] as const;
  const byRegion = [new Map<string, number>(), new Map<string, number>()] as const;
  let hourly = 0;
  for (let c = 0; c < BILL_CELLS; c++) {
    const service: ServiceCode = SERVICES[Math.floor(c / REGION_SLOTS)]!;
    const region = slotRegion(c % REGION_SLOTS);
    const perHour = standing ? standing[c]! : rate[c]! * HOURLY;
    hourly += perHour;
    if (spend[c] === 0 && perHour === 0) continue;
    byService[0].set(service, (byService[0].get(service) ?? 0) + spend[c]!);
    byService[1].set(service, (byService[1].get(service) ?? 0) + perHour);
    byRegion[0].set(region, (byRegion[0].get(region) ?? 0) + spend[c]!);
    byRegion[1].set(region, (byRegion[1].get(region) ?? 0) + perHour);
  }
  const now = world.state.tally[T_NOW]!;
  const trend = worldSpendTrend(world, now);
  const forecast = forecastSpendUsd(world.state.tally[T_COST]!, now, world.plan.durationS, trend);
  return {
    spentUsd: round(world.state.tally[T_COST]!, 0.01),
    budgetUsd: round(world.state.tally[T_BUDGET]!, 0.01),
    hourlyUsd: round(hourly, 0.001),
    forecastUsd: forecast === null ? null : round(forecast, 0.01),
    forecastOverBudget: reachesBudget(forecast, world.state.tally[T_BUDGET]!),
    byService: bars(byService[0], byService[1]),
    byRegion: bars(byRegion[0], byRegion[1]),
    budgets: budgetLines(world, forecast),
    forecastMonths: forecastMonths(world, trend),
    savingsPlan: savingsPlanLine(world),
    recommendations: recommendations(world),
    reservations: reservationRecommendations(world),
    reserved: reservedView(world),
    tagKeys: designTagKeys(world.design, world.state.removed),
    costTags: (world.ledger.costTags ?? []).map((r) => ({
      key: r.key,
      active: r.active,
      fromS: r.fromS,
      lines: bars(new Map(Object.entries(r.spentByValue)), new Map(Object.entries(r.stepByValue).map(([v, usd]) => [v, usd * HOURLY]))),
    })),
  };
}

function budgetLines(world: World, forecast: number | null): BudgetLine[] {
  const topo = world.topo;
  const share = world.plan.budgetRunShare;
  const actual = world.state.tally[T_COST]!;
  const usage = topo.budgetUsage.includes(1) ? worldUsage(world, world.state.tally[T_NOW]!) : undefined;
  return Array.from(topo.budgetResource, (id, b) => {
    const group = (world.design.resources[id]?.props as { usageTypeGroup?: string } | undefined)?.usageTypeGroup;
    const actionsRun: string[] = [];
    for (let a = 0; a < topo.bactCount; a++) if (topo.bactBudget[a] === b && world.state.bactDone[a] === 1) actionsRun.push(topo.labels[topo.bactResource[a]!]!);
    return {
      name: topo.labels[id]!,
      amountUsd: round(topo.budgetAmount[b]!, 0.01),
      runShareUsd: round(topo.budgetAmount[b]! * share, 0.01),
      actualUsd: round(actual, 0.01),
      forecastUsd: forecast === null ? null : round(forecast, 0.01),
      actionsRun,
      ...(usage && group
        ? {
            usage: {
              usageTypeGroup: group,
              unit: USAGE_UNIT,
              amount: topo.budgetAmount[b]!,
              runShare: round(topo.budgetAmount[b]! * share, 0.1),
              actual: round(usage.actual, 0.1),
              forecast: usage.forecast === null ? null : round(usage.forecast, 0.1),
            },
          }
        : {}),
    };
  });
}

/** A budget period in simulated seconds: the scenario's, or the run itself without one. */
function periodS(world: World): number {
  return world.plan.durationS / world.plan.budgetRunShare;
}

/**
 * The one forecast rule over the current period and the next two: the current one is its spend so far plus what
 * the trend gives for the rest of it, the next ones what the trend gives over them.
 */
function forecastMonths(world: World, fitted: SpendTrend | undefined): number[] {
  const now = world.state.tally[T_NOW]!;
  const trend = fitted ?? flatTrend(now > 0 ? world.state.tally[T_COST]! / now : 0, now);
  const period = periodS(world);
  const current = Math.floor(now / period);
  const end = (current + 1) * period;
  const spent = world.state.tally[T_COST]!;
  const toEnd = forecastSpendUsd(spent, now, end, fitted);
  if (toEnd === null) return [];
  // A run longer than a period: the spend so far is not all this period's, so the trend's estimate stands for it.
  const first = current === 0 ? toEnd : spendOverUsd(trend, current * period, end);
  return [first, spendOverUsd(trend, end, end + period), spendOverUsd(trend, end + period, end + 2 * period)].map((usd) => round(usd, 0.01));
}

function savingsPlanLine(world: World): SavingsPlanLine | null {
  const sp = world.state.savingsPlan;
  if (sp.length === 0) return null;
  const l = world.ledger;
  return {
    hourlyCommitmentUsd: sp[SP_HOURLY_USD]!,
    term: sp[SP_TERM_YEARS] === 3 ? '3y' : '1y',
    paymentOption: PAYMENT_OPTIONS[sp[SP_PAYMENT]!]!,
    discountPct: Math.round(sp[SP_DISCOUNT]! * 100),
    committedUsd: round(l.committedUsd, 0.01),
    unusedCommitmentUsd: round(l.unusedCommitmentUsd, 0.01),
    savedUsd: round(l.savedUsd, 0.01),
    utilizationPct: l.committedUsd > 0 ? Math.round(((l.committedUsd - l.unusedCommitmentUsd) / l.committedUsd) * 1000) / 10 : 0,
  };
}

/** Recommendations from the run's full hours (the hour under way is not yet a whole hour of usage). */
function recommendations(world: World): RecommendationLine[] {
  const full = Math.floor(world.state.tally[T_NOW]! / 3600);
  const hours = world.ledger.ec2HourlyUsd.slice(0, full);
  if (hours.length === 0) return [];
  return (['1y', '3y'] as const).map((term) => {
    const r = recommendCommitment(hours, discountOf(term, 'NO_UPFRONT'));
    return {
      term,
      paymentOption: 'NO_UPFRONT' as const,
      hourlyCommitmentUsd: round(r.hourlyCommitmentUsd, 0.001),
      savingsUsd: round(r.savingsUsd, 0.01),
      savingsPct: Math.round(r.savingsShare * 1000) / 10,
      utilizationPct: Math.round(r.utilization * 1000) / 10,
      coveragePct: Math.round(r.coverage * 1000) / 10,
      lookbackHours: hours.length,
    };
  });
}
