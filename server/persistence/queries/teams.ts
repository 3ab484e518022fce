// Teams of a competition and the players seated in them. A player is a nickname and a seat (session id), no more.
import type { Queryable } from '../database.ts';
import { isIndex, isKey, isUuid } from './input.ts';

export interface Team {
  id: number;
  competitionId: string;
  teamIndex: number;
  name: string;
}

export interface Player {
  id: number;
  teamId: number;
  teamIndex: number;
  nickname: string;
  sessionId: string;
  joinedAt: Date;
}

const TEAM_COLUMNS = `id, competition_id AS "competitionId", team_index AS "teamIndex", name`;

/** Adds teams numbered from `firstIndex` (0 by default) in the order of `names`, in one statement. Empty when the
 * competition does not exist. */
export async function createTeams(
  db: Queryable,
  competitionId: string,
  names: readonly string[],
  firstIndex = 0,
): Promise<Team[]> {
  if (!isUuid(competitionId) || names.length === 0) return [];
  return db.query<Team>(
    `WITH added AS (
       INSERT INTO teams (competition_id, team_index, name)
       SELECT c.id, $3::integer + t.ord::integer - 1, t.name
       FROM competitions c, unnest($2::text[]) WITH ORDINALITY AS t(name, ord)
       WHERE c.id = $1
       RETURNING ${TEAM_COLUMNS}
     )
     SELECT * FROM added ORDER BY "teamIndex"`,
    [competitionId, [...names], firstIndex],
  );
}

export async function listTeams(db: Queryable, competitionId: string): Promise<Team[]> {
  if (!isUuid(competitionId)) return [];
  return db.query<Team>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE competition_id = $1 ORDER BY team_index`, [competitionId]);
}

export async function getTeam(db: Queryable, competitionId: string, teamIndex: number): Promise<Team | undefined> {
  if (!isUuid(competitionId) || !isIndex(teamIndex)) return undefined;
  return (
    await db.query<Team>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE competition_id = $1 AND team_index = $2`, [
      competitionId,
      teamIndex,
    ])
  )[0];
}

export async function renameTeam(db: Queryable, teamId: number, name: string): Promise<Team | undefined> {
  if (!isIndex(teamId)) return undefined;
  return (await db.query<Team>(`UPDATE teams SET name = $2 WHERE id = $1 RETURNING ${TEAM_COLUMNS}`, [teamId, name]))[0];
}

const PLAYER_COLUMNS = `p.id, p.team_id AS "teamId", t.team_index AS "teamIndex", p.nickname, p.session_id AS "sessionId",
  p.joined_at AS "joinedAt"`;

/** Seats a player in a team. The same session seated again keeps its seat (and takes the new nickname), so a
 * reconnecting player is not counted twice. Undefined when there is no such team. */
export async function seatPlayer(
  db: Queryable,
  teamId: number,
  nickname: string,
  sessionId: string,
): Promise<Player | undefined> {
  if (!isIndex(teamId) || !isKey(sessionId)) return undefined;
  return (
    await db.query<Player>(
      `WITH seated AS (
         INSERT INTO players (team_id, nickname, session_id)
         SELECT id, $2, $3 FROM teams WHERE id = $1
         ON CONFLICT (team_id, session_id) DO UPDATE SET nickname = excluded.nickname
         RETURNING *
       )
       SELECT ${PLAYER_COLUMNS} FROM seated p JOIN teams t ON t.id = p.team_id`,
      [teamId, nickname, sessionId],
    )
  )[0];
}

/** Every player of a competition, by team then by arrival. */
export async function listPlayers(db: Queryable, competitionId: string): Promise<Player[]> {
  if (!isUuid(competitionId)) return [];
  return db.query<Player>(
    `SELECT ${PLAYER_COLUMNS} FROM players p JOIN teams t ON t.id = p.team_id
     WHERE t.competition_id = $1 ORDER BY t.team_index, p.joined_at, p.id`,
    [competitionId],
  );
}

/** The seat a session holds in a competition, to put a reconnecting player back where they were. */
export async function findPlayerBySession(
  db: Queryable,
  competitionId: string,
  sessionId: string,
): Promise<Player | undefined> {
  if (!isUuid(competitionId) || !isKey(sessionId)) return undefined;
  return (
    await db.query<Player>(
      `SELECT ${PLAYER_COLUMNS} FROM players p JOIN teams t ON t.id = p.team_id
       WHERE t.competition_id = $1 AND p.session_id = $2 ORDER BY p.joined_at DESC LIMIT 1`,
      [competitionId, sessionId],
    )
  )[0];
}

export async function removePlayer(db: Queryable, playerId: number): Promise<boolean> {
  if (!isIndex(playerId)) return false;
  return (await db.query('DELETE FROM players WHERE id = $1 RETURNING id', [playerId])).length === 1;
}
