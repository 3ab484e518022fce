// The one scoring function: the browser's preview, the server's leaderboard and the command-line simulator
// all call scoreRun, so they can never disagree.
//
// Score (0–1000) = availability (up to 500: 100 per nine, five nines full)
//                + latency (up to 250: full when p95 is within the objective, else objective / p95 of it)
//                + cost (up to 250: full at half the budget or less, half at the budget, none at 1.5×),
// latency and cost each times the share of requests served (nothing served earns nothing for speed or thrift).
// A match ended early is played out to the scenario's end first (match/clock.ts), so the score always
// measures the whole scenario.
// Stars: none unless every primary objective is met; then one per star threshold the score reaches.

import type { Objective, ObjectiveMetric } from '../scenario/schema.ts';
import { ninesOf } from './nines.ts';

export { ninesOf, MAX_NINES } from './nines.ts';

export interface RunMeasures {
  /** User requests offered and served (good) over the run. */
  requests: number;
  served: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  costUsd: number;
  revenueUsd: number;
  /** User requests that passed a Gateway Load Balancer's appliances on their way in; absent: none did. */
  inspected?: number;
  /**
   * Least privilege as IAM Access Analyzer's unused access measures it (shared/iam/activity.ts): 1 when every
   * permission the team's IAM users hold was used according to CloudTrail, lower with each unused one. Only a
   * match has players and a trail; absent (a command-line run): 1.
   */
  leastPrivilege?: number;
  /** Seconds users suffered from a colleague's security group change (shared/sim/recovery.ts); absent: 0. */
  timeToRecoveryS?: number;
}

export interface ScoringRules {
  latencyObjectiveMs: number;
  budgetUsd: number;
  objectives: Objective[];
  stars: [number, number, number];
}

export interface ObjectiveResult {
  id: string;
  primary: boolean;
  metric: ObjectiveMetric;
  target: number;
  value: number;
  met: boolean;
}

export interface ScoreResult {
  availability: number;
  nines: number;
  score: number;
  stars: number;
  parts: { availability: number; latency: number; cost: number };
  objectives: ObjectiveResult[];
}

export const SCORE_MAX = 1000;

/** The objectives read from the latency of the requests served. */
const LATENCY_METRICS: ReadonlySet<ObjectiveMetric> = new Set(['latencyP50', 'latencyP95', 'latencyP99']);

function metricValue(metric: ObjectiveMetric, m: RunMeasures, availability: number, nines: number, budgetUsd: number): number {
  switch (metric) {
    case 'availability':
      return availability;
    case 'nines':
      return nines;
    case 'latencyP50':
      return m.latencyP50Ms;
    case 'latencyP95':
      return m.latencyP95Ms;
    case 'latencyP99':
      return m.latencyP99Ms;
    case 'cost':
      return m.costUsd;
    case 'revenue':
      return m.revenueUsd;
    case 'profit':
      return m.revenueUsd - m.costUsd;
    case 'inspectedShare':
      // Nothing asked: nothing went in uninspected.
      return m.requests > 0 ? Math.min(1, (m.inspected ?? 0) / m.requests) : 1;
    case 'leastPrivilege':
      return m.leastPrivilege ?? 1;
    case 'timeToRecoveryS':
      return m.timeToRecoveryS ?? 0;
    case 'budgetShare':
      // No budget at all: any spend is far over it (a large finite number, so results stay valid JSON).
      return budgetUsd > 0 ? m.costUsd / budgetUsd : m.costUsd > 0 ? 1e9 : 0;
  }
}

function compare(comparison: Objective['comparison'], value: number, target: number): boolean {
  if (comparison === '>=') return value >= target;
  if (comparison === '<=') return value <= target;
  if (comparison === '>') return value > target;
  return value < target;
}

export function scoreRun(measures: RunMeasures, rules: ScoringRules): ScoreResult {
  const availability = measures.requests > 0 ? Math.min(1, measures.served / measures.requests) : 1;
  const nines = ninesOf(availability);
  const availabilityPart = 100 * Math.min(nines, 5);
  const p95 = measures.latencyP95Ms;
  // Latency and cost earn points only for the requests served: a design that serves nothing is neither fast nor
  // cheap (it would otherwise take half the score for "p95 0 ms" and the cost of nothing).
  const latencyPart = availability * (p95 <= rules.latencyObjectiveMs ? 250 : (250 * rules.latencyObjectiveMs) / p95);
  const ratio = rules.budgetUsd > 0 ? measures.costUsd / rules.budgetUsd : measures.costUsd > 0 ? 2 : 0;
  const costPart = availability * 250 * Math.min(1, Math.max(0, 1.5 - ratio));
  // Rounded to a tenth so the leaderboard shows what decides the order.
  const score = Math.round((availabilityPart + latencyPart + costPart) * 10) / 10;
  const objectives = rules.objectives.map((o) => {
    const value = metricValue(o.metric, measures, availability, nines, rules.budgetUsd);
    // A latency percentile of no served request measures nothing: when users asked and nothing was served, a
    // latency objective is missed ("p95 0 ms ✓" would tell the debrief the opposite of what happened).
    const unmeasured = LATENCY_METRICS.has(o.metric) && measures.requests > 0 && measures.served === 0;
    return { id: o.id, primary: o.primary, metric: o.metric, target: o.target, value, met: !unmeasured && compare(o.comparison, value, o.target) };
  });
  const primaryMet = objectives.every((o) => !o.primary || o.met);
  const stars = primaryMet ? rules.stars.filter((threshold) => score >= threshold).length : 0;
  return {
    availability,
    nines,
    score,
    stars,
    parts: { availability: availabilityPart, latency: latencyPart, cost: costPart },
    objectives,
  };
}
