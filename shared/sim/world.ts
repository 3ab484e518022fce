// A world: one team's design running one scenario. Plain data: the design and scenario it was made from,
import { parseCidr, type CidrBlock } from '../design/cidr.ts';
// the compiled topology, the runtime state (typed arrays), the timeline, and the scratch arrays of a step.

import type { Design } from '../design/model.ts';
import type { Scenario, ScenarioEvent } from '../scenario/schema.ts';
import { planAllowList } from './allow-list.ts';
import { appLogLines, type LoggedDependency } from '../catalogue/app-logs.ts';
import { absentAtStart } from './arrival.ts';
import { BILL_CELLS } from './bill.ts';
import { compileTopology } from './compile/index.ts';
import { AREA_COUNT, areaIndex, TO_NOTHING } from './constants.ts';
import { drawRandomEvents } from './random-events.ts';
import { seedState } from './rng.ts';
import { allocateScratch, type Scratch } from './scratch.ts';
import { allocateState, type WorldState } from './state.ts';
import { emptyLedger, type CostLedger } from './savings-ledger.ts';
import { TIMELINE_TEXT, type TimelineCode, type TimelineKind, type TimelineValues } from './timeline-text.ts';
import type { Topology } from './topology.ts';

export type { TimelineKind } from './timeline-text.ts';

/** One line of the world's timeline: a code and its values (see timeline-text.ts for the wording). */
export interface TimelineEntry {
  tS: number;
  kind: TimelineKind;
  code: TimelineCode;
  values: TimelineValues;
  /** An IAM user whose API call this entry records (leaked credentials launching instances). */
  actor?: string;
  /** The API call, as CloudTrail names it ("ec2:RunInstances"). */
  action?: string;
  /** Resources the call created or changed, as "stack/logicalId". */
  resources?: string[];
  /** The call's request parameters as CloudTrail records them (a colleague's security group change). */
  request?: Readonly<Record<string, unknown>>;
}

/** The scenario turned into arrays the step reads. */
export interface ScenarioPlan {
  baseline: Float64Array;
  /** AREA_COUNT × 24 hourly multipliers (1 where the scenario gives no curve). */
  curve: Float64Array;
  hasTraffic: Uint8Array;
  mix: Float64Array;
  startHour: number;
  durationS: number;
  /** The run's share of an AWS Budgets period (durationS ÷ the scenario's budgetPeriodS; 1 without one). */
  budgetRunShare: number;
  latencyObjectiveMs: number;
  revenuePerGoodRequestUsd: number;
  /** Scenario events in time order (stable for equal times). */
  events: ScenarioEvent[];
  /** Per area, the share of its requests that a partner's allow-list holds to fixed addresses (allow-list.ts). */
  allowListShare: Float64Array;
  /** When the addresses of entry points without fixed ones change (Infinity: never). */
  addressesChangeAtS: number;
  /** Share of dynamic requests that belong to sessions held in an instance's memory (0: none; sessions.ts). */
  sessionShare: number;
  /** When logins open (sessions count from then on). */
  sessionFromS: number;
  /** The paths the application answers 200 on; null: every path (health-check-path.ts). */
  servedPaths: string[] | null;
  /** The on-premises office (office.ts): its range, area index and requests per second; undefined without one. */
  office: { block: CidrBlock; area: number; rps: number } | undefined;
  /** The text of each kind of line the application logs (catalogue/app-logs.ts), naming the scenario's dependency. */
  appLogLines: string[];
}

/** What the last step measured (derived each step; not part of the state). */
export interface StepMetrics {
  tS: number;
  requests: number;
  served: number;
  errors: number;
  failed: number;
  shed: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  stepCostUsd: number;
  /** The step's charges per bill cell (bill.ts), price changes applied: the run rate by service and region. */
  stepSpendUsd: Float64Array;
  costUsd: number;
  revenueUsd: number;
  cacheHitRatio: number;
  floodRequests: number;
}

export interface World {
  design: Design;
  scenario: Scenario;
  seed: number;
  plan: ScenarioPlan;
  topo: Topology;
  state: WorldState;
  scratch: Scratch;
  timeline: TimelineEntry[];
  last: StepMetrics;
  /** Past spend and usage by the hour (savings-ledger.ts): the forecast's trend and Cost Explorer's lookback; derived from the steps, not part of the hash. */
  ledger: CostLedger;
}

/** The dependency the application's ERROR lines name: the scenario's (one) dependency-slowdown's, timed or random. */
function loggedDependency(events: readonly ScenarioEvent[], scenario: Scenario): LoggedDependency | undefined {
  for (const e of [...events, ...scenario.random.map((r) => r.event)]) {
    if (e.type === 'dependency-slowdown') return { name: e.params.dependency, retries: e.params.retries };
  }
  return undefined;
}

