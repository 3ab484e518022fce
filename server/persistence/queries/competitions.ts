// Classroom competitions: created by a host with a join code, moved through their statuses by the host.
// The host token is made here, handed back once, and only its SHA-256 is kept.
import type { Queryable } from '../database.ts';
import { isKey, isUuid, jsonText } from './input.ts';
import { newSecretToken, tokenMatches } from './secret-token.ts';

export const COMPETITION_STATUSES = ['created', 'building', 'running', 'paused', 'finished'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

/** Which statuses each status may move to. Finished is final. */
export const STATUS_MOVES: Readonly<Record<CompetitionStatus, readonly CompetitionStatus[]>> = {
  created: ['building', 'running', 'finished'],
  building: ['running', 'finished'],
  running: ['paused', 'finished'],
  paused: ['running', 'finished'],
  finished: [],
};

export interface CompetitionSettings {
  teamCount: number;
  teamSize: number;
  /** Simulated seconds of build time before the clock starts. */
  buildTimeS: number;
  /** Clock speed: simulated seconds per real second. */
  speed: number;
}

export interface Competition {
  id: string;
  joinCode: string;
  scenarioId: string;
  /** The published level it plays, and the version fixed when it was created; null for a campaign scenario. */
  level: { code: string; version: number } | null;
  seed: number;
  settings: CompetitionSettings;
  status: CompetitionStatus;
  roomId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewCompetition {
  joinCode: string;
  scenarioId: string;
  level?: { code: string; version: number };
  seed: number;
  settings: CompetitionSettings;
  roomId?: string;
}

export type CreateCompetitionResult =
  | { ok: true; competition: Competition; hostToken: string }
  | { ok: false; code: 'join-code-taken' };

export type StatusChangeResult =
  | { ok: true; competition: Competition }
  | { ok: false; code: 'unknown-competition' | 'status-not-allowed' };

const COLUMNS = `id, join_code AS "joinCode", scenario_id AS "scenarioId",
  CASE WHEN level_code IS NULL THEN NULL ELSE json_build_object('code', level_code, 'version', level_version) END AS level, seed, settings, status, room_id AS "roomId",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** Creates a competition and its host token (returned here only). A join code still in use by a competition that
 * has not finished is refused. */
export async function createCompetition(db: Queryable, input: NewCompetition): Promise<CreateCompetitionResult> {
  const { token: hostToken, sha256 } = newSecretToken();
  const rows = await db.query<Competition>(
    `INSERT INTO competitions (join_code, host_token_sha256, scenario_id, seed, settings, room_id, level_code, level_version)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
     ON CONFLICT (join_code) WHERE status <> 'finished' DO NOTHING
     RETURNING ${COLUMNS}`,
    [input.joinCode, sha256, input.scenarioId, input.seed, jsonText(input.settings, 'settings'), input.roomId ?? null, input.level?.code ?? null, input.level?.version ?? null],
  );
  const competition = rows[0];
  return competition ? { ok: true, competition, hostToken } : { ok: false, code: 'join-code-taken' };
}

export async function getCompetition(db: Queryable, id: string): Promise<Competition | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<Competition>(`SELECT ${COLUMNS} FROM competitions WHERE id = $1`, [id]))[0];
}

/** The competition that a join code names now (finished ones no longer answer to theirs). */
export async function findCompetitionByJoinCode(db: Queryable, joinCode: string): Promise<Competition | undefined> {
  if (!isKey(joinCode, 32)) return undefined;
  return (
    await db.query<Competition>(`SELECT ${COLUMNS} FROM competitions WHERE join_code = $1 AND status <> 'finished'`, [
      joinCode,
    ])
  )[0];
}

export async function findCompetitionByRoom(db: Queryable, roomId: string): Promise<Competition | undefined> {
  if (!isKey(roomId)) return undefined;
  return (
    await db.query<Competition>(`SELECT ${COLUMNS} FROM competitions WHERE room_id = $1 ORDER BY created_at DESC LIMIT 1`, [
      roomId,
    ])
  )[0];
}

/** Competitions in the given statuses, newest first (for example the unfinished ones, to restore after a restart). */
export async function listCompetitions(
  db: Queryable,
  statuses: readonly CompetitionStatus[] = COMPETITION_STATUSES,
  limit = 100,
): Promise<Competition[]> {
  return db.query<Competition>(
    `SELECT ${COLUMNS} FROM competitions WHERE status = ANY($1::text[]) ORDER BY created_at DESC, id LIMIT $2`,
    [[...statuses], Math.max(0, Math.floor(limit))],
  );
}

/** True only when `token` is this competition's host token. Compares the hashes in constant time; a missing token,
 * a malformed id or an unknown competition is simply false. */
export async function verifyHostToken(db: Queryable, competitionId: string, token: unknown): Promise<boolean> {
  if (!isUuid(competitionId)) return false;
  const rows = await db.query<{ hash: string }>('SELECT host_token_sha256 AS hash FROM competitions WHERE id = $1', [
    competitionId,
  ]);
  return tokenMatches(rows[0]?.hash, token);
}

/** Moves a competition to `status` if STATUS_MOVES allows it from where it is. The first move to running stamps
 * started_at, the move to finished stamps finished_at. */
export async function setCompetitionStatus(
  db: Queryable,
  competitionId: string,
  status: CompetitionStatus,
): Promise<StatusChangeResult> {
  if (!isUuid(competitionId)) return { ok: false, code: 'unknown-competition' };
  const from = COMPETITION_STATUSES.filter((s) => STATUS_MOVES[s].includes(status));
  const rows = await db.query<Competition>(
    `UPDATE competitions SET status = $2,
       started_at = CASE WHEN $2 = 'running' THEN COALESCE(started_at, now()) ELSE started_at END,
       finished_at = CASE WHEN $2 = 'finished' THEN now() ELSE finished_at END
     WHERE id = $1 AND status = ANY($3::text[])
     RETURNING ${COLUMNS}`,
    [competitionId, status, from],
  );
  if (rows[0]) return { ok: true, competition: rows[0] };
  return (await getCompetition(db, competitionId))
    ? { ok: false, code: 'status-not-allowed' }
    : { ok: false, code: 'unknown-competition' };
}

/** Records which room plays the competition. False when there is no such competition. */
export async function setCompetitionRoom(db: Queryable, competitionId: string, roomId: string): Promise<boolean> {
  if (!isUuid(competitionId)) return false;
  const rows = await db.query('UPDATE competitions SET room_id = $2 WHERE id = $1 RETURNING id', [competitionId, roomId]);
  return rows.length === 1;
}
