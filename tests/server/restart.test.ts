import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { createRoom, joinRoom, resourcesOf, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait.ts';

/** A player's board's chart points as the wire carries them. */
const seriesOf = (p: Player) => (Object.values(p.state().boards ?? {})[0]?.series ?? []) as unknown as { tS: number; requests: number }[];

// A graceful shutdown checkpoints every match; the next start restores it under the same code, and each seat
// comes back to its own player: the room gives each client a seat credential (kept only as a hash, in the
// checkpoint too), which the client presents when it joins again. The SDK's reconnection tokens do not survive
// a restart (Colyseus keeps them in the room's memory).
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
  it('gives every player of a team match, host included, their own seat back with its credential, at the same step and hash', async () => {
    server = await startServer('server/main.ts', { DATA_DIR: dataDir });
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', scenario: 'az-outage', design: 'alb-asg-multi-az' });
    const grace = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
    const linus = await joinRoom(server.url, host.room.roomId, { nickname: 'Linus' });
    const players = { Ada: host, Grace: grace, Linus: linus };
    const code = host.room.roomId;
    await waitFor(() => Object.values(players).every((p) => p.credential() !== undefined), 'every seat credential');
    await waitFor(() => Object.keys(host.state().players).length === 3, 'three seats');
    const credentials = Object.fromEntries(Object.entries(players).map(([name, p]) => [name, p.credential()!]));
    expect(new Set(Object.values(credentials)).size).toBe(3);
    const seatsBefore = host.state().players;
    grace.send({ type: 'createResource', stack: 'web', kind: 'bucket', logicalId: 'Kept', props: { websiteHosting: false } });
    host.send({ type: 'clock', command: 'start' });
    host.send({ type: 'speed', speed: 8 });
    // Long enough for two chart points (a simulated minute each).
    await waitFor(() => host.state().step > 30 && seriesOf(host).length >= 2, 'the match running', 30_000);
    host.send({ type: 'clock', command: 'pause' });
    await waitFor(() => host.state().phase === 'paused', 'paused');
    const before = (await host.room.request(MESSAGE.fingerprint)) as Fingerprint;
    const chartBefore = seriesOf(host);
    expect(before.ok).toBe(true);
    const told = Object.values(players).map((p) => new Promise<number>((resolve) => p.room.onLeave((closeCode) => resolve(closeCode))));

    expect(await server.stop('SIGTERM')).toBe(0);
    // Every client is told the server is going away (Colyseus's SERVER_SHUTDOWN), not left on a silent socket.
    expect(await Promise.all(told)).toEqual([4001, 4001, 4001]);
    // startServer waits for /healthz to say ready: from then on the restored room is there to join.
    server = await startServer('server/main.ts', { DATA_DIR: dataDir });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ ready: true });
    expect(server.output()).toMatch(/restored 1 match/);

    // Nobody takes a seat that is not theirs: a nickname claims nothing, a made-up credential is refused.
    const impostor = await joinRoom(server.url, code, { nickname: 'Ada' });
    const mine = Object.values(impostor.state().players).find((p) => p.nickname === 'Ada');
    expect(mine).toMatchObject({ host: false, principal: 'user/Ada' });
    await expect(joinRoom(server.url, code, { nickname: 'Grace', seat: 'A'.repeat(43) })).rejects.toThrow(/does not belong/);
    await impostor.room.leave();

    const back = Object.fromEntries(
      await Promise.all(Object.entries(credentials).map(async ([name, seat]) => [name, await joinRoom(server!.url, code, { nickname: name, seat })] as const)),
    );
    await waitFor(() => Object.values(back.Ada!.state().players).filter((p) => p.connected).length === 3, 'all three back');
    for (const name of Object.keys(credentials)) {
      const was = Object.values(seatsBefore).find((p) => p.nickname === name)!;
      const now = Object.values(back.Ada!.state().players).find((p) => p.nickname === name && p.connected)!;
      expect({ ...now, connected: true }).toEqual({ ...was, connected: true });
      // The same credential goes on working: the room sends it back to its owner.
      await waitFor(() => back[name]!.credential() !== undefined, `${name}'s credential`);
      expect(back[name]!.credential()).toBe(credentials[name]);
    }
    // A seat in use cannot be taken twice with the same credential.
    await expect(joinRoom(server.url, code, { nickname: 'Grace', seat: credentials.Grace })).rejects.toThrow(/in use/);
    await waitFor(() => Object.keys(resourcesOf(back.Grace!)).length > 0, 'the board');
    expect(resourcesOf(back.Grace!)['web/Kept']).toBeDefined();
    const after = (await back.Ada!.room.request(MESSAGE.fingerprint)) as Fingerprint;
    expect(after).toEqual({ ...before, phase: 'paused' });
    // The charts come back with the match (the checkpoint keeps them), and go on from where they were.
    await waitFor(() => seriesOf(back.Ada!).length >= chartBefore.length, 'the charts back');
    expect(seriesOf(back.Ada!)).toEqual(chartBefore);

    // The host resumes, and play goes on from where it stopped.
    back.Ada!.send({ type: 'clock', command: 'resume' });
    await waitFor(() => back.Grace!.state().step > before.step, 'the clock moving again', 15_000);
    expect(back.Ada!.refusals).toEqual([]);
    // The next minute counts that minute's requests, not the whole run's since the start.
    await waitFor(() => seriesOf(back.Ada!).length > chartBefore.length, 'a chart point after the restart', 30_000);
    const next = seriesOf(back.Ada!)[chartBefore.length]!;
    expect(next.requests).toBeLessThan(1.5 * Math.max(...chartBefore.map((p) => p.requests)));
    await Promise.all(Object.values(back).map((p) => p.room.leave()));
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
    await waitFor(() => teacherA.state().phase === 'results', 'the first competition finished (the rest played out)', 90_000);
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
    await waitFor(() => student.credential() !== undefined, "the student's seat credential");
    const studentSeat = Object.values(teacherB.state().players).find((p) => p.nickname === 'Student')!;
    // Left before the restart (its SDK token holds nothing any more): the seat credential still brings it back.
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
    const studentBack = await joinRoom(own.url, running.code, { nickname: 'Student', seat: student.credential()! });
    await waitFor(() => Object.values(back.state().players).some((p) => p.nickname === 'Student' && p.connected), 'the student back');
    expect(Object.values(back.state().players).find((p) => p.nickname === 'Student' && p.connected)).toEqual({ ...studentSeat, connected: true });
    await Promise.all([impostor.room.leave(), back.room.leave(), studentBack.room.leave()]);
    await own.stop();
  }, 180_000);
});
