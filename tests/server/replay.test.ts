import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplayRecord, parseReplayFile } from '../../shared/match/replay-file.ts';
import { MESSAGE, type ReplayAnswer } from '../../shared/protocol/messages.ts';
import { STEP_SECONDS } from '../../shared/sim/constants.ts';
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import { joinRoom, resourcesOf, bucketIntent } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

// A finished match hands out its replay over the room: nothing before the end, the player's own team after
// it (the host's: every team), and the replay, played again from its log, ends on the room's own worlds.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const bucket = bucketIntent;

describe("a finished match's replay from its room", () => {
  it('is refused before the finish, answered after it, and replays to the recorded worlds', async () => {
    // A classroom competition (so that the stored replays are served as replay.json too): a teacher, two teams.
    const created = await fetch(`${server.url}/api/competitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'az-outage', teams: 2, teamSize: 2, speed: 8, design: 'alb-asg-multi-az', seed: 5 }),
    });
    expect(created.status).toBe(201);
    const competition = (await created.json()) as CreatedCompetition;
    const host = await joinRoom(server.url, competition.code, { nickname: 'Teacher', hostToken: competition.hostToken });
    const red = await joinRoom(server.url, competition.code, { nickname: 'Ana', team: 'team-1' });
    const blue = await joinRoom(server.url, competition.code, { nickname: 'Bo', team: 'team-2' });
    await waitFor(() => Object.keys(host.state().players).length === 3, 'everyone seated');

    const early = (await red.room.request(MESSAGE.replay)) as ReplayAnswer;
    expect(early).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    if (!early.ok) expect(early.refusal.message.length).toBeGreaterThan(10);
    expect(await host.room.request(MESSAGE.replay)).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });

    red.send(bucket('BuiltEarly'));
    blue.send(bucket('BlueSite'));
    await waitFor(() => resourcesOf(red, 'team-1')['web/BuiltEarly'] !== undefined, 'the early bucket');
    host.send({ type: 'speed', speed: 8 });
    host.send({ type: 'clock', command: 'start' });
    await waitFor(() => host.state().step > 30, 'the clock running', 20_000);
    red.send(bucket('BuiltLate'));
    await waitFor(() => resourcesOf(red, 'team-1')['web/BuiltLate'] !== undefined, 'the late bucket');
    const lateStep = red.state().step;
    host.send({ type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 300, params: { zone: 'us-east-1a' } }, teams: ['team-2'] });
    await waitFor(() => host.state().step > lateStep + 40, 'the outage playing out', 20_000);
    host.send({ type: 'clock', command: 'end' });
    await waitFor(() => host.state().phase === 'results', 'results (the rest played out)', 90_000);

    // The room's own worlds, as its host's fingerprint request reports them.
    const fingerprint = (await host.room.request(MESSAGE.fingerprint)) as { step: number; teams: { team: string; hash: string }[] };

    // A player: their own team's end only (the log is the match's: one run replays every board).
    const mine = (await red.room.request(MESSAGE.replay)) as ReplayAnswer;
    if (!mine.ok) throw new Error(mine.refusal.message);
    expect(mine.replay.teams.map((t) => t.teamIndex)).toEqual([0]);
    expect(mine.replay.matchId).toBe(competition.id);
    expect(mine.replay.intentLog.finalStep).toBe(fingerprint.step);

    // The host: every team's.
    const all = (await host.room.request(MESSAGE.replay)) as ReplayAnswer;
    if (!all.ok) throw new Error(all.refusal.message);
    expect(all.replay.teams.map((t) => t.teamIndex)).toEqual([0, 1]);
    expect(all.replay.teams.map((t) => t.finalStateHash)).toEqual(fingerprint.teams.map((t) => t.hash));

    const file = parseReplayFile(JSON.parse(JSON.stringify(all.replay)));
    if (!file.ok) throw new Error(`${file.error.code}: ${file.error.detail}`);
    expect(file.file.replays).toHaveLength(2);
    for (const row of file.file.replays) {
      const opened = openReplayRecord(row);
      if (!opened.ok) throw new Error(opened.error.message);
      const cursor = opened.cursor;
      expect(cursor.seek(row.intentLog.finalStep)).toBe(fingerprint.step);
      expect(cursor.hash(row.teamIndex), `team ${row.teamIndex}`).toBe(row.finalStateHash);
      if (row.teamIndex === 0) {
        // The replayed board has what existed at each moment: the late bucket only from the step it was placed.
        const placedAt = Math.round(cursor.match.trail.find((e) => e.params.logicalId === 'BuiltLate')!.simS / STEP_SECONDS);
        const has = (step: number, id: string) => (cursor.seek(step), cursor.match.teams[0]!.world.design.resources.some((r) => r.logicalId === id));
        expect(has(placedAt - 1, 'BuiltLate')).toBe(false);
        expect(has(placedAt, 'BuiltLate')).toBe(true);
        expect(has(0, 'BuiltEarly')).toBe(true);
      }
    }

    // Every seated player may ask, as often as they like.
    expect(((await blue.room.request(MESSAGE.replay)) as ReplayAnswer).ok).toBe(true);

    // What the match stored (the teacher's replay.json) is the same replay: it parses and ends on the same worlds.
    let stored: unknown;
    for (let i = 0; i < 100 && !stored; i++) {
      const response = await fetch(`${server.url}/api/competitions/${competition.id}/replay.json`, { headers: { authorization: `Bearer ${competition.hostToken}` } });
      const body = (await response.json()) as { replays?: unknown[] };
      if (body.replays?.length === 2) stored = body;
      else await pause(100);
    }
    const storedFile = parseReplayFile(stored);
    if (!storedFile.ok) throw new Error(`${storedFile.error.code}: ${storedFile.error.detail}`);
    expect(storedFile.file.replays.map((r) => r.finalStateHash)).toEqual(fingerprint.teams.map((t) => t.hash));
    const again = openReplayRecord(storedFile.file.replays[1]!);
    if (!again.ok) throw new Error(again.error.message);
    again.cursor.seek(storedFile.file.replays[1]!.intentLog.finalStep);
    expect(again.cursor.hash(1)).toBe(storedFile.file.replays[1]!.finalStateHash);
    await Promise.all([host, red, blue].map((p) => p.room.leave()));
  });
});
