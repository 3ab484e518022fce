// A bare PGlite cluster (after initdb, before migrations), dumped once and kept in the temporary directory for every
// later test file and run: initdb costs seconds (over fifteen on a loaded two-core machine), loading the dump a
// fraction of that. Used by the database tests (tests/server/persistence/backends.ts) and by every test server with
// an in-memory database (server-process.ts passes its path as TEST_PGLITE_TEMPLATE).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let made: Promise<string> | undefined;

/** The dump's path, made on first use. Keyed by PGlite's version; written to a temporary name and renamed, so a
 * reader (another test file, another run) never sees half a file. */
export function pgliteTemplatePath(): Promise<string> {
  made ??= make();
  return made;
}

async function make(): Promise<string> {
  const require = createRequire(import.meta.url);
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const path = join(tmpdir(), `fivenines-pglite-initdb-${version}.tar`);
  if (existsSync(path)) return path;
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return path;
}

/** The dump itself, for a database opened in the test's own process. */
export async function pgliteTemplate(): Promise<Blob> {
  return new Blob([readFileSync(await pgliteTemplatePath())]);
}
