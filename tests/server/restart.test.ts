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
    guest.send({ type: 'place', stack: 'web', kind: 'bucket', logicalId: 'Kept', props: { websiteHosting: false } });
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