function planOffice(scenario: Scenario): ScenarioPlan['office'] {
  const o = scenario.office;
  const block = o ? parseCidr(o.cidr) : undefined;
  return o && block && areaIndex(o.area) >= 0 ? { block, area: areaIndex(o.area), rps: o.rps } : undefined;
}

export function planScenario(scenario: Scenario): ScenarioPlan {
  const baseline = new Float64Array(AREA_COUNT);
  const curve = new Float64Array(AREA_COUNT * 24).fill(1);
  const hasTraffic = new Uint8Array(AREA_COUNT);
  for (const t of scenario.traffic) {
    const a = areaIndex(t.area);
    if (a < 0) continue;
    baseline[a] = t.baselineRps;
    hasTraffic[a] = 1;
    if (t.dailyCurve) for (let h = 0; h < 24; h++) curve[a * 24 + h] = t.dailyCurve[h]!;
  }
  const events = scenario.events.map((e, i) => ({ e, i }));
  events.sort((x, y) => x.e.atS - y.e.atS || x.i - y.i);
  return {
    baseline,
    curve,
    hasTraffic,
    mix: Float64Array.from([scenario.mix.static, scenario.mix.read, scenario.mix.write]),
    startHour: scenario.startHour,
    durationS: scenario.durationS,
    budgetRunShare: scenario.durationS / (scenario.budgetPeriodS ?? scenario.durationS),
    latencyObjectiveMs: scenario.latencyObjectiveMs,
    revenuePerGoodRequestUsd: scenario.revenuePerGoodRequestUsd,
    events: events.map((x) => x.e),
    ...planAllowList(scenario),
    sessionShare: scenario.sessions?.share ?? 0,
    sessionFromS: scenario.sessions?.fromS ?? 0,
    servedPaths: scenario.application?.paths ?? null,
    office: planOffice(scenario),
    appLogLines: appLogLines(loggedDependency(events.map((x) => x.e), scenario)),
  };
}

export function emptyMetrics(): StepMetrics {
  return {
    tS: 0,
    requests: 0,
    served: 0,
    errors: 0,
    failed: 0,
    shed: 0,
    latencyP50Ms: 0,
    latencyP95Ms: 0,
    latencyP99Ms: 0,
    stepCostUsd: 0,
    stepSpendUsd: new Float64Array(BILL_CELLS),
    costUsd: 0,
    revenueUsd: 0,
    cacheHitRatio: 0,
    floodRequests: 0,
  };
}

/**
 * Compiles the design and sets up a world at time 0, deployed and warm. Pure: same inputs, same world.
 * The scenario's random events are drawn here from the seeded generator and added to the world's own copy
 * of the scenario (the caller's scenario is not changed).
 */
export function createWorld(design: Design, given: Scenario, seed: number): World {
  // Stacks that arrive later (arrival.ts) are absent until then.
  const topo = compileTopology(design, absentAtStart(design, given.events));
  const rng = Uint32Array.of(seedState(seed));
  const random = given.random ?? [];
  // The world's copy holds the drawn events instead of the recipe, so a world made again from it (a restore,
  // a rebuilt team) never draws twice.
  const scenario = random.length > 0 ? { ...given, events: [...given.events, ...drawRandomEvents(random, rng)], random: [] } : given;
  const plan = planScenario(scenario);
  const state = allocateState(topo, plan.events.length, scenario.budgetUsd);
  state.rng[0] = rng[0]!;
  return {
    design,
    scenario,
    seed,
    plan,
    topo,
    state,
    scratch: allocateScratch(topo),
    timeline: [entryLine(scenario, topo)],
    last: emptyMetrics(),
    ledger: emptyLedger(),
  };
}

/** The timeline's first line: where the scenario's users come in (the scenario's title in both languages). */
function entryLine(scenario: Scenario, topo: Topology): TimelineEntry {
  const title = { title: scenario.title, ...(scenario.ko?.title ? { titleKo: scenario.ko.title } : {}) };
  return topo.entryKind === TO_NOTHING
    ? { tS: 0, kind: 'event', code: 'usersEnterNowhere', values: title }
    : { tS: 0, kind: 'event', code: 'usersEnter', values: { ...title, entry: topo.entryLabel } };
}

/** Adds a line to the timeline, at the world's current time, of the kind its code makes. */
export function note(world: World, code: TimelineCode, values: TimelineValues = {}, extra?: Pick<TimelineEntry, 'actor' | 'action' | 'resources' | 'request'>): void {
  world.timeline.push({ tS: world.state.tally[0]!, kind: TIMELINE_TEXT[code].kind, code, values, ...extra });
}
