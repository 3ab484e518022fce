// A whole scenario in one call: what the command-line simulator, the tests and the server's verification
// run. Timed actions (the manifest's `actions:` and any given here) are applied at their time, before the
// step that starts then, in the order given.

import type { Design, TimedAction } from '../design/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ObjectiveResult } from '../score/index.ts';
import { applyAction, simActionSchema, type SimAction } from './actions.ts';
import { STEP_SECONDS } from './constants.ts';
import { hashWorld } from './hash.ts';
import { hintsDue } from './hints.ts';
import { BUCKET_COUNT, percentileOf, spreadHistogram } from './latency.ts';
import { standingOf } from './standing.ts';
import { step } from './step.ts';
import {
  T_COST,
  T_COST_BALANCING,
  T_COST_COMPUTE,
  T_COST_DATABASE,
  T_COST_EDGE,
  T_COST_OTHER,
  T_COST_TRANSFER,
  T_FAILED,
  T_NOW,
  T_SHED,
} from './state.ts';
import { timelineSentence, warningSentence } from './timeline-text.ts';
import { createWorld, type TimelineEntry, type World } from './world.ts';

export interface RunOptions {
  seed: number;
  actions?: { atS: number; intent: unknown }[];
}

export interface SeriesPoint {
  tS: number;
  requests: number;
  errors: number;
  latencyP95Ms: number;
  costUsd: number;
}

export interface RunResult {
  scenarioId: string;
  seed: number;
  availability: number;
  nines: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  costUsd: number;
  revenueUsd: number;
  budgetUsd: number;
  score: number;
  stars: number;
  objectives: ObjectiveResult[];
  requests: number;
  served: number;
  failed: number;
  shed: number;
  costByService: { compute: number; database: number; balancing: number; transfer: number; edge: number; other: number };
  warnings: string[];
  /** The scenario's live hints that held at some minute of the run, with the minute they first did. */
  hintsShown: { id: string; tS: number }[];
  series: SeriesPoint[];
  /** Every timeline entry, with its English sentence for readers of the CLI's report and JSON. */
  timeline: (TimelineEntry & { message: string })[];
  /** Hash of the final world state (golden replays compare it). */
  hash: string;
}

/**
 * What moves a run forward: the world being measured (it may be replaced, as a match does when it compiles a
 * design before its first step), what happens at the start of each step, the step itself, and what only the
 * driver knows about the run's standing (a match's least privilege). runScenario drives a bare world; a match
 * drives its team's world through the room's rules (shared/match/run-match.ts).
 */
export interface RunDriver {
  world(): World;
  /** Applies what is due at the current time, before the step; refusals are added to `warnings`. */
  beforeStep(warnings: string[]): void;
  step(): void;
  /** Applies nothing more: what was still due after the end is reported in `warnings`. */
  finish(warnings: string[]): void;
  leastPrivilege?(): number;
}

/**
 * When an action is due: its `atS`, or, timed `after` an event type, that long after the run's first event of
 * the type (the world has drawn its random events' times already, so the time is known before the run).
 * Undefined, with a warning, when the run has no such event.
 */
export function actionTimeS(world: World, a: { atS: number; after?: string }, index: number, warnings: string[]): number | undefined {
  if (a.after === undefined) return a.atS;
  const event = world.plan.events.filter((e) => e.type === a.after).sort((x, y) => x.atS - y.atS)[0];
  if (event) return event.atS + a.atS;
  warnings.push(`action ${index + 1} is timed after a ${a.after} event, which this run has none of, and is skipped`);
  return undefined;
}

