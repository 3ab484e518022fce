// Checkpoints of running matches: the latest snapshot of each room and how far into its intent log it is, so a
// restarted server can restore the match. One row per room, overwritten as the match goes on, deleted at the end.
import type { Queryable } from '../database.ts';
import { isIndex, isKey, jsonText } from './input.ts';

export interface Checkpoint {
  roomId: string;
  snapshot: unknown;
  logPosition: number;
  updatedAt: Date;
}

const COLUMNS = `room_id AS "roomId", snapshot, log_position AS "logPosition", updated_at AS "updatedAt"`;

/** Stores the room's snapshot unless a later one (a higher log position) is already stored, so a slow write that
 * lands after a newer one cannot roll the match back. True when it was written. */
export async function saveCheckpoint(
  db: Queryable,
  roomId: string,
  snapshot: unknown,
  logPosition: number,
): Promise<boolean> {
  if (!isKey(roomId) || !isIndex(logPosition)) return false;
  const rows = await db.query(
    `INSERT INTO checkpoints (room_id, snapshot, log_position) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (room_id) DO UPDATE SET snapshot = excluded.snapshot, log_position = excluded.log_position,
       updated_at = now()
     WHERE checkpoints.log_position <= excluded.log_position
     RETURNING room_id`,
    [roomId, jsonText(snapshot, 'snapshot'), logPosition],
  );
  return rows.length === 1;
}

export async function getCheckpoint(db: Queryable, roomId: string): Promise<Checkpoint | undefined> {
  if (!isKey(roomId)) return undefined;
  return (await db.query<Checkpoint>(`SELECT ${COLUMNS} FROM checkpoints WHERE room_id = $1`, [roomId]))[0];
}

/** Every stored checkpoint, oldest update first: the matches to restore when the server starts. */
export async function listCheckpoints(db: Queryable): Promise<Checkpoint[]> {
  return db.query<Checkpoint>(`SELECT ${COLUMNS} FROM checkpoints ORDER BY updated_at, room_id`);
}

/** Drops a room's checkpoint when its match ends. False when it had none. */
export async function deleteCheckpoint(db: Queryable, roomId: string): Promise<boolean> {
  if (!isKey(roomId)) return false;
  return (await db.query('DELETE FROM checkpoints WHERE room_id = $1 RETURNING room_id', [roomId])).length === 1;
}
