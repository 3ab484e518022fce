import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_ROOM, MAX_INTENT_BYTES, MESSAGE } from '../../shared/protocol/messages.ts';
import type { Refusal } from '../../shared/protocol/refusals.ts';
import { isRoomCode } from '../../shared/protocol/room-code.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

// Real server process, real SDK clients over WebSocket.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Seat {
  room: Room;
  refusals: Refusal[];
  components(): { id: string; kind: string; zone: string; owner: string }[];
}

function seat(room: Room): Seat {
  const refusals: Refusal[] = [];
  room.onMessage(MESSAGE.refused, (r: Refusal) => refusals.push(r));
  return {
    room,
    refusals,
    components: () => Object.values((room.state as { toJSON(): { components: Record<string, never> } }).toJSON().components),
  };
}

async function createAndJoin(): Promise<[Seat, Seat]> {
  const host = seat(await new Client(server.url).create(MATCH_ROOM, { nickname: 'Ada' }));
  const guest = seat(await new Client(server.url).joinById(host.room.roomId, { nickname: 'Grace' }));
  await waitFor(() => (host.room.state as { players?: { size: number } }).players?.size === 2, 'both players seated');
  return [host, guest];
}

describe('the match room', () => {
  it('is joined by a six-character code', async () => {
    const [host, guest] = await createAndJoin();
    expect(isRoomCode(host.room.roomId)).toBe(true);
    expect(guest.room.roomId).toBe(host.room.roomId);
    await Promise.all([host.room.leave(), guest.room.leave()]);
  });

  it("shows each player the other's placement and removal", async () => {
    const [host, guest] = await createAndJoin();
    host.room.send(MESSAGE.intent, { type: 'place', component: 'instance', zone: 'us-east-1a' });
    await waitFor(() => guest.components().length === 1, 'guest sees the host placement');
    expect(guest.components()[0]).toMatchObject({ kind: 'instance', zone: 'us-east-1a', owner: 'Ada' });

    guest.room.send(MESSAGE.intent, { type: 'place', component: 'database', zone: 'us-east-1c' });
    await waitFor(() => host.components().length === 2, 'host sees the guest placement');

    const id = host.components().find((c) => c.kind === 'instance')!.id;
    guest.room.send(MESSAGE.intent, { type: 'remove', id });
    await waitFor(() => host.components().length === 1, 'host sees the removal');
    expect(host.refusals).toEqual([]);
    expect(guest.refusals).toEqual([]);
    await Promise.all([host.room.leave(), guest.room.leave()]);
  });

  it.each([
    ['malformed', 'a bare string', 'place'],
    ['malformed', 'a missing field', { type: 'place', component: 'instance' }],
    ['unknown-intent', 'an unknown intent type', { type: 'deleteEverything' }],
    ['too-large', 'an oversized intent', { type: 'place', component: 'instance', zone: 'z'.repeat(MAX_INTENT_BYTES * 4) }],
    ['unknown-zone', 'a zone of another region', { type: 'place', component: 'instance', zone: 'eu-west-1a' }],
    ['not-found', 'removing a missing component', { type: 'remove', id: 'c999' }],
  ])('answers %s for %s, changes nothing and keeps the room alive', async (code, _what, payload) => {
    const [host, guest] = await createAndJoin();
    host.room.send(MESSAGE.intent, { type: 'place', component: 'loadBalancer', zone: 'us-east-1b' });
    await waitFor(() => guest.components().length === 1, 'the first placement');
    const before = JSON.stringify(guest.components());

    guest.room.send(MESSAGE.intent, payload);
    await waitFor(() => guest.refusals.length === 1, 'the refusal');
    expect(guest.refusals[0]).toMatchObject({ code });
    expect(guest.refusals[0]!.message.length).toBeGreaterThan(10);
    expect(host.refusals).toEqual([]);

    // Still connected, still playing: the sender's next good intent works for everyone.
    guest.room.send(MESSAGE.intent, { type: 'place', component: 'instance', zone: 'us-east-1a' });
    await waitFor(() => host.components().length === 2, 'a later good intent');
    const after = host.components().filter((c) => c.zone !== 'us-east-1a');
    expect(JSON.stringify(after)).toBe(before);
    await Promise.all([host.room.leave(), guest.room.leave()]);
  });

  it('answers a message type it does not know without disconnecting', async () => {
    const [host] = await createAndJoin();
    host.room.send('teleport', { x: 1 });
    await waitFor(() => host.refusals.length === 1, 'the refusal');
    expect(host.refusals[0]).toMatchObject({ code: 'unknown-message' });
    host.room.send(MESSAGE.intent, { type: 'place', component: 'instance', zone: 'us-east-1a' });
    await waitFor(() => host.components().length === 1, 'a later good intent');
    await host.room.leave();
  });

  it('refuses to seat a player without a usable nickname', async () => {
    await expect(new Client(server.url).create(MATCH_ROOM, { nickname: '   ' })).rejects.toThrow(/nickname/);
    await expect(new Client(server.url).create(MATCH_ROOM, { nickname: 'x'.repeat(200) })).rejects.toThrow(/nickname/);
    await expect(new Client(server.url).create(MATCH_ROOM, {})).rejects.toThrow(/nickname/);
  });

  it('does not let a refused intent reach other players', async () => {
    const [host, guest] = await createAndJoin();
    guest.room.send(MESSAGE.intent, { type: 'place', component: 'instance', zone: 'nowhere' });
    await waitFor(() => guest.refusals.length === 1, 'the refusal');
    await pause(100);
    expect(host.components()).toEqual([]);
    await Promise.all([host.room.leave(), guest.room.leave()]);
  });
});

describe('the HTTP side', () => {
  it('answers /healthz with the version and uptime', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; version: string; uptimeS: number };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.uptimeS).toBeGreaterThanOrEqual(0);
  });
});

describe('shutdown', () => {
  it('stops cleanly on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const own = await startServer();
      const client = seat(await new Client(own.url).create(MATCH_ROOM, { nickname: 'Ada' }));
      expect(client.room.roomId).toBeTruthy();
      expect(await own.stop(signal)).toBe(0);
      expect(own.output()).toContain('stopped');
    }
  });
});
