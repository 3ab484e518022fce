// The one door to the database. PGlite (real PostgreSQL compiled to WebAssembly, in this process, files under a data
// directory) when no DATABASE_URL is set, so a fresh machine needs no database server; a PostgreSQL server through a
// `pg` pool when it is. Both speak the same SQL (PostgreSQL dialect, $1 placeholders) and return the same JavaScript
// types: bigint columns come back as numbers on both (exact up to 2^53), timestamptz as Date, jsonb as parsed JSON.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrate.ts';

/** What queries run on: the database itself or an open transaction. Every query function takes one of these. */
export interface Queryable {
  /** One statement with $1… parameters; the rows it returned (empty for statements that return none). */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** The schema every connection works in (search_path), when one was chosen; otherwise the server's default. */
  readonly schema: string | undefined;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (and the error rethrown). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data directory: a path (created if missing) or 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** Work inside this schema (created by the migrations if missing). Tests use one per run so runs never collide. */
  schema?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Largest number of pooled connections to a PostgreSQL server (default 10). */
  maxConnections?: number;
  /** PGlite only: a data directory dumped by PGlite's dumpDataDir to start from instead of running initdb, which
   * takes seconds. Tests use one to open many fresh databases quickly. Ignored for a data dir that holds a cluster. */
  pgliteTemplate?: Blob;
}

/** PGlite's data directory when none is given: data/pglite at the top of the repository (ignored by git). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/pglite', import.meta.url));

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads DATABASE_URL and DATA_DIR; empty values count as unset. */
export function databaseOptionsFromEnv(env: Record<string, string | undefined>): DatabaseOptions {
  const options: DatabaseOptions = {};
  const url = env.DATABASE_URL?.trim();
  const dataDir = env.DATA_DIR?.trim();
  if (url) options.databaseUrl = url;
  if (dataDir) options.dataDir = dataDir;
  return options;
}

/** Opens the database the options name and, unless told otherwise, brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`schema must be a lower-case SQL identifier (letters, digits, _), not "${options.schema}"`);
  }
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl, options) : await openPglite(options);
  try {
    if (options.migrate === false) await db.query('SELECT 1');
    else await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function resolveDataDir(dataDir: string | undefined): string {
  if (dataDir === undefined) return DEFAULT_DATA_DIR;
  if (dataDir.includes('://')) return dataDir;
  return isAbsolute(dataDir) ? dataDir : resolve(dataDir);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = resolveDataDir(options.dataDir);
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  // PGlite refuses to load a dump over a cluster: a data folder that has one already opens as it is.
  const fresh = dataDir.includes('://') || !existsSync(join(dataDir, 'PG_VERSION'));
  const pglite = await PGlite.create(dataDir, options.pgliteTemplate && fresh ? { loadDataDir: options.pgliteTemplate } : {});
  // PGlite is one connection, so a session setting holds for every later query.
  if (options.schema !== undefined) await pglite.exec(`SET search_path TO "${options.schema}"`);
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await target.query<T>(sql, params ? [...params] : undefined)).rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    schema: options.schema,
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}

const INT8_OID = 20;

async function openPostgres(connectionString: string, options: DatabaseOptions): Promise<Database> {
  const config: pg.PoolConfig = {
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    // bigint as a number, as PGlite gives it, instead of pg's default string.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
    },
  };
  // Set at connect time, so every pooled connection works in the schema, with no extra round trip per query.
  if (options.schema !== undefined) config.options = `-c search_path=${options.schema}`;
  const pool = new pg.Pool(config);
  // An idle connection dropped by the server must not crash the process: the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await target.query(sql, params ? [...params] : undefined)).rows as T[];
    },
    async exec(sql: string): Promise<void> {
      await target.query(sql);
    },
  });
  return {
    kind: 'postgres',
    schema: options.schema,
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          client.release(rollbackError as Error); // a connection that cannot roll back is discarded
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
