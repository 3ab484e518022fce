import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';
import { player, joinRoom, resourcesOf, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { redisAndPostgres, redisCommand, TEST_DATABASE_URL } from '../support/services.ts';
import { waitFor } from '../support/wait.ts';

// Two server processes sharing CI's Redis (matchmaking, rooms) and PostgreSQL (results).
const available = await redisAndPostgres();
const suffix = `${process.pid}_${Date.now() % 100000}`;
// A Redis database of our own, emptied first: no stale processes of earlier runs to health-check.
const redisDb = String(1 + (process.pid % 15));

describe.skipIf(!available)('two processes behind one Redis and one PostgreSQL', () => {
  const processes: RunningServer[] = [];
  beforeAll(async () => {
    await redisCommand([['SELECT', redisDb], ['FLUSHDB']]);
    const env = (port: number) => ({
      PORT: String(port),
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: `fivenines_scale_${suffix}`,
    });
    // Fixed ports: each process must know its own public address before it listens.
    const base = 20000 + (process.pid % 20000);
    processes.push(await startServer('server/main.ts', env(base)));
    processes.push(await startServer('server/main.ts', env(base + 1)));
  }, 120_000);
  afterAll(async () => {
    for (const p of processes) await p.stop('SIGKILL');
    await redisCommand([['SELECT', redisDb], ['FLUSHDB']]);
  });

  it('matchmakes through one process into a room the other hosts, plays there, and survives the first dying', async () => {
    const [a, b] = processes as [RunningServer, RunningServer];
    // Colyseus puts new rooms on the process with the fewest: create through A until one lands on B.
    let onB: Player | undefined;
    const others: Player[] = [];
    for (let i = 0; i < 6 && !onB; i++) {
      const p = player(await new Client(a.url).create(MATCH_ROOM, { nickname: `Ada${i}`, design: 'single-instance' }));
      await waitFor(() => Object.keys(resourcesOf(p)).length > 0, 'a board');
      const url = (p.room.connection as unknown as { url?: string }).url ?? '';
      if (url.includes(`:${b.port}/`)) onB = p;
      else others.push(p);
    }
    expect(onB, 'a room created through A is hosted by B').toBeDefined();
    // The room's listing reaches Redis a moment after its creator is seated; a friend typing the code is slower.
    let guest: Player | undefined;
    for (let i = 0; i < 20 && !guest; i++) {
      guest = await joinRoom(a.url, onB!.room.roomId, { nickname: 'Grace' }).catch(async () => {
        await new Promise((r) => setTimeout(r, 250));
        return undefined;
      });
    }
    guest!.send({ type: 'createResource', stack: 'single-instance', kind: 'bucket', logicalId: 'AcrossProcesses', props: { websiteHosting: false } });
    await waitFor(() => resourcesOf(onB!)['single-instance/AcrossProcesses'] !== undefined, 'the host sees the guest, both on B');

    // A competition's results land in the shared database, whichever process hosts it.
    const created = (await (
      await fetch(`${a.url}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'az-outage', teams: 2, design: 'single-instance', seed: 9 }) })
    ).json()) as { id: string; code: string; hostToken: string };
    const teacher = await joinRoom(a.url, created.code, { nickname: 'Teacher', hostToken: created.hostToken });
    teacher.send({ type: 'clock', command: 'start' });
    teacher.send({ type: 'clock', command: 'end' });
    await waitFor(() => teacher.state().phase === 'results', 'results (the rest played out)', 90_000);
    let csv = '';
    for (let i = 0; i < 100 && csv.trim().split('\n').length < 3; i++) {
      csv = await (await fetch(`${b.url}/api/competitions/${created.id}/results.csv`, { headers: { authorization: `Bearer ${created.hostToken}` } })).text();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(csv.trim().split('\n')).toHaveLength(3);

    // A dies; the room on B plays on.
    await a.stop('SIGKILL');
    onB!.send({ type: 'createResource', stack: 'single-instance', kind: 'bucket', logicalId: 'AfterTheCrash', props: { websiteHosting: false } });
    await waitFor(() => resourcesOf(onB!)['single-instance/AfterTheCrash'] !== undefined, 'play goes on on B');
    const trail = (await onB!.room.request(MESSAGE.trail, { resource: 'AfterTheCrash' })) as { events: unknown[] };
    expect(trail.events.length).toBeGreaterThan(0);
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
    // The teacher's room lived on A, which is gone: nothing to leave there.
    await onB!.room.leave();
  }, 120_000);
});
