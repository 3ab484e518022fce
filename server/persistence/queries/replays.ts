// Replays: what it takes to play a team's match again and check that it ends the same way.
import type { Queryable } from '../database.ts';
import { isIndex, isKey, jsonText } from './input.ts';

export interface ReplayInput {
  /** The competition id for a competition, the room id otherwise. */
  matchId: string;
  /** The team in the match (0 for solo play). */
  teamIndex?: number;
  seed: number;
  scenarioId: string;
  initialDesign: unknown;
  /**
   * The intents with their simulated times, in the order the room applied them (JSON). Stored as its JSON text
   * (a jsonb string): jsonb would reorder the keys of its objects, and a replayed world's hash reads the key
   * order of its design, so a log stored as a jsonb object could never replay to its recorded hash.
   */
  intentLog: unknown;
  finalStateHash: string;
  recordedScore: number;
}

export interface Replay extends Required<ReplayInput> {
  id: number;
  recordedAt: Date;
}

export type ReplaySummary = Omit<Replay, 'initialDesign' | 'intentLog'>;

const SUMMARY_COLUMNS = `id, match_id AS "matchId", team_index AS "teamIndex", seed, scenario_id AS "scenarioId",
  final_state_hash AS "finalStateHash", recorded_score AS "recordedScore", recorded_at AS "recordedAt"`;
const COLUMNS = `${SUMMARY_COLUMNS}, initial_design AS "initialDesign", intent_log AS "intentLog"`;

/** Stores a team's replay, replacing an earlier one of the same match and team; returns its id. */
export async function saveReplay(db: Queryable, replay: ReplayInput): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO replays (match_id, team_index, seed, scenario_id, initial_design, intent_log, final_state_hash,
       recorded_score)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
     ON CONFLICT (match_id, team_index) DO UPDATE SET seed = excluded.seed, scenario_id = excluded.scenario_id,
       initial_design = excluded.initial_design, intent_log = excluded.intent_log,
       final_state_hash = excluded.final_state_hash, recorded_score = excluded.recorded_score, recorded_at = now()
     RETURNING id`,
    [
      replay.matchId,
      replay.teamIndex ?? 0,
      replay.seed,
      replay.scenarioId,
      jsonText(replay.initialDesign, 'initial design'),
      jsonText(jsonText(replay.intentLog, 'intent log'), 'intent log'),
      replay.finalStateHash,
      replay.recordedScore,
    ],
  );
  return rows[0]!.id;
}

export async function getReplay(db: Queryable, matchId: string, teamIndex = 0): Promise<Replay | undefined> {
  if (!isKey(matchId) || !isIndex(teamIndex)) return undefined;
  const row = (
    await db.query<Replay>(`SELECT ${COLUMNS} FROM replays WHERE match_id = $1 AND team_index = $2`, [matchId, teamIndex])
  )[0];
  // Logs stored as their JSON text come back with their keys in the order they were recorded in.
  return row && typeof row.intentLog === 'string' ? { ...row, intentLog: JSON.parse(row.intentLog) as unknown } : row;
}

/** The replays of a match without their (large) designs and logs, by team. */
export async function listReplays(db: Queryable, matchId: string): Promise<ReplaySummary[]> {
  if (!isKey(matchId)) return [];
  return db.query<ReplaySummary>(`SELECT ${SUMMARY_COLUMNS} FROM replays WHERE match_id = $1 ORDER BY team_index`, [
    matchId,
  ]);
}
