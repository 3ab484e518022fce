// Published levels: a code, an author token (kept as its hash), and numbered versions, each a proven document.
// Versions are only ever added: a match, a checkpoint or a replay names the version it played, and that version
// reads the same for as long as the level exists. A deleted level keeps its code (never handed out again) and
// loses its versions: it can no longer be played or read.
import { randomInt } from 'node:crypto';
import { LEVEL_CODE_ALPHABET, LEVEL_CODE_LENGTH } from '../../../shared/protocol/levels.ts';
import type { Database, Queryable } from '../database.ts';
import { jsonText } from './input.ts';
import { newSecretToken, tokenMatches } from './secret-token.ts';

/** What is stored of one version: the document (a proven level) and its proof, both as the prover gave them. */
export interface LevelVersionInput {
  document: unknown;
  proof: unknown;
}

export interface StoredLevelVersion {
  code: string;
  version: number;
  latestVersion: number;
  /** Every version stored, oldest first. */
  versions: number[];
  document: unknown;
  proof: unknown;
  publishedAt: Date;
}

export type LevelRead = { ok: true; level: StoredLevelVersion } | { ok: false; code: 'unknown-level' | 'unknown-version' };

/** How many codes are tried before giving up: with 31^6 ≈ 887 million codes, a second try is already rare. */
const CODE_ATTEMPTS = 8;

export function newLevelCode(): string {
  return Array.from({ length: LEVEL_CODE_LENGTH }, () => LEVEL_CODE_ALPHABET[randomInt(LEVEL_CODE_ALPHABET.length)]).join('');
}

const CODE = new RegExp(`^[${LEVEL_CODE_ALPHABET}]{${LEVEL_CODE_LENGTH}}$`);
function isLevelCode(value: unknown): value is string {
  return typeof value === 'string' && CODE.test(value);
}

/** Stores a new level as its version 1 under a fresh code (another is drawn when one is taken); the author token is
 * returned here only. */
export async function publishLevel(
  db: Database,
  first: LevelVersionInput,
  drawCode: () => string = newLevelCode,
): Promise<{ code: string; version: 1; authorToken: string }> {
  const { token, sha256 } = newSecretToken();
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = drawCode();
    const stored = await db.transaction(async (tx) => {
      const rows = await tx.query<{ code: string }>(
        `INSERT INTO levels (code, author_token_sha256) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [code, sha256],
      );
      if (rows.length === 0) return false;
      await insertVersion(tx, code, 1, first);
      return true;
    });
    if (stored) return { code, version: 1, authorToken: token };
  }
  throw new Error(`no free level code after ${CODE_ATTEMPTS} tries`);
}

async function insertVersion(tx: Queryable, code: string, version: number, input: LevelVersionInput): Promise<void> {
  await tx.query(`INSERT INTO level_versions (code, version, document, proof) VALUES ($1, $2, $3::jsonb, $4::jsonb)`, [
    code,
    version,
    // The document's JSON text as a jsonb string, so its keys come back in the order they were written.
    jsonText(jsonText(input.document, 'level document'), 'level document'),
    jsonText(input.proof, 'level proof'),
  ]);
}

/** Adds the next version of a level that exists and is not deleted; undefined otherwise. The level's row is updated
 * first, which locks it: two new versions at once get consecutive numbers. */
export async function publishLevelVersion(
  db: Database,
  code: string,
  next: LevelVersionInput,
): Promise<{ code: string; version: number } | undefined> {
  if (!isLevelCode(code)) return undefined;
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ version: number }>(
      `UPDATE levels SET latest_version = latest_version + 1 WHERE code = $1 AND deleted_at IS NULL RETURNING latest_version AS version`,
      [code],
    );
    const version = rows[0]?.version;
    if (version === undefined) return undefined;
    await insertVersion(tx, code, version, next);
    return { code, version };
  });
}

/** A version of a level (the latest when none is named); a deleted level reads as unknown. */
export async function getLevel(db: Queryable, code: string, version?: number): Promise<LevelRead> {
  if (!isLevelCode(code)) return { ok: false, code: 'unknown-level' };
  const level = (
    await db.query<{ latestVersion: number; versions: number[] }>(
      `SELECT latest_version AS "latestVersion",
         ARRAY(SELECT version FROM level_versions v WHERE v.code = l.code ORDER BY version) AS versions
       FROM levels l WHERE code = $1 AND deleted_at IS NULL`,
      [code],
    )
  )[0];
  if (!level) return { ok: false, code: 'unknown-level' };
  const wanted = version ?? level.latestVersion;
  if (!Number.isSafeInteger(wanted) || wanted < 1) return { ok: false, code: 'unknown-version' };
  const row = (
    await db.query<{ document: unknown; proof: unknown; publishedAt: Date }>(
      `SELECT document, proof, published_at AS "publishedAt" FROM level_versions WHERE code = $1 AND version = $2`,
      [code, wanted],
    )
  )[0];
  if (!row) return { ok: false, code: 'unknown-version' };
  const document = typeof row.document === 'string' ? (JSON.parse(row.document) as unknown) : row.document;
  return { ok: true, level: { code, version: wanted, latestVersion: level.latestVersion, versions: level.versions.map(Number), document, proof: row.proof, publishedAt: row.publishedAt } };
}

/** True only when `token` is this level's author token (and the level is not deleted). */
export async function verifyAuthorToken(db: Queryable, code: string, token: unknown): Promise<boolean> {
  if (!isLevelCode(code)) return false;
  const rows = await db.query<{ hash: string }>(
    'SELECT author_token_sha256 AS hash FROM levels WHERE code = $1 AND deleted_at IS NULL',
    [code],
  );
  return tokenMatches(rows[0]?.hash, token);
}

/** Deletes a level: its versions go, its code stays taken. False when there was no such level (or it was gone). */
export async function deleteLevel(db: Database, code: string): Promise<boolean> {
  if (!isLevelCode(code)) return false;
  return db.transaction(async (tx) => {
    const rows = await tx.query('UPDATE levels SET deleted_at = now() WHERE code = $1 AND deleted_at IS NULL RETURNING code', [code]);
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM level_versions WHERE code = $1', [code]);
    return true;
  });
}
