// First: keep every byte the students receive (must load before the SDK).
import { bytesReceivedBy } from '../support/wire-tap.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import { joinRoom, resourcesOf, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

// A whole classroom on one machine: a teacher and 30 students in 10 teams of 3, from joining to the export.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function createCompetition(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const socketOf = (p: Player) => (p.room.connection as unknown as { transport: { ws: unknown } }).transport.ws;

describe('a classroom competition', () => {
  it('runs from joining to export, fairly, with each team hidden from the others until the debrief', async () => {
    const created = await createCompetition({ scenario: 'az-outage', teams: 10, teamSize: 3, speed: 8, design: 'alb-asg-multi-az', seed: 42 });
    expect(created.status).toBe(201);
    const competition = (await created.json()) as CreatedCompetition;
    expect(competition.joinUrl).toContain(`?code=${competition.code}`);

    // Students may arrive before the teacher: without the token nobody becomes host.
    const early = await joinRoom(server.url, competition.code, { nickname: 'Early', team: 'team-1' });
    await expect(joinRoom(server.url, competition.code, { nickname: 'Faker', hostToken: 'guess' })).rejects.toThrow(/host token/);
    const teacher = await joinRoom(server.url, competition.code, { nickname: 'Teacher', hostToken: competition.hostToken });
    await waitFor(() => Object.values(teacher.state().players).some((p) => p.nickname === 'Teacher' && p.host), 'the teacher seated as host');
    // The teacher's plan: the room runs at the planned speed, and the build time counts down from the teacher's arrival.
    expect(teacher.state().speed).toBe(8);
    expect(teacher.state().buildEndsAtMs).toBeGreaterThan(Date.now() + 200_000);
    expect(teacher.state().buildEndsAtMs).toBeLessThanOrEqual(Date.now() + 300_000);

    const started = performance.now();
    const students = await Promise.all(Array.from({ length: 29 }, (_, i) => joinRoom(server.url, competition.code, { nickname: `Student${i + 1}` })));
    const joinMs = performance.now() - started;
    console.log(`29 students joined at once in ${Math.round(joinMs)} ms`);
    const all = [early, ...students];
    await waitFor(() => Object.keys(teacher.state().players).length === 31, 'everyone seated');
    const perTeam = new Map<string, number>();
    for (const p of Object.values(teacher.state().players)) if (!p.host) perTeam.set(p.team, (perTeam.get(p.team) ?? 0) + 1);
    expect([...perTeam.values()]).toEqual(Array(10).fill(3));

    // Team 2 builds something with a name nobody else may see.
    const team2 = all.find((p) => p.state().players[p.room.sessionId]?.team === 'team-2')!;
    const team1 = all.filter((p) => p.state().players[p.room.sessionId]?.team === 'team-1');
    team2.send({ type: 'createResource', stack: 'web', kind: 'bucket', logicalId: 'SecretTeamTwoPlan', props: { websiteHosting: false } });
    await waitFor(() => resourcesOf(team2, 'team-2')['web/SecretTeamTwoPlan'] !== undefined, 'team 2 sees its own bucket');
    await waitFor(() => resourcesOf(teacher, 'team-2')['web/SecretTeamTwoPlan'] !== undefined, 'the teacher watches team 2');
    // Students cannot read another team's log either.
    const peek = (await team1[0]!.room.request(MESSAGE.trail, { resource: 'SecretTeamTwoPlan' })) as { events: unknown[] };
    expect(peek.events).toEqual([]);

    // The server's CPU while the match runs: a figure printed for the note, not asserted.
    const cpu = async () => ((await (await fetch(`${server.url}/metrics`)).json()) as { cpuMicros: number }).cpuMicros;
    const matchStarted = { cpu: await cpu(), at: performance.now() };
    teacher.send({ type: 'clock', command: 'start' });
    await waitFor(() => teacher.state().step > 40, 'the clock running', 20_000);
    teacher.send({ type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 600, params: { zone: 'us-east-1a' } } });
    await waitFor(() => teacher.state().step > 200, 'the outage playing out', 30_000);
    await pause(200);

    // Until the debrief, no byte sent to a team-1 student names team 2's design.
    for (const student of team1) expect(bytesReceivedBy(socketOf(student)).includes('SecretTeamTwoPlan')).toBe(false);
    expect(Object.keys(team1[0]!.state().boards)).toEqual(['team-1']);

    // Every team ran the same scenario, seed and injected event: equal designs score alike.
    const scores = Object.values(teacher.state().teams).filter((t) => t.id !== 'team-2').map((t) => t.score);
    expect(new Set(scores).size).toBe(1);

    const cpuShare = (await cpu() - matchStarted.cpu) / 1000 / (performance.now() - matchStarted.at);
    console.log(`server CPU during the match (31 players, 10 boards, 8x): ${Math.round(cpuShare * 100)}% of a core over ${Math.round((performance.now() - matchStarted.at) / 1000)} s`);
    teacher.send({ type: 'clock', command: 'end' });
    await waitFor(() => teacher.state().phase === 'results', 'results (the rest played out)', 90_000);
    // The debrief: every board side by side, for everyone.
    await waitFor(() => Object.keys(team1[0]!.state().boards).length === 10, 'every board revealed', 10_000);

    const auth = { authorization: `Bearer ${competition.hostToken}` };
    const base = `${server.url}/api/competitions/${competition.id}`;
    let csv = '';
    for (let i = 0; i < 100 && csv.split('\n').filter(Boolean).length < 31; i++) {
      // Decoded keeping the byte order mark (Response.text() drops it), to see the file as Excel gets it.
      csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(`${base}/results.csv`, { headers: auth })).arrayBuffer());
      await pause(100);
    }
    const rows = csv.trimEnd().split(/\r?\n/); // trimEnd: trim() would take the byte order mark too
    if (rows.length !== 31) console.log('SERVER', server.output().slice(-3000), csv);
    // One line per student (30 of them, 3 a team) under the header, each naming the student and what they did.
    expect(rows).toHaveLength(31);
    expect(rows[0]).toMatch(/^\uFEFFrank,team,score,stars,availability %.*student,actions,refused$/);
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(new Set(cells.map((c) => c[1])).size).toBe(10);
    expect(cells.map((c) => c[9]).sort()).toEqual(all.map((p) => p.state().players[p.room.sessionId]!.nickname).sort());
    const builder = cells.find((c) => c[9] === team2.state().players[team2.room.sessionId]!.nickname)!;
    expect(builder[1]).toBe('Team 2');
    expect(Number(builder[10])).toBeGreaterThanOrEqual(1);
    const json = (await (await fetch(`${base}/results.json`, { headers: auth })).json()) as { results: { teamName: string; score: number; members: { nickname: string }[] }[] };
    expect(json.results).toHaveLength(10);
    expect(json.results.every((r) => r.members.length === 3)).toBe(true);
    const replay = (await (await fetch(`${base}/replay.json`, { headers: auth })).json()) as { replays: { finalStateHash: string; intentLog: { inputs: unknown[] } }[] };
    expect(replay.replays).toHaveLength(10);
    expect(replay.replays[0]!.intentLog.inputs.length).toBeGreaterThan(0);

    expect((await fetch(`${base}/results.csv`)).status).toBe(401);
    expect((await fetch(`${base}/results.csv`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/competitions/00000000-0000-4000-8000-000000000000/results.csv`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${server.url}/api/competitions/not-a-uuid/results.json`, { headers: auth })).status).toBe(404);

    await Promise.all([teacher, ...all].map((p) => p.room.leave()));
  }, 240_000);

  it('refuses a malformed competition with a clear error', async () => {
    const bad = await createCompetition({ scenario: 'az-outage', teams: 0 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid-competition');
    const unknown = await createCompetition({ scenario: 'no-such', teams: 2 });
    expect(unknown.status).toBe(400);
  });
});
