// Where running matches are kept across restarts: a checkpoint per room in the database, written every
// CHECKPOINT_EVERY_MS while a match runs and when the server shuts down, read back when it starts.
import { deleteCheckpoint, getCheckpoint, listCheckpoints, saveCheckpoint } from './persistence/queries/checkpoints.ts';
import type { Database } from './persistence/database.ts';

export const CHECKPOINT_EVERY_MS = 30_000;

export interface MatchStore {
  /** Resolves once the database is open (it opens in the background: the server listens meanwhile). */
  ready: Promise<Database | undefined>;
  save(roomId: string, snapshot: unknown, logPosition: number): Promise<boolean>;
  load(roomId: string): Promise<unknown>;
  remove(roomId: string): Promise<void>;
  /** Room codes with a checkpoint, to restore at start-up. */
  pending(): Promise<string[]>;
  /** 'opening' until the database answers, then 'ready' (or 'none' if it could not be opened). */
  readonly status: () => 'opening' | 'ready' | 'none';
  /** Closes the database if it is open; one still opening is closed as soon as it has (shutdown never waits for initdb). */
  close(): Promise<void>;
}

export function matchStore(open: () => Promise<Database>): MatchStore {
  let opened: Database | undefined;
  let closing = false;
  let status: 'opening' | 'ready' | 'none' = 'opening';
  const ready = open().then(
    async (db) => {
      if (closing) {
        await db.close();
        return undefined;
      }
      opened = db;
      status = 'ready';
      return db;
    },
    (error: unknown) => {
      status = 'none';
      console.error(`the database could not be opened; matches will not survive a restart: ${(error as Error).message}`);
      return undefined;
    },
  );
  return {
    status: () => status,
    async close() {
      closing = true;
      const db = opened;
      opened = undefined;
      await db?.close();
    },
    ready,
    // Stored as JSON text inside the jsonb column: jsonb reorders object keys, and a restored match must be
    // the same to the byte (its state hash covers the design as written).
    async save(roomId, snapshot, logPosition) {
      const db = await ready;
      return db ? saveCheckpoint(db, roomId, { json: JSON.stringify(snapshot) }, logPosition) : false;
    },
    async load(roomId) {
      const db = await ready;
      const stored = db ? (await getCheckpoint(db, roomId))?.snapshot : undefined;
      const json = (stored as { json?: unknown } | undefined)?.json;
      if (typeof json !== 'string') return undefined;
      try {
        return JSON.parse(json) as unknown;
      } catch {
        return undefined;
      }
    },
    async remove(roomId) {
      const db = await ready;
      if (db) await deleteCheckpoint(db, roomId);
    },
    async pending() {
      const db = await ready;
      return db ? (await listCheckpoints(db)).map((c) => c.roomId) : [];
    },
  };
}
