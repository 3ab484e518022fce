// A world's standing so far: the run's measures and the shared score, at any moment. The leaderboard reads
// it every few seconds; the whole-run result (run.ts) is the same function at the last step.

import { scoreRun, type RunMeasures, type ScoreResult } from '../score/index.ts';
import { BUCKET_COUNT, percentileOf, spreadHistogram } from './latency.ts';
import { timeToRecoveryS } from './recovery.ts';
import { T_BUDGET, T_COST, T_NOW, T_OFFERED, T_REVENUE, T_SERVED } from './state.ts';
import type { World } from './world.ts';

export function measuresOf(world: World): RunMeasures {
  const tally = world.state.tally;
  const spread = new Float64Array(BUCKET_COUNT);
  spreadHistogram(world.state.runHist, spread);
  return {
    requests: tally[T_OFFERED]!,
    served: tally[T_SERVED]!,
    latencyP50Ms: percentileOf(spread, 0.5),
    latencyP95Ms: percentileOf(spread, 0.95),
    latencyP99Ms: percentileOf(spread, 0.99),
    costUsd: tally[T_COST]!,
    revenueUsd: tally[T_REVENUE]!,
    inspected: world.state.inspected[0]!,
    timeToRecoveryS: timeToRecoveryS(world.state.recovery, tally[T_NOW]!),
  };
}

export interface Standing extends ScoreResult {
  measures: RunMeasures;
  budgetUsd: number;
}

/** `extra`: measures only a match knows (least privilege, from its IAM directory and CloudTrail). */
export function standingOf(world: World, extra: Pick<RunMeasures, 'leastPrivilege'> = {}): Standing {
  const measures = { ...measuresOf(world), ...extra };
  const budgetUsd = world.state.tally[T_BUDGET]!;
  const score = scoreRun(measures, {
    latencyObjectiveMs: world.scenario.latencyObjectiveMs,
    budgetUsd,
    objectives: world.scenario.objectives,
    stars: world.scenario.stars,
  });
  return { ...score, measures, budgetUsd };
}
