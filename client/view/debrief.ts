// The debrief after a run: what failed first and why, read from the audit log (system events) and the
// metrics (the worst minute), and the score's parts by the shared scoring function.
import { scoreRun, type ScoreResult } from '../../shared/score/index.ts';
import type { TimelineValues } from '../../shared/sim/timeline-text.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';
import type { SeriesPoint, TeamSummary } from '../net/snapshot.ts';

/** A system event of the trail: its English sentence, and the timeline code and values it was said from. */
export interface DebriefLine {
  simS: number;
  message: string;
  code?: string;
  values?: TimelineValues;
}

export interface Debrief {
  firstFailure?: DebriefLine;
  cause?: DebriefLine;
  worstMinute?: { tS: number; errorPct: number; p95Ms: number };
  budgetAlert?: DebriefLine;
  refused: number;
  scaling: number;
}

const FAILURES = ['ResourceFailure', 'DBInstanceEvent', 'TargetHealthChange', 'HealthCheckStatusChange'];

/** `events`: the team's trail, any order. */
export function debriefOf(events: readonly TrailEvent[], series: readonly SeriesPoint[]): Debrief {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const message = (e: TrailEvent) => String(e.params.message ?? e.errorMessage ?? e.eventName);
  const line = (e: TrailEvent): DebriefLine => {
    const { code, values } = e.params;
    return { simS: e.simS, message: message(e), ...(typeof code === 'string' && typeof values === 'object' && values !== null ? { code, values: values as TimelineValues } : {}) };
  };
  const first = sorted.find((e) => FAILURES.includes(e.eventName) && /down|fail|unhealthy|lost|dark/i.test(message(e)));
  const cause = first ? [...sorted].reverse().find((e) => e.seq < first.seq && e.eventName === 'ScenarioEvent' && !/^over:/.test(message(e))) : undefined;
  const budget = sorted.find((e) => e.eventName === 'BudgetAlert');
  let worst: Debrief['worstMinute'];
  for (const p of series) {
    if (p.requests <= 0) continue;
    const errorPct = (100 * p.errors) / p.requests;
    if (!worst || errorPct > worst.errorPct) worst = { tS: p.tS, errorPct, p95Ms: p.p95Ms };
  }
  return {
    ...(first ? { firstFailure: line(first) } : {}),
    ...(cause ? { cause: line(cause) } : {}),
    ...(worst && worst.errorPct > 0.05 ? { worstMinute: worst } : {}),
    ...(budget ? { budgetAlert: line(budget) } : {}),
    refused: sorted.filter((e) => e.outcome === 'Failure').length,
    scaling: sorted.filter((e) => e.eventName === 'ScalingActivity').length,
  };
}

/** The score's parts for a team's summary, by the shared scoring function (what the server's score is made of). */
export function scoreParts(team: TeamSummary, latencyObjectiveMs: number, stars: [number, number, number]): ScoreResult {
  const requests = 1_000_000;
  return scoreRun(
    { requests, served: Math.round(team.availability * requests), latencyP50Ms: team.p95Ms, latencyP95Ms: team.p95Ms, latencyP99Ms: team.p95Ms, costUsd: team.costUsd, revenueUsd: team.revenueUsd },
    { latencyObjectiveMs, budgetUsd: team.budgetUsd, objectives: [], stars },
  );
}
