// Solo play: each browser's best run of each scenario. The player key is a random id the browser keeps, sent by an
// untrusted client, so it is only ever a lookup key.
import type { Queryable } from '../database.ts';
import { isKey } from './input.ts';

export interface PersonalBest {
  playerKey: string;
  scenarioId: string;
  bestScore: number;
  stars: number;
  achievedAt: Date;
}

export interface RunOutcome {
  playerKey: string;
  scenarioId: string;
  score: number;
  stars: number;
  achievedAt?: Date;
}

const COLUMNS = `player_key AS "playerKey", scenario_id AS "scenarioId", best_score AS "bestScore", stars,
  achieved_at AS "achievedAt"`;

/** Records a finished run and keeps the better of it and the stored best (higher score; on equal scores, more stars),
 * in one statement, so two runs finishing at once cannot lose the better one. Says whether this run is the new best.
 * Undefined for a malformed key. */
export async function recordPersonalBest(
  db: Queryable,
  run: RunOutcome,
): Promise<{ improved: boolean; best: PersonalBest } | undefined> {
  if (!isKey(run.playerKey) || !isKey(run.scenarioId) || !Number.isFinite(run.score)) return undefined;
  const rows = await db.query<PersonalBest & { improved: boolean }>(
    `WITH kept AS (
       INSERT INTO personal_bests (player_key, scenario_id, best_score, stars, achieved_at)
       VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now()))
       ON CONFLICT (player_key, scenario_id) DO UPDATE
         SET best_score = excluded.best_score, stars = excluded.stars, achieved_at = excluded.achieved_at
         WHERE excluded.best_score > personal_bests.best_score
            OR (excluded.best_score = personal_bests.best_score AND excluded.stars > personal_bests.stars)
       RETURNING *
     )
     SELECT ${COLUMNS}, true AS improved FROM kept
     UNION ALL
     SELECT ${COLUMNS}, false AS improved FROM personal_bests
     WHERE player_key = $1 AND scenario_id = $2 AND NOT EXISTS (SELECT 1 FROM kept)`,
    [run.playerKey, run.scenarioId, run.score, run.stars, run.achievedAt?.toISOString() ?? null],
  );
  const row = rows[0];
  if (!row) {
    // Kept nothing and saw nothing: the stored best was written by a run that committed after this statement's
    // snapshot was taken (PostgreSQL, read committed). It beat or equalled this run; a new statement sees it.
    const best = await getPersonalBest(db, run.playerKey, run.scenarioId);
    return best && { improved: false, best };
  }
  const { improved, ...best } = row;
  return { improved, best };
}

export async function getPersonalBest(
  db: Queryable,
  playerKey: string,
  scenarioId: string,
): Promise<PersonalBest | undefined> {
  if (!isKey(playerKey) || !isKey(scenarioId)) return undefined;
  return (
    await db.query<PersonalBest>(`SELECT ${COLUMNS} FROM personal_bests WHERE player_key = $1 AND scenario_id = $2`, [
      playerKey,
      scenarioId,
    ])
  )[0];
}

/** A browser's bests across scenarios, by scenario id. */
export async function listPersonalBests(db: Queryable, playerKey: string): Promise<PersonalBest[]> {
  if (!isKey(playerKey)) return [];
  return db.query<PersonalBest>(`SELECT ${COLUMNS} FROM personal_bests WHERE player_key = $1 ORDER BY scenario_id`, [
    playerKey,
  ]);
}
