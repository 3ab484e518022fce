// Runs the same tests against both databases: PGlite in memory, and the PostgreSQL server (TEST_DATABASE_URL, by
// default the local one). Each PostgreSQL suite works in a schema of its own, dropped afterwards, so parallel runs
// and parallel files never see each other's rows. Without a reachable server the PostgreSQL half is skipped with
// the reason printed, unless CI is set: there a missing server is a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database, type DatabaseOptions } from '../../../server/persistence/database.ts';
import { pgliteTemplate } from '../../support/pglite-template.ts';

export type BackendName = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const IN_CI = Boolean(process.env.CI);

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `${POSTGRES_URL} unreachable (${(error as Error).message || (error as { code?: string }).code})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the PostgreSQL server cannot be used, or undefined when it can. */
export const postgresProblem = await probePostgres();
/** Skip the PostgreSQL half: only outside CI, and only when the server is not there. */
export const skipPostgres = postgresProblem !== undefined && !IN_CI;
if (postgresProblem !== undefined) {
  console.warn(
    skipPostgres
      ? `PostgreSQL tests skipped: ${postgresProblem}. Start a server or set TEST_DATABASE_URL to run them.`
      : `PostgreSQL tests will fail: ${postgresProblem}, and CI is set.`,
  );
}

let template: Promise<Blob> | undefined;

export function newSchemaName(): string {
  return `fivenines_test_${randomBytes(6).toString('hex')}`;
}

export interface TestDatabase {
  db: Database;
  /** Closes it and, on PostgreSQL, drops its schema. */
  dispose(): Promise<void>;
}

/** A fresh, empty database of the given kind: PGlite in memory, or a new schema on the PostgreSQL server. */
export async function openTestDatabase(
  backend: BackendName,
  options: Omit<DatabaseOptions, 'databaseUrl' | 'schema'> & { schema?: string } = {},
): Promise<TestDatabase> {
  if (backend === 'pglite') {
    template ??= pgliteTemplate();
    const db = await openDatabase({ dataDir: 'memory://', pgliteTemplate: await template, ...options });
    return { db, dispose: () => db.close() };
  }
  const schema = options.schema ?? newSchemaName();
  const db = await openDatabase({ ...options, databaseUrl: POSTGRES_URL, schema });
  return { db, dispose: () => disposePostgres(db, schema) };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function disposePostgres(db: Database, schema: string): Promise<void> {
  await db.close();
  await dropSchema(schema);
}

/** Declares `body` twice, once per database, each with its own migrated database shared by the suite's tests. */
export function describeOnBothDatabases(
  title: string,
  body: (db: () => Database, backend: BackendName) => void,
): void {
  for (const backend of ['pglite', 'postgres'] as const) {
    describe.skipIf(backend === 'postgres' && skipPostgres)(`${title} [${backend}]`, () => {
      let opened: TestDatabase | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(backend);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(() => {
        if (!opened) throw new Error(`the ${backend} database did not open`);
        return opened.db;
      }, backend);
    });
  }
}
