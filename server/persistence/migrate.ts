// Versioned migrations: migrations/NNN_name.sql, applied in order of NNN, all pending ones in one transaction, each
// recorded in schema_migrations with a checksum of its text. Plain .sql files (not TS strings) so they read and run as
// SQL anywhere (psql, an editor's SQL mode) and a reviewer sees the schema without the code around it.
//
// Safe when several processes start at once against one PostgreSQL: the transaction first takes a transaction-scoped
// advisory lock keyed by the schema, so the others wait, then find the work done. PGlite is one process and one
// connection; the lock costs nothing there.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;
/** First key of the advisory lock: any fixed number; the second is a hash of the schema name. */
const MIGRATION_LOCK = 599_999;

/** Reads the migration files, in order, and refuses gaps, duplicates and names that don't follow NNN_name.sql. */
export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`migration file "${file}" is not named NNN_name.sql`);
    const sql = readFileSync(new URL(file, dir), 'utf8');
    const version = Number(match[1]);
    if (version !== migrations.length + 1) {
      throw new Error(`migration ${file} should be number ${String(migrations.length + 1).padStart(3, '0')}`);
    }
    migrations.push({ version, name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

/** Applies the pending migrations; returns the versions it applied (empty when the schema was up to date). */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  const schema = db.schema;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema ?? '']);
    if (schema !== undefined) await tx.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied) {
      const migration = known.get(row.version);
      if (!migration) {
        throw new Error(`the database has migration ${row.version} (${row.name}), which this version of the server lacks`);
      }
      if (migration.checksum !== row.checksum) {
        throw new Error(`migration ${row.version} (${row.name}) changed after it was applied: add a new migration instead`);
      }
    }
    const done = new Set(applied.map((row) => row.version));
    const versions: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      versions.push(migration.version);
    }
    return versions;
  });
}
