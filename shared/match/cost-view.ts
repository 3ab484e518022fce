// What Cost Explorer and Budgets show of a team's world: spend so far, the run rate, the one forecast
// (money.ts, the budget alerts' own) and both split by service and by region, read from the money step's
// own bill cells (sim/bill.ts). Nothing here prices anything: every figure is a charge the step made.
import { BILL_CELLS, REGION_SLOTS, SERVICES, slotRegion, type ServiceCode } from '../sim/bill.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import { reachesBudget, standingHourlyByCell, worldForecastUsd } from '../sim/money.ts';
import { T_BUDGET, T_COST, T_STEPS } from '../sim/state.ts';
import type { World } from '../sim/world.ts';

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
  const forecast = worldForecastUsd(world);
  return {
    spentUsd: round(world.state.tally[T_COST]!, 0.01),
    budgetUsd: round(world.state.tally[T_BUDGET]!, 0.01),
    hourlyUsd: round(hourly, 0.001),
    forecastUsd: forecast === null ? null : round(forecast, 0.01),
    forecastOverBudget: reachesBudget(forecast, world.state.tally[T_BUDGET]!),
    byService: bars(byService[0], byService[1]),
    byRegion: bars(byRegion[0], byRegion[1]),
  };
}
