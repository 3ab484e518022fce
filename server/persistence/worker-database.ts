// The Database interface over the PGlite worker (pglite-worker.ts): the same queries, answered off the game
// loop's thread. Used for the embedded database; a PostgreSQL server is reached over the network anyway.
import { Worker } from 'node:worker_threads';
import type { Database, DatabaseOptions, Queryable } from './database.ts';

/** What the worker opens: the options, and the path of a PGlite dump to start from (instead of a Blob, which the
 * worker reads itself). */
export type WorkerDatabaseOptions = DatabaseOptions & { templatePath?: string };

export async function openDatabaseInWorker(options: WorkerDatabaseOptions): Promise<Database> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: options });
  worker.unref();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  let ready!: (value: unknown) => void;
  let broken!: (error: Error) => void;
  const opened = new Promise((resolve, reject) => ((ready = resolve), (broken = reject)));
  pending.set(0, { resolve: ready, reject: broken });

  worker.on('message', (m: { id: number; ok: boolean; result?: unknown; message?: string; code?: string }) => {
    const waiting = pending.get(m.id);
    if (!waiting) return;
    pending.delete(m.id);
    if (m.ok) waiting.resolve(m.result);
    else waiting.reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
  });
  worker.on('error', (error) => {
    for (const w of pending.values()) w.reject(error);
    pending.clear();
  });

  const call = (message: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });

  const queryable = (tx?: number): Queryable => ({
    query: <T>(sql: string, params?: readonly unknown[]) =>
      call({ op: 'query', sql, params: params ? [...params] : undefined, ...(tx !== undefined ? { tx } : {}) }) as Promise<T[]>,
    exec: async (sql: string) => {
      await call({ op: 'exec', sql, ...(tx !== undefined ? { tx } : {}) });
    },
  });

  await opened;
  return {
    kind: 'pglite',
    schema: options.schema,
    ...queryable(),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = (await call({ op: 'begin' })) as number;
      try {
        const result = await fn(queryable(tx));
        await call({ op: 'end', tx, commit: true });
        return result;
      } catch (error) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await call({ op: 'close' });
      await worker.terminate();
    },
  };
}
