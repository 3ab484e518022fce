import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, databaseOptionsFromEnv, openDatabase } from '../../../server/persistence/database.ts';
import { pgliteTemplate } from '../../support/pglite-template.ts';
import { describeOnBothDatabases, postgresProblem } from './backends.ts';

describe('databaseOptionsFromEnv', () => {
  it('uses PGlite in the default data directory when nothing is set', () => {
    expect(databaseOptionsFromEnv({})).toEqual({});
    expect(databaseOptionsFromEnv({ DATABASE_URL: '', DATA_DIR: '  ' })).toEqual({});
  });

  it('reads DATABASE_URL and DATA_DIR', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: 'postgres://u@h/db', DATA_DIR: '/var/lib/fivenines' })).toEqual({
      databaseUrl: 'postgres://u@h/db',
      dataDir: '/var/lib/fivenines',
    });
  });

  it('puts the default data directory under data/pglite at the top of the repository', () => {
    expect(DEFAULT_DATA_DIR.replaceAll('\\', '/')).toMatch(/\/data\/pglite$/);
    expect(DEFAULT_DATA_DIR).not.toMatch(/server/);
  });
});

describe('openDatabase', () => {
  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openDatabase({ dataDir: 'memory://', schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(/schema/);
  });

  it('starts a new data folder from a dump and opens a folder that holds a cluster as it is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'five-nines-template-'));
    const template = await pgliteTemplate();
    const first = await openDatabase({ dataDir, pgliteTemplate: template });
    await first.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');
    await first.close();
    // Again with the dump: PGlite would refuse to load it over the cluster; the folder's own rows are there.
    const again = await openDatabase({ dataDir, pgliteTemplate: template });
    expect(await again.query<{ n: number }>('SELECT n FROM kept')).toEqual([{ n: 7 }]);
    await again.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it.skipIf(!process.env.CI)('finds the PostgreSQL server in CI', () => {
    expect(postgresProblem).toBeUndefined();
  });
});

describeOnBothDatabases('the database handle', (db, backend) => {
  it('says which kind it is', () => {
    expect(db().kind).toBe(backend);
  });

  it('returns the same JavaScript types on both', async () => {
    const [row] = await db().query<{ big: number; at: Date; doc: unknown; text: string | null; n: number }>(
      `SELECT 9007199254740991::bigint AS big, now() AS at, $1::jsonb AS doc, $2::text AS text, 2.5::float8 AS n`,
      [JSON.stringify({ a: [1, 'two'] }), null],
    );
    expect(row).toEqual({ big: 9007199254740991, at: expect.any(Date), doc: { a: [1, 'two'] }, text: null, n: 2.5 });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db().exec('CREATE TABLE tx_probe (x integer PRIMARY KEY)');
    const result = await db().transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES ($1)', [1]);
      return 'done';
    });
    expect(result).toBe('done');
    await expect(
      db().transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [2]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      db().transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [3]);
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [1]); // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db().query('SELECT x FROM tx_probe ORDER BY x')).toEqual([{ x: 1 }]);
    // The handle still works after the failures.
    expect(await db().query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
