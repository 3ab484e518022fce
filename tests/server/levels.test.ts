import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplayRecord, parseReplayFile } from '../../shared/match/replay-file.ts';
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import { joinRefusal } from '../../shared/protocol/join-refusal.ts';
import { LEVEL_LIMITS, parseLevelText } from '../../shared/scenario/level.ts';
import type { LevelApiError, LevelRecord, PublishedLevel } from '../../shared/protocol/levels.ts';
import { MATCH_ROOM } from '../../shared/protocol/messages.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { openDatabase } from '../../server/persistence/database.ts';
import { createRoom, joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

// Published levels over real HTTP and real rooms (issue 17): the server proves, stores and versions a level,
// only its author changes it, bad bodies change nothing, and rooms, competitions and replays play the version
// they were made with. The server keeps its database in a folder of this test's own, read after it stops.
const dataDir = mkdtempSync(join(tmpdir(), 'five-nines-levels-'));
let server: RunningServer | undefined;
let url = '';
/** Levels and versions this file stored on purpose: the database must hold exactly these at the end. */
const stored = { levels: 0, versions: 0 };

beforeAll(async () => {
  server = await startServer('server/main.ts', { DATA_DIR: dataDir });
  url = server.url;
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

async function call<T = unknown>(method: string, path: string, options: { body?: string; token?: string; json?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${url}${path}`, { method, headers, body: options.json !== undefined ? JSON.stringify(options.json) : options.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a YAML file or an empty answer: kept as text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Campaign level 1 as a level: its afternoon peak sinks the naive design's one small server. */
async function levelOne(): Promise<Scenario> {
  const answer = await call<{ level: Scenario }>('GET', '/api/scenarios/one-web-server/level');
  expect(answer.status).toBe(200);
  return answer.body.level;
}

/** Level 1 shortened to ten minutes, so a match of it plays out in seconds (both its designs win it). */
async function shortLevel(title: string): Promise<Scenario> {
  const level = await levelOne();
  return { ...level, title, durationS: 600, events: level.events.filter((e) => e.atS < 600) };
}

async function publish(level: unknown): Promise<PublishedLevel> {
  const answer = await call<PublishedLevel>('POST', '/api/levels', { json: { level } });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 400)).toBe(201);
  stored.levels++;
  stored.versions++;
  return answer.body;
}

const stateOf = (p: Player) => p.state() as unknown as { levelCode: string; levelVersion: number; title: string; scenarioId: string; phase: string };

describe('a published level over HTTP', () => {
  it('is published, read, exported and re-imported identically, versioned by its author only, and deleted', async () => {
    const first = await shortLevel('Ten minutes of one server');
    const published = await publish(first);
    expect(published.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(published.version).toBe(1);
    expect(published.authorToken!.length).toBeGreaterThan(30);
    expect(published.link).toBe(`${url}/?level=${published.code}`);
    expect(published.proof.publishable).toBe(true);
    expect(published.proof.reference.primaryMet).toBe(true);

    const read = await call<LevelRecord>('GET', `/api/levels/${published.code}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ code: published.code, version: 1, latestVersion: 1, versions: [1], proof: published.proof });
    expect(read.body.level.title).toBe('Ten minutes of one server');
    expect(read.body.level.level).toBeUndefined();
    expect(read.body.summary).toMatchObject({ title: 'Ten minutes of one server', durationS: 600, level: { code: published.code, version: 1 } });
    expect(Number.isNaN(Date.parse(read.body.publishedAt))).toBe(false);

    // The YAML file names its level and version, and reads back to the very same level.
    const yaml = await call<string>('GET', `/api/levels/${published.code}/level.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-disposition')).toBe(`attachment; filename="five-nines-level-${published.code}-v1.yaml"`);
    const imported = parseLevelText(yaml.body);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.level).toEqual(read.body.level);

    // A new version, with the author token: the old one stays as it was.
    const second = { ...first, title: 'Ten minutes, version two' };
    const put = await call<PublishedLevel>('PUT', `/api/levels/${published.code}`, { json: { level: second }, token: published.authorToken });
    expect(put.status).toBe(200);
    stored.versions++;
    expect(put.body).toMatchObject({ code: published.code, version: 2 });
    expect(put.body.authorToken).toBeUndefined();
    expect((await call<LevelRecord>('GET', `/api/levels/${published.code}`)).body).toMatchObject({ version: 2, latestVersion: 2, versions: [1, 2], level: { title: 'Ten minutes, version two' } });
    expect((await call<LevelRecord>('GET', `/api/levels/${published.code}?version=1`)).body).toMatchObject({ version: 1, latestVersion: 2, level: { title: 'Ten minutes of one server' } });
    expect((await call<LevelApiError>('GET', `/api/levels/${published.code}?version=3`)).body.code).toBe('unknown-version');
    expect((await call<LevelApiError>('GET', `/api/levels/${published.code}?version=first`)).status).toBe(400);

    // Without the token, or with another level's, nothing changes.
    const other = await publish(first);
    for (const token of [undefined, 'guess', other.authorToken]) {
      const denied = await call<LevelApiError>('PUT', `/api/levels/${published.code}`, { json: { level: { ...first, title: 'Hijacked' } }, ...(token ? { token } : {}) });
      expect(denied.status).toBe(401);
      expect(denied.body.code).toBe('unauthorized');
      expect(denied.headers.get('www-authenticate')).toBe('Bearer');
      expect((await call<LevelApiError>('DELETE', `/api/levels/${published.code}`, token ? { token } : {})).status).toBe(401);
    }
    expect((await call<LevelRecord>('GET', `/api/levels/${published.code}`)).body).toMatchObject({ versions: [1, 2], level: { title: 'Ten minutes, version two' } });

    // Deleted: neither read nor exported nor played, and its token changes nothing any more.
    expect((await call('DELETE', `/api/levels/${published.code}`, { token: published.authorToken })).status).toBe(204);
    stored.versions -= 2;
    for (const path of [`/api/levels/${published.code}`, `/api/levels/${published.code}/level.yaml`, `/api/levels/${published.code}?version=1`]) {
      const gone = await call<LevelApiError>('GET', path);
      expect(gone.status, path).toBe(404);
      expect(gone.body.code).toBe('unknown-level');
    }
    expect((await call('PUT', `/api/levels/${published.code}`, { json: { level: first }, token: published.authorToken })).status).toBe(404);
    const refused = await new Client(url).create(MATCH_ROOM, { nickname: 'Late', mode: 'solo', level: { code: published.code } }).then(
      () => undefined,
      (error: { code?: number; message?: string }) => joinRefusal(error.code, String(error.message ?? '')),
    );
    expect(refused?.code).toBe('unknown-level');
    expect((await call<LevelApiError>('GET', '/api/levels/ZZZZZZ')).body.code).toBe('unknown-level');
    expect((await call<LevelApiError>('GET', '/api/levels/not-a-code')).status).toBe(404);
  });

  it('refuses bad bodies with a code each, the field named, and stores nothing', async () => {
    const level = await shortLevel('Refused');
    const notJson = await call<LevelApiError>('POST', '/api/levels', { body: '{"level": oops' });
    expect([notJson.status, notJson.body.code]).toEqual([400, 'level-syntax']);

    const tooBig = await call<LevelApiError>('POST', '/api/levels', { body: JSON.stringify({ level: { ...level, teachingGoal: 'x'.repeat(LEVEL_LIMITS.documentChars * 3 + 8192) } }) });
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'level-too-large']);
    // Within the request's bytes but over the level's characters: the level's own check says so.
    const overChars = await call<LevelApiError>('POST', '/api/levels', { json: { level: { ...level, hints: Array.from({ length: 10 }, () => 'y'.repeat(LEVEL_LIMITS.documentChars / 10)) } } });
    expect([overChars.status, overChars.body.code]).toEqual([413, 'level-too-large']);

    const invalid = await call<LevelApiError>('POST', '/api/levels', { json: { level: { ...level, durationS: -5, traffic: [{ area: 'mars', baselineRps: 10 }] } } });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'level-invalid']);
    expect(invalid.body.issues!.map((i) => i.path)).toEqual(expect.arrayContaining(['durationS', 'traffic.0.area']));

    const noLevel = await call<LevelApiError>('POST', '/api/levels', { json: { scenario: level } });
    expect([noLevel.status, noLevel.body.code]).toEqual([400, 'invalid-request']);

    // The naive design as the reference of the whole day: it loses, so the level cannot be published; the proof
    // says how.
    const day = await levelOne();
    const unwinnable = { ...day, solutions: { reference: day.solutions!.naive, naive: day.solutions!.naive } };
    const fails = await call<LevelApiError>('POST', '/api/levels', { json: { level: unwinnable } });
    expect([fails.status, fails.body.code]).toEqual([422, 'reference-fails']);
    expect(fails.body.proof?.publishable).toBe(false);
    expect(fails.body.proof?.reference.missed.length).toBeGreaterThan(0);
    expect(fails.body.issues?.[0]?.path).toBe('solutions.reference');

    // A new version that fails is refused the same way, and the level keeps its one version.
    const kept = await publish(level);
    const badVersion = await call<LevelApiError>('PUT', `/api/levels/${kept.code}`, { json: { level: unwinnable }, token: kept.authorToken });
    expect([badVersion.status, badVersion.body.code]).toEqual([422, 'reference-fails']);
    const invalidVersion = await call<LevelApiError>('PUT', `/api/levels/${kept.code}`, { json: { level: { ...level, objectives: 'all' } }, token: kept.authorToken });
    expect([invalidVersion.status, invalidVersion.body.code, invalidVersion.body.issues?.[0]?.path]).toEqual([400, 'level-invalid', 'objectives']);
    expect((await call<LevelRecord>('GET', `/api/levels/${kept.code}`)).body).toMatchObject({ version: 1, versions: [1] });
  });

  it('gives a campaign scenario as a level to start from, and 404 for an unknown one', async () => {
    const answer = await call<{ level: Scenario }>('GET', '/api/scenarios/az-outage/level');
    expect(answer.status).toBe(200);
    expect(answer.body.level.campaign).toBeUndefined();
    expect(typeof answer.body.level.solutions?.reference).toBe('object');
    expect((await call<LevelApiError>('GET', '/api/scenarios/no-such-scenario/level')).body.code).toBe('unknown-scenario');
  });
});

describe('a published level in rooms', () => {
  let level: PublishedLevel;
  let competition: CreatedCompetition;

  it('is played solo by its code, the room naming its version', async () => {
    level = await publish(await shortLevel('Solo from a code'));
    const solo = await createRoom(url, { nickname: 'Ana', mode: 'solo', level: { code: level.code } });
    expect(stateOf(solo)).toMatchObject({ levelCode: level.code, levelVersion: 1, title: 'Solo from a code' });
    await solo.leave();
    // A campaign room says it plays no level.
    const campaign = await createRoom(url, { nickname: 'Bo', mode: 'solo', scenario: 'one-web-server' });
    expect(stateOf(campaign)).toMatchObject({ levelCode: '', levelVersion: 0, scenarioId: 'one-web-server' });
    await campaign.leave();
    // A version the level never had is refused by its own code.
    const refused = await new Client(url).create(MATCH_ROOM, { nickname: 'Cy', mode: 'solo', level: { code: level.code, version: 9 } }).then(
      () => undefined,
      (error: { code?: number; message?: string }) => joinRefusal(error.code, String(error.message ?? '')),
    );
    expect(refused?.code).toBe('unknown-level-version');
  });

  it('runs a two-team classroom competition on the version of its creation; the replay keeps that version', async () => {
    const created = await call<CreatedCompetition>('POST', '/api/competitions', { json: { level: { code: level.code }, teams: 2, teamSize: 1, speed: 8, seed: 7 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    competition = created.body;
    expect((await call('POST', '/api/competitions', { json: { scenario: 'az-outage', level: { code: level.code }, teams: 2 } })).status).toBe(400);
    expect((await call<LevelApiError>('POST', '/api/competitions', { json: { level: { code: 'ZZZZZZ' }, teams: 2 } })).body.code).toBe('unknown-level');

    // The author publishes version 2 before the class starts: the competition still plays version 1.
    const v2 = await call<PublishedLevel>('PUT', `/api/levels/${level.code}`, { json: { level: await shortLevel('Version two') }, token: level.authorToken });
    expect(v2.body.version).toBe(2);
    stored.versions++;

    const teacher = await joinRoom(url, competition.code, { nickname: 'Teacher', hostToken: competition.hostToken });
    const red = await joinRoom(url, competition.code, { nickname: 'Red', team: 'team-1' });
    const blue = await joinRoom(url, competition.code, { nickname: 'Blue', team: 'team-2' });
    await waitFor(() => Object.keys(teacher.state().players).length === 3, 'everyone seated');
    for (const p of [teacher, red, blue]) expect(stateOf(p)).toMatchObject({ levelCode: level.code, levelVersion: 1, title: 'Solo from a code' });
    expect(Object.keys(teacher.state().teams).sort()).toEqual(['team-1', 'team-2']);

    teacher.send({ type: 'clock', command: 'start' });
    await waitFor(() => teacher.state().step > 20, 'the clock running', 20_000);
    teacher.send({ type: 'clock', command: 'end' });
    await waitFor(() => stateOf(teacher).phase === 'results', 'results', 60_000);

    // The stored replays name the level and its version 1, play version 1's scenario, and replay to their hashes.
    let body: { replays?: unknown[] } = {};
    for (let i = 0; i < 100 && body.replays?.length !== 2; i++) {
      if (i > 0) await pause(100);
      body = (await call<{ replays?: unknown[] }>('GET', `/api/competitions/${competition.id}/replay.json`, { token: competition.hostToken })).body;
    }
    const file = parseReplayFile(body);
    if (!file.ok) throw new Error(`${file.error.code}: ${file.error.detail}`);
    expect(file.file.replays).toHaveLength(2);
    for (const row of file.file.replays) {
      const scenario = row.intentLog.origin.scenario as Scenario;
      expect(scenario.level).toEqual({ code: level.code, version: 1 });
      expect(scenario.title).toBe('Solo from a code');
      const opened = openReplayRecord(row);
      if (!opened.ok) throw new Error(opened.error.message);
      opened.cursor.seek(row.intentLog.finalStep);
      expect(opened.cursor.hash(row.teamIndex)).toBe(row.finalStateHash);
    }
    // The competition's own record names the level and the version it was created with.
    const results = await call<{ competition: { level: unknown; scenarioId: string } }>('GET', `/api/competitions/${competition.id}/results.json`, { token: competition.hostToken });
    expect(results.body.competition).toMatchObject({ level: { code: level.code, version: 1 }, scenarioId: `level:${level.code}` });
    await Promise.all([teacher, red, blue].map((p) => p.leave()));
  });

  it('is still played after a restart, from the checkpoint, even once a newer version exists', async () => {
    const created = await call<CreatedCompetition>('POST', '/api/competitions', { json: { level: { code: level.code, version: 1 }, teams: 2, teamSize: 1, speed: 1, seed: 3 } });
    expect(created.status).toBe(201);
    const teacher = await joinRoom(url, created.body.code, { nickname: 'Teacher', hostToken: created.body.hostToken });
    expect(stateOf(teacher)).toMatchObject({ levelCode: level.code, levelVersion: 1 });
    await teacher.leave();
    await server!.stop();
    server = await startServer('server/main.ts', { DATA_DIR: dataDir });
    url = server.url;
    const back = await joinRoom(url, created.body.code, { nickname: 'Teacher', hostToken: created.body.hostToken });
    expect(stateOf(back)).toMatchObject({ levelCode: level.code, levelVersion: 1, title: 'Solo from a code' });
    await back.leave();
  });
});

describe('the database after all of it', () => {
  it('holds exactly the levels and versions published on purpose: no refused body stored anything', async () => {
    await server!.stop();
    server = undefined;
    const db = await openDatabase({ dataDir });
    try {
      const [levels] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM levels');
      const [versions] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM level_versions');
      expect({ levels: levels!.n, versions: versions!.n }).toEqual(stored);
    } finally {
      await db.close();
    }
  });
});
