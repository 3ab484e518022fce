import { expect, it } from 'vitest';
import { createCompetition, getCompetition } from '../../../server/persistence/queries/competitions.ts';
import {
  deleteLevel,
  getLevel,
  newLevelCode,
  publishLevel,
  publishLevelVersion,
  verifyAuthorToken,
} from '../../../server/persistence/queries/levels.ts';
import { levelCodeSchema } from '../../../shared/protocol/levels.ts';
import { describeOnBothDatabases } from './backends.ts';

// A document whose key order a jsonb object would not keep (jsonb sorts keys by length, then bytes): a board is
// built in the order its template writes its resources, so a level must come back exactly as it was written.
const document = (title: string) => ({
  title,
  start: { stacks: [{ name: 'web', region: 'us-east-1', template: { Resources: { Zebra: { Type: 'A' }, Ant: { Type: 'B' }, Mid: { Type: 'C' } } } }] },
});
const proof = { seed: 1, publishable: true, naiveWins: false };

describeOnBothDatabases('published levels', (db) => {
  it('are stored under a fresh code as version 1, read back exactly, with only the hash of the author token', async () => {
    const published = await publishLevel(db(), { document: document('First'), proof });
    expect(levelCodeSchema.safeParse(published.code).success).toBe(true);
    expect(published.version).toBe(1);
    const read = await getLevel(db(), published.code);
    if (!read.ok) throw new Error(read.code);
    expect(read.level).toMatchObject({ code: published.code, version: 1, latestVersion: 1, versions: [1], proof });
    expect(JSON.stringify(read.level.document)).toBe(JSON.stringify(document('First')));
    expect(read.level.publishedAt).toBeInstanceOf(Date);
    const [row] = await db().query<{ hash: string }>('SELECT author_token_sha256 AS hash FROM levels WHERE code = $1', [published.code]);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.hash).not.toContain(published.authorToken);
    expect(await verifyAuthorToken(db(), published.code, published.authorToken)).toBe(true);
    for (const wrong of [undefined, '', 'guess', published.authorToken + 'x', 'x'.repeat(600)]) expect(await verifyAuthorToken(db(), published.code, wrong)).toBe(false);
  });

  it('draw another code when the first is taken', async () => {
    const taken = await publishLevel(db(), { document: document('Taken'), proof });
    const codes = [taken.code, taken.code, newLevelCode()];
    const next = await publishLevel(db(), { document: document('Next'), proof }, () => codes.shift()!);
    expect(next.code).not.toBe(taken.code);
    expect(codes).toEqual([]);
    const first = await getLevel(db(), taken.code);
    expect(first.ok && (first.level.document as { title: string }).title).toBe('Taken');
  });

  it('get consecutive versions, at once too, and keep the old ones as they were', async () => {
    const { code } = await publishLevel(db(), { document: document('v1'), proof });
    const added = await Promise.all(['v2', 'v3', 'v4'].map((t) => publishLevelVersion(db(), code, { document: document(t), proof })));
    expect(added.map((a) => a?.version).sort()).toEqual([2, 3, 4]);
    const latest = await getLevel(db(), code);
    expect(latest.ok && latest.level).toMatchObject({ version: 4, latestVersion: 4, versions: [1, 2, 3, 4] });
    const first = await getLevel(db(), code, 1);
    expect(first.ok && (first.level.document as { title: string }).title).toBe('v1');
    expect(await getLevel(db(), code, 5)).toEqual({ ok: false, code: 'unknown-version' });
    expect(await getLevel(db(), code, 0)).toEqual({ ok: false, code: 'unknown-version' });
  });

  it('once deleted, refuse reads, new versions and the token, and keep the code taken', async () => {
    const { code, authorToken } = await publishLevel(db(), { document: document('Gone'), proof });
    expect(await deleteLevel(db(), code)).toBe(true);
    expect(await deleteLevel(db(), code)).toBe(false);
    expect(await getLevel(db(), code)).toEqual({ ok: false, code: 'unknown-level' });
    expect(await getLevel(db(), code, 1)).toEqual({ ok: false, code: 'unknown-level' });
    expect(await publishLevelVersion(db(), code, { document: document('Back'), proof })).toBeUndefined();
    expect(await verifyAuthorToken(db(), code, authorToken)).toBe(false);
    const [versions] = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM level_versions WHERE code = $1', [code]);
    expect(versions!.n).toBe(0);
    // Its code is never handed out again: a draw that only ever gives it finds no free code.
    await expect(publishLevel(db(), { document: document('New'), proof }, () => code)).rejects.toThrow(/no free level code/);
  });

  it('answer nothing, without an error, for malformed codes', async () => {
    for (const code of ['', 'abc', 'IIIIII', 'AAAAAAA', "A'; --"]) {
      expect(await getLevel(db(), code)).toEqual({ ok: false, code: 'unknown-level' });
      expect(await verifyAuthorToken(db(), code, 'x')).toBe(false);
      expect(await deleteLevel(db(), code)).toBe(false);
      expect(await publishLevelVersion(db(), code, { document: document('x'), proof })).toBeUndefined();
    }
  });

  it('are named by the competitions that play them', async () => {
    const { code } = await publishLevel(db(), { document: document('Class'), proof });
    const settings = { teamCount: 2, teamSize: 1, buildTimeS: 0, speed: 1 };
    const created = await createCompetition(db(), { joinCode: `L${code}`, scenarioId: `level:${code}`, level: { code, version: 1 }, seed: 1, settings });
    if (!created.ok) throw new Error(created.code);
    expect(created.competition.level).toEqual({ code, version: 1 });
    expect((await getCompetition(db(), created.competition.id))?.level).toEqual({ code, version: 1 });
    const plain = await createCompetition(db(), { joinCode: `P${code}`, scenarioId: 'az-outage', seed: 1, settings });
    expect(plain.ok && plain.competition.level).toBeNull();
  });
});
