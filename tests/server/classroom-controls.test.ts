import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClassroomAnswer } from '../../shared/protocol/classroom.ts';
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';
import { joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

// The teacher's controls of a classroom (issue 16 §2), with real SDK clients: remove, let back and rename a
// player; lock the room to late joiners; pause everyone; chaos announced as the instructor's; and a build time
// that starts the match by itself, across a server restart. A student's client can do none of it.
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

async function competition(url: string, body: Record<string, unknown>): Promise<CreatedCompetition> {
  const res = await fetch(`${url}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'az-outage', teams: 2, design: 'single-instance', seed: 7, ...body }) });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedCompetition;
}

const command = (p: Player, payload: unknown) => p.room.request(MESSAGE.classroom, payload) as Promise<ClassroomAnswer>;
const seatOf = (viewer: Player, nickname: string) => Object.entries(viewer.state().players).find(([, p]) => p.nickname === nickname);
const removedOf = (viewer: Player) => (viewer.state() as unknown as { removedPlayers: Record<string, { nickname: string }> }).removedPlayers ?? {};
/** The status a refused join is rejected with (Colyseus hands the room's ServerError code to the SDK). */
const joinStatus = async (url: string, code: string, options: Record<string, unknown>) => {
  try {
    await (await new Client(url).joinById(code, options)).leave();
    return 'joined';
  } catch (error) {
    return (error as { code?: number }).code;
  }
};
const timelineCodes = (p: Player, team: string) => ((p.state().boards[team] as unknown as { timeline: { code: string }[] })?.timeline ?? []).map((e) => e.code);

describe("a classroom's teacher controls", () => {
  it('removes, lets back and renames players, locks the room, pauses everyone and announces chaos as the instructor’s; students can do none of it', async () => {
    server = await startServer();
    const url = server.url;
    const c = await competition(url, { speed: 8 });
    const teacher = await joinRoom(url, c.code, { nickname: 'Teacher', hostToken: c.hostToken });
    const ana = await joinRoom(url, c.code, { nickname: 'Ana', team: 'team-1' });
    const ben = await joinRoom(url, c.code, { nickname: 'Ben', team: 'team-1' });
    await waitFor(() => Object.keys(teacher.state().players).length === 3, 'three seats');
    await waitFor(() => ben.credential() !== undefined, "Ben's seat credential");
    const benId = seatOf(teacher, 'Ben')![0];
    const anaId = seatOf(teacher, 'Ana')![0];
    const teacherId = seatOf(teacher, 'Teacher')![0];

    // A student's client: every control refused with a stable code, and nothing changed.
    for (const payload of [{ op: 'remove', player: benId }, { op: 'rename', player: benId, nickname: 'Loser' }, { op: 'lateJoins', allowed: false }, { op: 'letBack', player: benId }]) {
      expect(await command(ana, payload)).toMatchObject({ ok: false, refusal: { code: 'host-only' } });
    }
    ana.send({ type: 'clock', command: 'start' });
    await waitFor(() => ana.refusals.some((r) => r.code === 'host-only' && r.message.length > 0), 'the start refused');
    await pause(300);
    expect(seatOf(teacher, 'Ben')).toBeDefined();
    expect(seatOf(teacher, 'Loser')).toBeUndefined();
    expect(teacher.state().phase).toBe('build');
    expect((teacher.state() as unknown as { lateJoins: boolean }).lateJoins).toBe(true);

    // The teacher's bad commands: refused with their codes and human messages.
    expect(await command(teacher, { op: 'remove', player: 'nobody' })).toMatchObject({ ok: false, refusal: { code: 'unknown-player' } });
    expect(await command(teacher, { op: 'remove', player: teacherId })).toMatchObject({ ok: false, refusal: { code: 'host-seat' } });
    expect(await command(teacher, { op: 'rename', player: anaId, nickname: '   ' })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(await command(teacher, { op: 'explode' })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(await command(teacher, { op: 'letBack', player: anaId })).toMatchObject({ ok: false, refusal: { code: 'not-removed' } });

    // Rename: every client sees the new name, on the same seat.
    expect(await command(teacher, { op: 'rename', player: anaId, nickname: '  Ana   Kim ' })).toEqual({ ok: true });
    for (const p of [teacher, ana, ben]) await waitFor(() => p.state().players[anaId]?.nickname === 'Ana Kim', 'the new name everywhere');
    expect(ana.state().players[anaId]?.principal).toBe('user/Ana');

    // Remove: Ben is disconnected and told why (a close code of its own), gone from everyone's list, kept for let-back.
    const benLeft = new Promise<number>((resolve) => ben.room.onLeave((code) => resolve(code)));
    expect(await command(teacher, { op: 'remove', player: benId })).toEqual({ ok: true });
    expect(await benLeft).toBe(4403);
    await waitFor(() => seatOf(ana, 'Ben') === undefined, 'Ben gone from the list');
    expect(Object.values(removedOf(teacher)).map((p) => p.nickname)).toEqual(['Ben']);
    expect(teacher.state().teams['team-1']?.members).toBe(1);
    // His seat refuses him, by credential, until he is let back.
    expect(await joinStatus(url, c.code, { nickname: 'Ben', seat: ben.credential() })).toBe(4403);
    expect(await command(teacher, { op: 'remove', player: benId })).toMatchObject({ ok: false, refusal: { code: 'already-removed' } });
    expect(await command(teacher, { op: 'letBack', player: benId })).toEqual({ ok: true });
    const benBack = await joinRoom(url, c.code, { nickname: 'Ben', seat: ben.credential() });
    await waitFor(() => seatOf(teacher, 'Ben')?.[1].connected === true, 'Ben back');
    expect(seatOf(teacher, 'Ben')![1]).toMatchObject({ principal: 'user/Ben', team: 'team-1' });
    expect(removedOf(teacher)).toEqual({});

    // Locked: before the start anyone with the code may still join; after it, a new student is refused, a returning one is not.
    expect(await command(teacher, { op: 'lateJoins', allowed: false })).toEqual({ ok: true });
    await waitFor(() => (ana.state() as unknown as { lateJoins: boolean }).lateJoins === false, 'the lock on the wire');
    const early = await joinRoom(url, c.code, { nickname: 'Early' });
    teacher.send({ type: 'clock', command: 'start' });
    await waitFor(() => teacher.state().phase === 'running', 'running');
    expect(await joinStatus(url, c.code, { nickname: 'Late' })).toBe(4423);
    expect(seatOf(teacher, 'Late')).toBeUndefined();
    await waitFor(() => early.credential() !== undefined, "Early's credential");
    const earlyCredential = early.credential();
    await early.room.leave();
    const earlyBack = await joinRoom(url, c.code, { nickname: 'Early', seat: earlyCredential });
    expect(await command(teacher, { op: 'lateJoins', allowed: true })).toEqual({ ok: true });
    const late = await joinRoom(url, c.code, { nickname: 'Late' });
    await waitFor(() => seatOf(teacher, 'Late') !== undefined, 'Late seated once the room is open');

    // Pause everyone: one clock for every team; a student cannot resume it.
    teacher.send({ type: 'clock', command: 'pause' });
    for (const p of [ana, benBack, late]) await waitFor(() => p.state().phase === 'paused', 'paused for every student');
    const frozen = ana.state().step;
    late.send({ type: 'clock', command: 'resume' });
    await waitFor(() => late.refusals.some((r) => r.code === 'host-only'), 'the resume refused');
    await pause(400);
    expect(ana.state().phase).toBe('paused');
    expect(ana.state().step).toBe(frozen);

    // The instructor's chaos reaches the students' timelines as the instructor's, not the scenario's.
    teacher.send({ type: 'clock', command: 'resume' });
    teacher.send({ type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 600, params: { zone: 'us-east-1b' } } });
    await waitFor(() => timelineCodes(ana, 'team-1').includes('instructorAzDark'), "the instructor's outage on Ana's timeline", 15_000);
    expect(timelineCodes(ana, 'team-1')).not.toContain('azDark');
    const entry = (ana.state().boards['team-1'] as unknown as { timeline: { code: string; values: string }[] }).timeline.find((e) => e.code === 'instructorAzDark')!;
    expect(JSON.parse(entry.values)).toEqual({ zone: 'us-east-1b' });
    // The teacher was refused exactly what was meant to be refused (each also told by a `refused` message, for the toast).
    expect(teacher.refusals.map((r) => r.code)).toEqual(['unknown-player', 'host-seat', 'malformed', 'malformed', 'not-removed', 'already-removed']);
    await Promise.all([teacher, ana, benBack, earlyBack, late].map((p) => p.room.leave()));
  }, 120_000);

  it('starts the match when the build time runs out, with the deadline, the lock and a removal kept across a server restart', async () => {
    await server?.stop();
    const dir = mkdtempSync(join(tmpdir(), 'five-nines-classroom-controls-'));
    server = await startServer('server/main.ts', { DATA_DIR: dir });
    const c = await competition(server.url, { buildTimeS: 12, autoStart: true, lateJoins: false });
    const teacher = await joinRoom(server.url, c.code, { nickname: 'Teacher', hostToken: c.hostToken });
    const ana = await joinRoom(server.url, c.code, { nickname: 'Ana' });
    const ben = await joinRoom(server.url, c.code, { nickname: 'Ben' });
    await waitFor(() => ana.credential() !== undefined && ben.credential() !== undefined, 'the credentials');
    // The teacher's view gets Ben's seat with the next patch, which may come after Ben's own credential.
    await waitFor(() => seatOf(teacher, 'Ben') !== undefined, "Ben's seat in the teacher's view");
    const deadline = teacher.state().buildEndsAtMs;
    expect(deadline).toBeGreaterThan(Date.now());
    expect((ana.state() as unknown as { autoStart: boolean }).autoStart).toBe(true);
    expect(await command(teacher, { op: 'remove', player: seatOf(teacher, 'Ben')![0] })).toEqual({ ok: true });
    expect(teacher.state().phase).toBe('build');

    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer('server/main.ts', { DATA_DIR: dir });
    await waitFor(() => /restored 1 match/.test(server!.output()), 'the competition restored', 60_000);
    const back = await joinRoom(server.url, c.code, { nickname: 'Ana', seat: ana.credential() });
    // The deadline is the one set before the restart, not a new build time.
    expect(back.state().buildEndsAtMs).toBe(deadline);
    // The removal and the room's settings came back with the match.
    expect(await joinStatus(server.url, c.code, { nickname: 'Ben', seat: ben.credential() })).toBe(4403);
    expect((back.state() as unknown as { lateJoins: boolean }).lateJoins).toBe(false);
    // Nobody pressed Start: the build time ran out and the room started the match.
    await waitFor(() => back.state().phase === 'running', 'the match started by the build time', 30_000);
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    expect(await joinStatus(server.url, c.code, { nickname: 'Late' })).toBe(4423);
    await back.room.leave();
  }, 180_000);
});
