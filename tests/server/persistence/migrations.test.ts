import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/persistence/database.ts';
import { loadMigrations, migrate } from '../../../server/persistence/migrate.ts';
import { createCompetition, verifyHostToken } from '../../../server/persistence/queries/competitions.ts';
import { listResults, saveResult } from '../../../server/persistence/queries/results.ts';
import { createTeams } from '../../../server/persistence/queries/teams.ts';
import { dropSchema, newSchemaName, openTestDatabase, POSTGRES_URL, skipPostgres, type BackendName } from './backends.ts';

const TABLES = ['audit_log', 'checkpoints', 'competitions', 'level_versions', 'levels', 'personal_bests', 'players', 'replays', 'results', 'teams'];

describe('the migration files', () => {
  it('are numbered from 001 without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(5);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  function dirWith(files: Record<string, string>): URL {
    const dir = mkdtempSync(join(tmpdir(), 'fivenines-migrations-'));
    dirs.push(dir);
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
    return pathToFileURL(`${dir}/`);
  }

  it('refuse a gap, a duplicate number and a badly named file', () => {
    expect(() => loadMigrations(dirWith({ '001_a.sql': '', '003_c.sql': '' }))).toThrow(/should be number 002/);
    expect(() => loadMigrations(dirWith({ '001_a.sql': '', '001_b.sql': '' }))).toThrow(/should be number 002/);
    expect(() => loadMigrations(dirWith({ '001_a.sql': '', 'notes.txt': '' }))).toThrow(/NNN_name\.sql/);
  });
});

for (const backend of ['pglite', 'postgres'] as const satisfies readonly BackendName[]) {
  describe.skipIf(backend === 'postgres' && skipPostgres)(`migrations [${backend}]`, () => {
    it('create every table once, and do nothing the second time', async () => {
      const { db, dispose } = await openTestDatabase(backend, { migrate: false });
      try {
        const all = loadMigrations().map((m) => m.version);
        expect(await migrate(db)).toEqual(all);
        expect(await migrate(db)).toEqual([]);
        const tables = await db.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' ORDER BY table_name`,
        );
        expect(tables.map((t) => t.name)).toEqual(TABLES);
        const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(recorded.map((r) => r.version)).toEqual(all);
      } finally {
        await dispose();
      }
    });

    it('apply only the new ones, and refuse an applied migration that changed', async () => {
      const { db, dispose } = await openTestDatabase(backend, { migrate: false });
      try {
        const all = loadMigrations();
        expect(await migrate(db, all.slice(0, 2))).toEqual([1, 2]);
        expect(await migrate(db, all)).toEqual(all.slice(2).map((m) => m.version));
        const edited = all.map((m) => (m.version === 2 ? { ...m, checksum: 'f'.repeat(64) } : m));
        await expect(migrate(db, edited)).rejects.toThrow(/migration 2 \(results\) changed/);
        await expect(migrate(db, all.slice(0, 4))).rejects.toThrow(/this version of the server lacks/);
      } finally {
        await dispose();
      }
    });
  });
}

describe.skipIf(skipPostgres)('migrations on one PostgreSQL from several processes at once', () => {
  it('apply once, with no error in any of them', async () => {
    const schema = newSchemaName();
    try {
      const opened = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ databaseUrl: POSTGRES_URL, schema, migrate: false })),
      );
      const applied = await Promise.all(opened.map((db) => migrate(db)));
      // One of them did the work; the others waited on the lock and found nothing left to do.
      expect(applied.filter((versions) => versions.length > 0)).toHaveLength(1);
      expect(applied.flat().sort()).toEqual(loadMigrations().map((m) => m.version));
      const [count] = await opened[0]!.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
      expect(count!.n).toBe(loadMigrations().length);
      await Promise.all(opened.map((db) => db.close()));
    } finally {
      await dropSchema(schema);
    }
  });

  it('also when the processes open (and so migrate) at the same moment', async () => {
    const schema = newSchemaName();
    try {
      const opened = await Promise.all(Array.from({ length: 3 }, () => openDatabase({ databaseUrl: POSTGRES_URL, schema })));
      expect(await opened[1]!.query('SELECT * FROM competitions')).toEqual([]);
      await Promise.all(opened.map((db) => db.close()));
    } finally {
      await dropSchema(schema);
    }
  });
});

describe.skipIf(skipPostgres)('a PostgreSQL schema', () => {
  it('keeps its rows when the server process closes its pool and opens a new one', async () => {
    const schema = newSchemaName();
    try {
      const first = await openDatabase({ databaseUrl: POSTGRES_URL, schema });
      await first.query(`INSERT INTO checkpoints (room_id, snapshot, log_position) VALUES ('r1', '{"t": 1}', 9)`);
      await first.close();
      const second = await openDatabase({ databaseUrl: POSTGRES_URL, schema });
      expect(await migrate(second)).toEqual([]);
      expect(await second.query('SELECT room_id, snapshot, log_position FROM checkpoints')).toEqual([
        { room_id: 'r1', snapshot: { t: 1 }, log_position: 9 },
      ]);
      await second.close();
    } finally {
      await dropSchema(schema);
    }
  });
});

describe('a PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fivenines-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its results across close and reopen, and is not migrated twice', async () => {
    const first = await openDatabase({ dataDir: dir });
    const created = await createCompetition(first, {
      joinCode: 'KEEPME',
      scenarioId: 'az-outage',
      seed: 3,
      settings: { teamCount: 1, teamSize: 1, buildTimeS: 0, speed: 1 },
    });
    if (!created.ok) throw new Error(created.code);
    await createTeams(first, created.competition.id, ['Survivors']);
    const saved = {
      score: 640,
      stars: 2,
      availability: 0.99,
      latencyP95Ms: 95,
      costUsd: 10,
      revenueUsd: 20,
      objectives: [],
      firstFailure: null,
      design: { components: [] },
      availabilitySeries: [],
    };
    await saveResult(first, created.competition.id, 0, saved);
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    try {
      expect(await migrate(second)).toEqual([]);
      expect(await listResults(second, created.competition.id)).toEqual([
        expect.objectContaining({ ...saved, rank: 1, teamName: 'Survivors' }),
      ]);
      expect(await verifyHostToken(second, created.competition.id, created.hostToken)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
