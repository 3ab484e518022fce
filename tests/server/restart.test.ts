import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { createRoom, joinRoom, resourcesOf } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait.ts';

// A graceful shutdown checkpoints every match; the next start restores it under the same code.
const dataDir = mkdtempSync(join(tmpdir(), 'five-nines-restart-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

interface Fingerprint {
  ok: boolean;
  step: number;
  phase: string;
  teams: { team: string; hash: string }[];
}

describe('a server restart mid-match', () => {
  it('restores the match with the same state hash, paused, for its players to rejoin by name', async () => {
    server = await startServer('server/main.ts', { DATA_DIR: dataDir });
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
    const guest = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
    const code = host.room.roomId;
    guest.send({ type: 'createResource', stack: 'web', kind: 'bucket', logicalId: 'Kept', props: { websiteHosting: false } });
    host.send({ type: 'clock', command: 'start' });
    host.send({ type: 'speed', speed: 8 });
    await waitFor(() => host.state().step > 30, 'the match running', 15_000);
    host.send({ type: 'clock', command: 'pause' });
    await waitFor(() => host.state().phase === 'paused', 'paused');
    const before = (await host.room.request(MESSAGE.fingerprint)) as Fingerprint;
    expect(before.ok).toBe(true);

    expect(await server.stop()).toBe(0);
    server = await startServer('server/main.ts', { DATA_DIR: dataDir });
    await waitFor(() => /restored 1 match/.test(server!.output()), 'the restore', 60_000);

    const back = await joinRoom(server.url, code, { nickname: 'Ada' });
    await waitFor(() => Object.keys(resourcesOf(back)).length > 0, 'the board');
    expect(resourcesOf(back)['web/Kept']).toBeDefined();
    const after = (await back.room.request(MESSAGE.fingerprint)) as Fingerprint;
    expect(after).toEqual({ ...before, phase: 'paused' });
    expect(Object.values(back.state().players).find((p) => p.nickname === 'Ada')).toMatchObject({ host: true, principal: 'root' });

    // Play goes on from where it stopped.
    back.send({ type: 'clock', command: 'resume' });
    await waitFor(() => back.state().step > before.step, 'the clock moving again', 15_000);
    await back.room.leave();
  }, 180_000);
});

describe('a server restart mid-competition', () => {
  it('keeps every finished result and restores the running competition for its teacher', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'five-nines-competition-'));
    let own = await startServer('server/main.ts', { DATA_DIR: dir });
    const create = async () =>
      (await (
        await fetch(`${own.url}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'az-outage', teams: 2, design: 'single-instance', seed: 3 }) })
      ).json()) as { id: string; code: string; hostToken: string };
    const finished = await create();
    const running = await create();

    const teacherA = await joinRoom(own.url, finished.code, { nickname: 'Teacher', hostToken: finished.hostToken });
    teacherA.send({ type: 'clock', command: 'start' });
    teacherA.send({ type: 'clock', command: 'end' });
    await waitFor(() => teacherA.state().phase === 'results', 'the first competition finished');
    const csvUrl = `${own.url}/api/competitions/${finished.id}/results.csv`;
    const auth = { authorization: `Bearer ${finished.hostToken}` };
    let before = '';
    for (let i = 0; i < 100 && before.trim().split('\n').length < 3; i++) {
      before = await (await fetch(csvUrl, { headers: auth })).text();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(before.trim().split('\n')).toHaveLength(3);

    const teacherB = await joinRoom(own.url, running.code, { nickname: 'Teacher', hostToken: running.hostToken });
    const student = await joinRoom(own.url, running.code, { nickname: 'Student' });
    teacherB.send({ type: 'clock', command: 'start' });
    await waitFor(() => teacherB.state().step > 5, 'the second competition running', 15_000);
    await student.room.leave();

    expect(await own.stop()).toBe(0);
    own = await startServer('server/main.ts', { DATA_DIR: dir });
    await waitFor(() => /restored 1 match/.test(own.output()), 'the running competition restored', 60_000);
    expect(await (await fetch(`${own.url}/api/competitions/${finished.id}/results.csv`, { headers: auth })).text()).toBe(before);

    // A student cannot take the teacher's seat by name; the teacher gets it back with the token.
    const impostor = await joinRoom(own.url, running.code, { nickname: 'Teacher' });
    expect(Object.values(impostor.state().players).find((p) => p.nickname === 'Teacher')?.host).toBe(false);
    const back = await joinRoom(own.url, running.code, { nickname: 'Teacher', hostToken: running.hostToken });
    await waitFor(() => Object.values(back.state().players).some((p) => p.host && p.connected), 'the teacher back as host');
    expect(back.state().phase).toBe('paused');
    await Promise.all([impostor.room.leave(), back.room.leave()]);
    await own.stop();
  }, 180_000);
});
