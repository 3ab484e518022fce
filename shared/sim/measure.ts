// Step 8 (measuring): the step's counts go into the run's tallies, its latency histogram gives the step's
// percentiles, and revenue accrues for the requests served within the latency objective.

import { STEP_SECONDS } from './constants.ts';
import { BUCKET_COUNT, readLatency, spreadHistogram } from './latency.ts';
import {
  C_BLOCKED,
  C_EDGE_HITS,
  C_EDGE_REQUESTS,
  C_FAILED,
  C_FLOOD_DROPPED,
  C_FLOOD_OFFERED,
  C_FLOOD_REJECTED,
  C_FLOOD_SERVED,
  C_INSPECTED,
  C_OFFERED,
  C_SERVED,
  C_SHED,
} from './scratch.ts';
import {
  T_BLOCKED,
  T_EDGE_HITS,
  T_EDGE_REQUESTS,
  T_FAILED,
  T_FLOOD_DROPPED,
  T_FLOOD_OFFERED,
  T_FLOOD_REJECTED,
  T_FLOOD_SERVED,
  T_GOOD,
  T_NOW,
  T_OFFERED,
  T_REVENUE,
  T_SERVED,
  T_SHED,
} from './state.ts';
import type { World } from './world.ts';

const PAIRS: [number, number][] = [
  [C_OFFERED, T_OFFERED],
  [C_SERVED, T_SERVED],
  [C_FAILED, T_FAILED],
  [C_SHED, T_SHED],
  [C_FLOOD_OFFERED, T_FLOOD_OFFERED],
  [C_FLOOD_DROPPED, T_FLOOD_DROPPED],
  [C_FLOOD_SERVED, T_FLOOD_SERVED],
  [C_FLOOD_REJECTED, T_FLOOD_REJECTED],
  [C_BLOCKED, T_BLOCKED],
  [C_EDGE_HITS, T_EDGE_HITS],
  [C_EDGE_REQUESTS, T_EDGE_REQUESTS],
];

export function measure(world: World): void {
  const sc = world.scratch;
  const s = world.state;
  const counts = sc.stepCounts;
  for (let k = 0; k < PAIRS.length; k++) {
    const [c, t] = PAIRS[k]!;
    s.tally[t] = s.tally[t]! + counts[c]! * STEP_SECONDS;
  }
  spreadHistogram(sc.stepHist, sc.spread);
  readLatency(sc.spread, world.plan.latencyObjectiveMs, sc.latency);
  const served = counts[C_SERVED]! * STEP_SECONDS;
  const good = served * sc.latency[3]!;
  s.tally[T_GOOD] = s.tally[T_GOOD]! + good;
  s.tally[T_REVENUE] = s.tally[T_REVENUE]! + good * world.plan.revenuePerGoodRequestUsd;
  s.inspected[0] = s.inspected[0]! + counts[C_INSPECTED]! * STEP_SECONDS;
  for (let b = 0; b < BUCKET_COUNT; b++) s.runHist[b] = s.runHist[b]! + sc.stepHist[b]! * STEP_SECONDS;

  const m = world.last;
  m.tS = s.tally[T_NOW]!;
  m.requests = counts[C_OFFERED]! * STEP_SECONDS;
  m.served = served;
  m.failed = counts[C_FAILED]! * STEP_SECONDS;
  m.shed = counts[C_SHED]! * STEP_SECONDS;
  m.errors = m.failed + m.shed;
  m.latencyP50Ms = sc.latency[0]!;
  m.latencyP95Ms = sc.latency[1]!;
  m.latencyP99Ms = sc.latency[2]!;
  m.cacheHitRatio = counts[C_EDGE_REQUESTS]! > 0 ? counts[C_EDGE_HITS]! / counts[C_EDGE_REQUESTS]! : 0;
  m.floodRequests = counts[C_FLOOD_OFFERED]! * STEP_SECONDS;
  m.revenueUsd = s.tally[T_REVENUE]!;
}
