// The debrief of a team's run, as the results screen, the competition records, the command-line simulator
// and the replay all tell it: what failed first and the scenario event just before it, the first budget
// alert, the worst simulated minute of the charts, and how much scaling and how many refusals there were.
// One rule for "what failed first", read from the world's own timeline.
import { isEventEnding, timelineSentence, type TimelineCode } from '../sim/timeline-text.ts';
import type { TimelineEntry } from '../sim/world.ts';
import type { TrailEvent } from '../trail/event.ts';
import type { ChartPoint } from './board-view.ts';

export interface WorstMinute {
  tS: number;
  /** Share of the minute's requests that failed, in percent. */
  errorPct: number;
  p95Ms: number;
}

export interface Debrief {
  firstFailure?: TimelineEntry;
  /** The scenario event last announced or started before the first failure. */
  cause?: TimelineEntry;
  budgetAlert?: TimelineEntry;
  worstMinute?: WorstMinute;
  scaling: number;
  refused: number;
}

/** A minute counts as bad from this share of failed requests (percent): below it, noise. */
const WORST_MINUTE_FROM_PCT = 0.05;

/** Health and database entries that say something broke (a planned class change is no failure). */
const BREAKING: ReadonlySet<TimelineCode> = new Set<TimelineCode>([
  'targetsUnhealthy',
  'checkUnhealthy',
  'endpointUnhealthy',
  'dbFailsOver',
  'dbRecovering',
  'dbZoneDark',
  'dbDownNoStandby',
  'dbDownSingleAz',
]);

/**
 * What the debrief says of a run in which nothing on the timeline broke, from the served share the score
 * counts: "nothing failed" only when users saw no more failures than a bad minute's noise; else requests
 * failed all the same (too little capacity, no way in), which the score has already counted.
 */
export function quietRunLine(availability: number): 'noFailure' | 'requestsFailed' {
  return (1 - availability) * 100 >= WORST_MINUTE_FROM_PCT ? 'requestsFailed' : 'noFailure';
}

/** Whether a timeline entry says something broke: a failure, a check or target turning unhealthy, a database going down or failing over. */
export function isFailure(e: TimelineEntry): boolean {
  return e.kind === 'failure' || BREAKING.has(e.code);
}

/** The first thing that broke, with the scenario event just before it (the opening line is no cause). */
export function firstFailureOf(timeline: readonly TimelineEntry[]): { failure: TimelineEntry; cause?: TimelineEntry } | undefined {
  const at = timeline.findIndex(isFailure);
  if (at < 0) return undefined;
  let cause: TimelineEntry | undefined;
  for (let i = at - 1; i > 0 && !cause; i--) {
    const e = timeline[i]!;
    if (e.kind === 'event' && !isEventEnding(e.code)) cause = e;
  }
  return { failure: timeline[at]!, ...(cause ? { cause } : {}) };
}

/** The worse of a worst minute so far and the next chart point (the first of equal minutes stays). */
export function worseMinute(worst: WorstMinute | undefined, point: ChartPoint): WorstMinute | undefined {
  if (point.requests <= 0) return worst;
  const errorPct = (100 * point.errors) / point.requests;
  if (errorPct < WORST_MINUTE_FROM_PCT || (worst && errorPct <= worst.errorPct)) return worst;
  return { tS: point.tS, errorPct: Math.round(errorPct * 100) / 100, p95Ms: point.p95Ms };
}

/** The worst minute of a whole series of chart points. */
export function worstMinuteOf(points: readonly ChartPoint[]): WorstMinute | undefined {
  let worst: WorstMinute | undefined;
  for (const p of points) worst = worseMinute(worst, p);
  return worst;
}

/** A team's debrief from its world's timeline, the match's audit log and its worst minute. */
export function debriefOf(team: string, timeline: readonly TimelineEntry[], trail: readonly TrailEvent[], worstMinute: WorstMinute | undefined): Debrief {
  const first = firstFailureOf(timeline);
  const budgetAlert = timeline.find((e) => e.kind === 'budget');
  let refused = 0;
  for (const e of trail) if (e.outcome === 'Failure' && e.team === team) refused++;
  return {
    ...(first ? { firstFailure: first.failure, ...(first.cause ? { cause: first.cause } : {}) } : {}),
    ...(budgetAlert ? { budgetAlert } : {}),
    ...(worstMinute ? { worstMinute } : {}),
    scaling: timeline.filter((e) => e.kind === 'scaling').length,
    refused,
  };
}

/** The first failure as the competition records and the results export store it: "12 min: what broke". */
export function firstFailureLine(timeline: readonly TimelineEntry[]): string | null {
  const first = firstFailureOf(timeline);
  return first ? `${Math.round(first.failure.tS / 60)} min: ${timelineSentence(first.failure)}` : null;
}
