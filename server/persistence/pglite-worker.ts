// The embedded database's own thread. PGlite is PostgreSQL compiled to WebAssembly: opening it (initdb) takes
// seconds and every query runs synchronously on the thread that calls it. Here it runs on a worker, so the
// game loop never waits for the database. Requests arrive as messages; transactions are held open by id
// until the main thread ends them.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Queryable } from './database.ts';
import type { WorkerDatabaseOptions } from './worker-database.ts';

interface Request {
  id: number;
  op: 'query' | 'exec' | 'begin' | 'end' | 'close';
  sql?: string;
  params?: unknown[];
  tx?: number;
  commit?: boolean;
}

const port = parentPort!;
const { templatePath, ...options } = workerData as WorkerDatabaseOptions;
const opened = openDatabase(templatePath ? { ...options, pgliteTemplate: new Blob([readFileSync(templatePath)]) } : options);
const open = new Map<number, { tx: Queryable; finish: (commit: boolean) => void }>();

function reply(id: number, result: unknown): void {
  port.postMessage({ id, ok: true, result });
}
function fail(id: number, error: unknown): void {
  const e = error as { message?: string; code?: string };
  port.postMessage({ id, ok: false, message: e?.message ?? String(error), code: e?.code });
}

opened.then(
  () => port.postMessage({ id: 0, ok: true, result: 'ready' }),
  (error: unknown) => fail(0, error),
);

port.on('message', async (req: Request) => {
  try {
    const db = await opened;
    switch (req.op) {
      case 'query': {
        const target = req.tx === undefined ? db : open.get(req.tx)?.tx;
        if (!target) throw new Error(`transaction ${req.tx} is not open`);
        return reply(req.id, await target.query(req.sql!, req.params));
      }
      case 'exec': {
        const target = req.tx === undefined ? db : open.get(req.tx)?.tx;
        if (!target) throw new Error(`transaction ${req.tx} is not open`);
        await target.exec(req.sql!);
        return reply(req.id, null);
      }
      case 'begin': {
        // The transaction stays open until an 'end' for its id: the main thread runs its queries meanwhile.
        let started!: () => void;
        const ready = new Promise<void>((resolve) => (started = resolve));
        const done = db
          .transaction(
            (tx) =>
              new Promise<void>((resolve, reject) => {
                open.set(req.id, { tx, finish: (commit) => (commit ? resolve() : reject(new Error('rolled back'))) });
                started();
              }),
          )
          .catch(() => undefined)
          .finally(() => open.delete(req.id));
        await ready;
        reply(req.id, req.id);
        await done;
        return;
      }
      case 'end': {
        const held = open.get(req.tx!);
        if (!held) throw new Error(`transaction ${req.tx} is not open`);
        held.finish(req.commit === true);
        return reply(req.id, null);
      }
      case 'close':
        await db.close();
        return reply(req.id, null);
    }
  } catch (error) {
    fail(req.id, error);
  }
});
