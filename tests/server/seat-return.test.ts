import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/protocol/close-codes.ts';
import { createRoom, joinRoom, resourcesOf, bucketIntent } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait.ts';

// Coming back to a seat on a running server, with real SDK clients: after the SDK's token has nothing left to
// hold (a consented leave), the seat credential still works; and a connection that comes back with its token
// after its seat was taken back by the credential elsewhere is told so (its own close code), not seated twice.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const bucket = bucketIntent;

describe('a seat and its way back', () => {
  it('is taken back with its credential after its token is spent, same identity and team', async () => {
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
    const grace = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
    await waitFor(() => grace.credential() !== undefined, 'the credential');
    await waitFor(() => Object.keys(host.state().players).length === 2, 'both seated');
    const before = Object.values(host.state().players).find((p) => p.nickname === 'Grace')!;
    await grace.room.leave();
    await waitFor(() => Object.values(host.state().players).every((p) => p.nickname !== 'Grace' || !p.connected), 'Grace away');
    await expect(new Client(server.url).reconnect(grace.room.reconnectionToken)).rejects.toThrow();
    const back = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace', seat: grace.credential()! });
    await waitFor(() => Object.values(host.state().players).some((p) => p.nickname === 'Grace' && p.connected), 'Grace back');
    expect(Object.values(host.state().players).filter((p) => p.nickname === 'Grace')).toEqual([{ ...before, connected: true }]);
    back.send(bucket('BackAgain'));
    await waitFor(() => resourcesOf(host)['web/BackAgain'] !== undefined, 'Grace playing');
    expect(back.refusals).toEqual([]);
    await Promise.all([host.room.leave(), back.room.leave()]);
  });

  it('tells a connection whose seat was taken back elsewhere, and keeps one seat', async () => {
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
    const first = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
    await waitFor(() => first.credential() !== undefined, 'the credential');
    const token = first.room.reconnectionToken;
    // The network drops: the seat is held for the token.
    first.room.reconnection.enabled = false;
    first.room.connection.close(4001, 'network gone');
    await waitFor(() => Object.values(host.state().players).some((p) => p.nickname === 'Grace' && !p.connected), 'Grace away');
    // Another window of the same player takes the seat with the credential...
    const second = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace', seat: first.credential()! });
    await waitFor(() => Object.values(host.state().players).some((p) => p.nickname === 'Grace' && p.connected), 'the seat taken back');
    // ...then the first comes back with its token: Colyseus still holds the session for it, and the room
    // answers at once, with its own code, that the seat is gone (the page then says so and stops trying).
    const late = await new Client(server.url).reconnect(token).then(
      () => undefined,
      (error: { code?: number; message: string }) => error,
    );
    expect(late).toMatchObject({ code: CLOSE.seatTakenElsewhere, message: expect.stringMatching(/taken back/) });
    expect(Object.values(host.state().players).filter((p) => p.nickname === 'Grace')).toHaveLength(1);
    second.send(bucket('StillMine'));
    await waitFor(() => resourcesOf(host)['web/StillMine'] !== undefined, 'the seat still working');
    await Promise.all([host.room.leave(), second.room.leave()]);
  });
});
