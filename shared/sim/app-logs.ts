// The application's log in CloudWatch Logs (catalogue/app-logs.ts): per region, the lines of each kind the
// instances wrote this step (INFO per request served, ERROR per failed dependency attempt and per request given up
// on), then each metric filter's datapoint from the lines of its log group that match its pattern. Only the
// application's log group receives lines; a filter on any other group publishes nothing.

import { LINE_ATTEMPT, LINE_GAVE_UP, LINE_KINDS, LINE_READ, LINE_STATIC, LINE_WRITE, MAX_ATTEMPTS } from '../catalogue/app-logs.ts';
import { CLASS_COUNT, READ, STATIC, STEP_SECONDS, WRITE } from './constants.ts';
import { instanceRegion } from './dependency.ts';
import { matchesFilter } from './filter-pattern.ts';
import type { World } from './world.ts';

/** Counts the step's log lines per region and kind (scratch.appLog). */
export function writeAppLogs(world: World): void {
  const sc = world.scratch;
  const topo = world.topo;
  const log = sc.appLog;
  log.fill(0);
  const retries = retriesOf(world);
  for (let i = 0; i < topo.instCount; i++) {
    if (sc.instUnits[i] === 0) continue;
    const region = instanceRegion(world, i);
    if (region < 0) continue;
    const at = region * LINE_KINDS;
    const base = i * CLASS_COUNT;
    log[at + LINE_STATIC] = log[at + LINE_STATIC]! + sc.instOffered[base + STATIC]! * sc.instSucc[base + STATIC]! * STEP_SECONDS;
    log[at + LINE_READ] = log[at + LINE_READ]! + sc.instOffered[base + READ]! * sc.instSucc[base + READ]! * STEP_SECONDS;
    log[at + LINE_WRITE] = log[at + LINE_WRITE]! + sc.instOffered[base + WRITE]! * sc.instSucc[base + WRITE]! * STEP_SECONDS;
    const p = sc.instDepFail[i]!;
    if (p === 0) continue;
    // Attempt k fails for calls × p^k of the calls; the first `retries` are retried, the last is given up on.
    const calls = sc.instDepCalls[i]! * STEP_SECONDS;
    let pk = 1;
    for (let k = 1; k <= retries; k++) {
      pk *= p;
      log[at + LINE_ATTEMPT + k - 1] = log[at + LINE_ATTEMPT + k - 1]! + calls * pk;
    }
    log[at + LINE_GAVE_UP] = log[at + LINE_GAVE_UP]! + calls * pk * p;
  }
}

function retriesOf(world: World): number {
  for (const e of world.plan.events) if (e.type === 'dependency-slowdown') return Math.min(e.params.retries, MAX_ATTEMPTS - 1);
  return 0;
}

/**
 * Each custom metric's datapoint this step: the Sum of MetricValue over the matching lines of its filters; a
 * filter whose group received lines but none matching publishes its DefaultValue; otherwise nothing.
 */
export function countLogMetrics(world: World): void {
  const topo = world.topo;
  const sc = world.scratch;
  sc.logMetricValue.fill(0);
  sc.logMetricPresent.fill(0);
  const lines = world.plan.appLogLines;
  for (let f = 0; f < topo.filterCount; f++) {
    if (topo.filterApp[f] !== 1 || topo.filterRegion[f]! < 0) continue;
    const at = topo.filterRegion[f]! * LINE_KINDS;
    let events = 0;
    let matches = 0;
    for (let k = 0; k < LINE_KINDS; k++) {
      const n = sc.appLog[at + k]!;
      if (n <= 0) continue;
      events += n;
      if (matchesFilter(topo.filterPattern[f]!, lines[k]!)) matches += n;
    }
    const m = topo.filterMetric[f]!;
    if (matches > 0) {
      sc.logMetricValue[m] = sc.logMetricValue[m]! + matches * topo.filterValue[f]!;
      sc.logMetricPresent[m] = 1;
    } else if (events > 0 && !Number.isNaN(topo.filterDefault[f]!)) {
      sc.logMetricValue[m] = sc.logMetricValue[m]! + topo.filterDefault[f]!;
      sc.logMetricPresent[m] = 1;
    }
  }
}
