// Each team's result, written when its match ends, and the ranked table of a competition.
import type { Queryable } from '../database.ts';
import { isIndex, isUuid, jsonText } from './input.ts';

export interface TeamResult {
  score: number;
  stars: number;
  /** 0 to 1. */
  availability: number;
  latencyP95Ms: number;
  costUsd: number;
  revenueUsd: number;
  /** The scenario's objectives and whether each was met (JSON). */
  objectives: unknown;
  /** What broke first, in words, or null when nothing did. */
  firstFailure: string | null;
  /** The team's final design (JSON). */
  design: unknown;
  /** Availability over simulated time (JSON). */
  availabilitySeries: unknown;
}

export interface RankedResult extends TeamResult {
  /** 1 for the best score; equal scores share a rank (1, 2, 2, 4). */
  rank: number;
  teamId: number;
  teamIndex: number;
  teamName: string;
  recordedAt: Date;
}

const COLUMNS = `r.score, r.stars, r.availability, r.latency_p95_ms AS "latencyP95Ms", r.cost_usd AS "costUsd",
  r.revenue_usd AS "revenueUsd", r.objectives, r.first_failure AS "firstFailure", r.design,
  r.availability_series AS "availabilitySeries", r.recorded_at AS "recordedAt",
  t.id AS "teamId", t.team_index AS "teamIndex", t.name AS "teamName"`;

/** Writes (or rewrites) the result of team `teamIndex` of a competition. False when there is no such team. */
export async function saveResult(
  db: Queryable,
  competitionId: string,
  teamIndex: number,
  result: TeamResult,
): Promise<boolean> {
  if (!isUuid(competitionId) || !isIndex(teamIndex)) return false;
  const rows = await db.query(
    `INSERT INTO results (team_id, score, stars, availability, latency_p95_ms, cost_usd, revenue_usd, objectives,
       first_failure, design, availability_series)
     SELECT t.id, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12::jsonb
     FROM teams t WHERE t.competition_id = $1 AND t.team_index = $2
     ON CONFLICT (team_id) DO UPDATE SET score = excluded.score, stars = excluded.stars,
       availability = excluded.availability, latency_p95_ms = excluded.latency_p95_ms, cost_usd = excluded.cost_usd,
       revenue_usd = excluded.revenue_usd, objectives = excluded.objectives, first_failure = excluded.first_failure,
       design = excluded.design, availability_series = excluded.availability_series, recorded_at = now()
     RETURNING team_id`,
    [
      competitionId,
      teamIndex,
      result.score,
      result.stars,
      result.availability,
      result.latencyP95Ms,
      result.costUsd,
      result.revenueUsd,
      jsonText(result.objectives, 'objectives'),
      result.firstFailure,
      jsonText(result.design, 'design'),
      jsonText(result.availabilitySeries, 'availability series'),
    ],
  );
  return rows.length === 1;
}

/** The results of a competition, best first (ties by team number). Empty for an unknown competition. */
export async function listResults(db: Queryable, competitionId: string): Promise<RankedResult[]> {
  if (!isUuid(competitionId)) return [];
  return db.query<RankedResult>(
    `SELECT (RANK() OVER (ORDER BY r.score DESC))::integer AS rank, ${COLUMNS}
     FROM results r JOIN teams t ON t.id = r.team_id
     WHERE t.competition_id = $1
     ORDER BY r.score DESC, t.team_index`,
    [competitionId],
  );
}

export async function getResult(
  db: Queryable,
  competitionId: string,
  teamIndex: number,
): Promise<Omit<RankedResult, 'rank'> | undefined> {
  if (!isUuid(competitionId) || !isIndex(teamIndex)) return undefined;
  return (
    await db.query<Omit<RankedResult, 'rank'>>(
      `SELECT ${COLUMNS} FROM results r JOIN teams t ON t.id = r.team_id
       WHERE t.competition_id = $1 AND t.team_index = $2`,
      [competitionId, teamIndex],
    )
  )[0];
}