export function runScenario(design: Design, scenario: Scenario, options: RunOptions): RunResult {
  const world = createWorld(design, scenario, options.seed);
  const warnings = world.topo.warnings.map(warningSentence);
  const timed: { atS: number; action: SimAction }[] = [];
  const given: (TimedAction | { atS: number; intent: unknown; after?: string })[] = [...design.actions, ...(options.actions ?? [])];
  given.forEach((a, i) => {
    const parsed = simActionSchema.safeParse(a.intent);
    if (!parsed.success || !(a.atS >= 0)) {
      warnings.push(`action ${i + 1} at ${a.atS} s is not a valid action and is skipped: ${parsed.success ? 'bad time' : parsed.error.issues[0]?.message}`);
      return;
    }
    const atS = actionTimeS(world, a, i, warnings);
    if (atS !== undefined) timed.push({ atS, action: parsed.data });
  });
  timed.sort((x, y) => x.atS - y.atS);
  let next = 0;
  const driver: RunDriver = {
    world: () => world,
    beforeStep(out) {
      while (next < timed.length && timed[next]!.atS <= world.state.tally[T_NOW]!) {
        const result = applyAction(world, timed[next]!.action);
        if (!result.ok) out.push(`action at ${timed[next]!.atS} s refused: ${result.code}: ${result.message}`);
        next++;
      }
    },
    step: () => step(world),
    finish(out) {
      for (; next < timed.length; next++) out.push(`action at ${timed[next]!.atS} s comes after the scenario ends and is skipped`);
    },
  };
  return runDriven(scenario, options.seed, driver, warnings);
}

/** Runs a scenario to its end with a driver, measuring as the CLI, the tests and the server's verification do. */
export function runDriven(scenario: Scenario, seed: number, driver: RunDriver, warnings: string[]): RunResult {
  const series: SeriesPoint[] = [];
  const minuteHist = new Float64Array(BUCKET_COUNT);
  const spread = new Float64Array(BUCKET_COUNT);
  let minuteRequests = 0;
  let minuteErrors = 0;
  const hintsShown: { id: string; tS: number }[] = [];
  const s = () => driver.world().state.tally;
  while (s()[T_NOW]! < scenario.durationS) {
    driver.beforeStep(warnings);
    const world = driver.world();
    const minuteStart = Math.floor(s()[T_NOW]! / 60) * 60;
    driver.step();
    minuteRequests += world.last.requests;
    minuteErrors += world.last.errors;
    for (let b = 0; b < BUCKET_COUNT; b++) minuteHist[b] = minuteHist[b]! + world.scratch.stepHist[b]! * STEP_SECONDS;
    if (s()[T_NOW]! % 60 === 0 || s()[T_NOW]! >= scenario.durationS) {
      spreadHistogram(minuteHist, spread);
      series.push({
        tS: minuteStart,
        requests: minuteRequests,
        errors: minuteErrors,
        latencyP95Ms: percentileOf(spread, 0.95),
        costUsd: s()[T_COST]!,
      });
      minuteHist.fill(0);
      minuteRequests = 0;
      minuteErrors = 0;
      for (const h of hintsDue(world)) if (!hintsShown.some((x) => x.id === h.id)) hintsShown.push({ id: h.id, tS: s()[T_NOW]! });
    }
  }
  driver.finish(warnings);

  // The same standing the leaderboard reads during a match, at the last step.
  const world = driver.world();
  const tally = world.state.tally;
  const leastPrivilege = driver.leastPrivilege?.();
  const score = standingOf(world, leastPrivilege === undefined ? {} : { leastPrivilege });
  const measures = score.measures;
  return {
    scenarioId: scenario.id,
    seed,
    availability: score.availability,
    nines: score.nines,
    latencyP50Ms: measures.latencyP50Ms,
    latencyP95Ms: measures.latencyP95Ms,
    latencyP99Ms: measures.latencyP99Ms,
    costUsd: measures.costUsd,
    revenueUsd: measures.revenueUsd,
    budgetUsd: score.budgetUsd,
    score: score.score,
    stars: score.stars,
    objectives: score.objectives,
    requests: measures.requests,
    served: measures.served,
    failed: tally[T_FAILED]!,
    shed: tally[T_SHED]!,
    costByService: {
      compute: tally[T_COST_COMPUTE]!,
      database: tally[T_COST_DATABASE]!,
      balancing: tally[T_COST_BALANCING]!,
      transfer: tally[T_COST_TRANSFER]!,
      edge: tally[T_COST_EDGE]!,
      other: tally[T_COST_OTHER]!,
    },
    warnings,
    hintsShown,
    series,
    timeline: world.timeline.map((e) => ({ ...e, message: timelineSentence(e) })),
    hash: hashWorld(world),
  };
}
