// The shape of a competition's exports (CSV and JSON), one rule: each team's result with its figures rounded as a
// spreadsheet user expects (availability a percentage to three decimals, money to the cent, latency to the
// millisecond) and its members, each with what they did (the audit log's accepted and refused intents,
// student-activity.ts). The CSV has one row per student, the team's figures repeated on each, so a teacher can
// sort and grade by student; a team nobody joined still has its one row.
import type { StudentActivity } from './student-activity.ts';

/** A team's stored result, as the database keeps it (plain units: availability 0..1, dollars, milliseconds). */
export interface StoredResult {
  rank: number;
  teamName: string;
  score: number;
  stars: number;
  availability: number;
  latencyP95Ms: number;
  costUsd: number;
  revenueUsd: number;
  firstFailure: string | null;
}

export interface MemberExport {
  nickname: string;
  /** Intents the game applied for this student. */
  actions: number;
  /** Intents it refused. */
  refused: number;
}

export interface TeamExport {
  rank: number;
  team: string;
  score: number;
  stars: number;
  /** Availability as a percentage, three decimals (99.953). */
  availabilityPct: number;
  p95Ms: number;
  /** US dollars to the cent. */
  costUsd: number;
  revenueUsd: number;
  firstFailure: string | null;
  members: MemberExport[];
}

/** `value` rounded to `decimals` places, half away from zero, without binary noise (99.9535 → 99.954). */
export function roundDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return 0;
  const rounded = Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}

/**
 * A team's export: its figures rounded, and its members — the students seated in it (in the order they joined),
 * then anyone the log shows acting for it who is no longer seated — each with their counts from the log.
 */
export function teamExport(result: StoredResult, seated: readonly string[], activity: readonly StudentActivity[]): TeamExport {
  const counts = new Map(activity.map((a) => [a.nickname, a]));
  const names = [...new Set([...seated, ...activity.map((a) => a.nickname)])];
  return {
    rank: result.rank,
    team: result.teamName,
    score: Math.round(result.score),
    stars: result.stars,
    availabilityPct: roundDecimals(result.availability * 100, 3),
    p95Ms: Math.round(result.latencyP95Ms),
    costUsd: roundDecimals(result.costUsd, 2),
    revenueUsd: roundDecimals(result.revenueUsd, 2),
    firstFailure: result.firstFailure,
    members: names.map((nickname) => ({ nickname, actions: counts.get(nickname)?.made ?? 0, refused: counts.get(nickname)?.refused ?? 0 })),
  };
}

export const EXPORT_COLUMNS = ['rank', 'team', 'score', 'stars', 'availability %', 'p95 ms', 'cost USD', 'revenue USD', 'first failure', 'student', 'actions', 'refused'] as const;

/** A CSV cell before it is written: text (quoted and made formula-safe by the writer) or a number with its decimals. */
export type ExportCell = { text: string } | { number: number; decimals: number };

/** The CSV's rows under EXPORT_COLUMNS: one per student, or one with empty student cells for a team without any. */
export function exportRows(teams: readonly TeamExport[]): ExportCell[][] {
  const rows: ExportCell[][] = [];
  for (const team of teams) {
    const figures: ExportCell[] = [
      { number: team.rank, decimals: 0 },
      { text: team.team },
      { number: team.score, decimals: 0 },
      { number: team.stars, decimals: 0 },
      { number: team.availabilityPct, decimals: 3 },
      { number: team.p95Ms, decimals: 0 },
      { number: team.costUsd, decimals: 2 },
      { number: team.revenueUsd, decimals: 2 },
      { text: team.firstFailure ?? '' },
    ];
    if (team.members.length === 0) rows.push([...figures, { text: '' }, { text: '' }, { text: '' }]);
    for (const m of team.members) rows.push([...figures, { text: m.nickname }, { number: m.actions, decimals: 0 }, { number: m.refused, decimals: 0 }]);
  }
  return rows;
}
