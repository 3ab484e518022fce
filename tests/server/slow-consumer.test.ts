import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { createRoom, joinRoom, resourcesOf } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { startStallProxy, type StallProxy } from '../support/stall-proxy.ts';
import { pause, waitFor } from '../support/wait.ts';

// A client that stops reading must not grow the server's memory without bound: the room watches each
// client's unsent backlog and drops one past SLOW_CLIENT_LIMIT_BYTES (lowered here so that the loopback
// socket's own buffers fill and the backlog grows within seconds). Colyseus's heartbeat would also end a
// client that answers no pings, after some seconds; the backlog watch must act first, and this test fails
// without it (checked by setting the limit out of reach).
const LIMIT = 64 * 1024;
let server: RunningServer;
let proxy: StallProxy;
beforeAll(async () => {
  server = await startServer('server/main.ts', { SLOW_CLIENT_LIMIT_BYTES: String(LIMIT) });
  proxy = await startStallProxy(server.port);
});
afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

describe('a client that stops reading', () => {
  it('is dropped once its backlog passes the limit, its seat kept, and the room plays on', async () => {
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
    const stalled = await joinRoom(proxy.url, host.room.roomId, { nickname: 'Slow' });
    await waitFor(() => Object.keys(resourcesOf(stalled)).length > 0, 'the stalled player sees the board');
    // A long log: every answer to a trail query then carries tens of kilobytes. Four players fill it, ten
    // intents a second each (the room takes twelve a second from one player).
    const fillers = [host, ...(await Promise.all([1, 2, 3].map((i) => joinRoom(server.url, host.room.roomId, { nickname: `Filler${i}` }))))];
    for (let batch = 0; batch < 3; batch++) {
      if (batch > 0) await pause(1100);
      fillers.forEach((p, f) => {
        for (let i = 0; i < 10; i++) p.send({ type: 'createResource', stack: 'web', kind: 'bucket', logicalId: `Fill${f}x${batch}x${i}`, props: { websiteHosting: false } });
      });
    }
    await waitFor(() => Object.keys(resourcesOf(host)).filter((r) => r.includes('/Fill')).length === 120, 'the log filled', 10_000);

    proxy.stall();
    // The stalled client keeps asking (under the room's message cap) and never reads an answer.
    const asking = setInterval(() => {
      for (let i = 0; i < 3; i++) void stalled.room.request(MESSAGE.trail, {}).catch(() => undefined);
    }, 100);
    try {
      await waitFor(() => proxy.closedByServer() > 0, 'the server to drop the stalled connection', 30_000);
    } finally {
      clearInterval(asking);
    }
    expect(server.output()).toMatch(/dropping \S+, \d+ bytes unsent/);
    const dropped = Number(/dropping \S+, (\d+) bytes unsent/.exec(server.output())![1]);
    expect(dropped).toBeGreaterThan(LIMIT);
    // Dropped, not removed: the seat waits for the player to come back, as after any lost connection.
    await waitFor(() => Object.values(host.state().players).some((p) => p.nickname === 'Slow' && !p.connected), 'the seat shown as disconnected');
    host.send({ type: 'createResource', stack: 'web', kind: 'bucket', logicalId: 'StillPlaying', props: { websiteHosting: false } });
    await waitFor(() => resourcesOf(host)['web/StillPlaying'] !== undefined, 'the room to go on');
    await Promise.all(fillers.map((p) => p.room.leave()));
  }, 60_000);
});
