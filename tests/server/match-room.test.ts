import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';
import { isRoomCode } from '../../shared/protocol/room-code.ts';
import { createRoom, joinRoom, resourcesOf, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';
import { MAX_INTENTS_PER_SECOND } from '../../server/rooms/transport-guard.ts';

// Real server process, real SDK clients over WebSocket.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const STACK = 'web';
const bucket = (id: string) => ({ type: 'createResource', stack: STACK, kind: 'bucket', logicalId: id, props: { websiteHosting: false } });

async function teamRoom(): Promise<[Player, Player]> {
  const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
  const guest = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
  await waitFor(() => Object.keys(host.state().players).length === 2, 'both players seated');
  await waitFor(() => Object.keys(resourcesOf(guest)).length > 0, 'the guest sees the board');
  return [host, guest];
}

const leave = (...players: Player[]) => Promise.all(players.map((p) => p.room.leave()));

describe('the match room', () => {
  it('is joined by a six-character code; the creator is the host and root, others IAM users', async () => {
    const [host, guest] = await teamRoom();
    expect(isRoomCode(host.room.roomId)).toBe(true);
    const players = Object.values(host.state().players);
    expect(players.find((p) => p.nickname === 'Ada')).toMatchObject({ host: true, principal: 'root', team: 'team-1' });
    expect(players.find((p) => p.nickname === 'Grace')).toMatchObject({ host: false, principal: 'user/Grace', team: 'team-1' });
    await leave(host, guest);
  });

  it("shows each player the other's changes within a patch", async () => {
    const [host, guest] = await teamRoom();
    host.send(bucket('Assets'));
    await waitFor(() => resourcesOf(guest)[`${STACK}/Assets`] !== undefined, 'the guest sees the bucket');
    guest.send({ type: 'delete', target: `${STACK}/Assets` });
    await waitFor(() => resourcesOf(host)[`${STACK}/Assets`] === undefined, 'the host sees it go');
    expect(host.refusals).toEqual([]);
    expect(guest.refusals).toEqual([]);
    await leave(host, guest);
  });

  it.each([
    ['malformed', 'a bare string', 'place'],
    ['malformed', 'a missing field', { type: 'createResource', stack: STACK, kind: 'bucket' }],
    ['unknown-intent', 'an unknown intent type', { type: 'deleteEverything' }],
    ['too-large', 'an oversized intent', { ...bucket('Big'), props: { websiteHosting: false, junk: 'z'.repeat(20_000) } }],
    ['unknown-stack', 'a stack that does not exist', { ...bucket('X'), stack: 'nowhere' }],
    ['unknown-resource', 'deleting what is not there', { type: 'delete', target: `${STACK}/Ghost` }],
    ['dependency-violation', 'deleting what others use', { type: 'delete', target: `${STACK}/Vpc` }],
  ])('answers %s for %s, changes nothing and keeps the room alive', async (code, _what, payload) => {
    const [host, guest] = await teamRoom();
    const before = JSON.stringify(resourcesOf(host));
    guest.send(payload);
    await waitFor(() => guest.refusals.length === 1, 'the refusal');
    expect(guest.refusals[0]).toMatchObject({ code });
    expect(guest.refusals[0]!.message.length).toBeGreaterThan(10);
    expect(host.refusals).toEqual([]);
    guest.send(bucket('After'));
    await waitFor(() => resourcesOf(host)[`${STACK}/After`] !== undefined, 'a later good intent');
    const after = { ...resourcesOf(host) };
    delete after[`${STACK}/After`];
    expect(JSON.stringify(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v.props])))).toBe(
      JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(before) as Record<string, { props: string }>).map(([k, v]) => [k, v.props]))),
    );
    await leave(host, guest);
  });

  it('answers a message type it does not know without disconnecting', async () => {
    const [host, guest] = await teamRoom();
    host.room.send('teleport', { x: 1 });
    await waitFor(() => host.refusals.length === 1, 'the refusal');
    expect(host.refusals[0]).toMatchObject({ code: 'unknown-message' });
    host.send(bucket('StillHere'));
    await waitFor(() => resourcesOf(guest)[`${STACK}/StillHere`] !== undefined, 'a later good intent');
    await leave(host, guest);
  });

  it('limits how many intents a client may send a second, with a clear refusal, and stays connected', async () => {
    const [host, guest] = await teamRoom();
    for (let i = 0; i < 30; i++) guest.send(bucket(`Burst${i}`));
    await waitFor(() => guest.refusals.some((r) => r.code === 'rate-limited'), 'rate-limit refusals');
    await pause(1100);
    guest.send(bucket('Calm'));
    await waitFor(() => resourcesOf(host)[`${STACK}/Calm`] !== undefined, 'an intent after the burst');
    const placed = Object.keys(resourcesOf(host)).filter((k) => k.includes('/Burst')).length;
    expect(placed).toBeGreaterThan(0);
    expect(placed).toBeLessThan(30);
    await leave(host, guest);
  });

  it('places a VPC whole or not at all when a burst of placements runs into the rate limit', async () => {
    const [host, guest] = await teamRoom();
    const sent = 20;
    for (let i = 0; i < sent; i++) guest.send({ type: 'place', entry: 'vpc', target: { region: 'us-east-1' } });
    const isNew = (ref: string) => ref !== `${STACK}/Vpc`;
    const vpcs = () => Object.values(resourcesOf(host)).filter((r) => r.kind === 'vpc' && isNew(r.ref));
    const limited = () => guest.refusals.filter((r) => r.code === 'rate-limited').length;
    // The room takes a second's worth of gestures, tells the sender once and drops the rest (transport-guard.ts).
    await waitFor(() => limited() > 0 && vpcs().length >= MAX_INTENTS_PER_SECOND, 'the accepted placements applied');
    await pause(500);
    expect(guest.refusals.every((r) => r.code === 'rate-limited')).toBe(true);
    expect(vpcs().length).toBeGreaterThan(0);
    expect(vpcs().length).toBeLessThan(sent);
    // Every VPC that exists is whole: its gateway attached, its route table with the default route, a subnet per zone.
    const all = Object.values(resourcesOf(host)).map((r) => ({ ...r, p: JSON.parse(r.props) as Record<string, unknown> }));
    for (const vpc of vpcs()) {
      const attachments = all.filter((r) => r.kind === 'gatewayAttachment' && r.p.vpc === vpc.ref);
      const tables = all.filter((r) => r.kind === 'routeTable' && r.p.vpc === vpc.ref);
      const routes = all.filter((r) => r.kind === 'route' && tables.some((t) => t.ref === r.p.routeTable));
      const subnets = all.filter((r) => r.kind === 'subnet' && r.p.vpc === vpc.ref);
      expect([attachments.length, tables.length, routes.length, subnets.length], vpc.ref).toEqual([1, 1, 1, 3]);
    }
    // And nothing half-built lies around: no subnet, gateway or table of a VPC that is not there.
    const gateways = all.filter((r) => r.kind === 'internetGateway').length;
    expect(gateways).toBe(vpcs().length + 1);
    await leave(host, guest);
  });

  it('refuses to seat a player without a usable nickname or with bad options', async () => {
    await expect(new Client(server.url).create(MATCH_ROOM, { nickname: '   ' })).rejects.toThrow(/nickname/);
    await expect(new Client(server.url).create(MATCH_ROOM, {})).rejects.toThrow(/nickname/);
    await expect(new Client(server.url).create(MATCH_ROOM, { nickname: 'a', scenario: 'no-such-scenario' })).rejects.toThrow(/scenario/);
    await expect(new Client(server.url).create(MATCH_ROOM, { nickname: 'a', mode: 'chaos' })).rejects.toThrow(/mode/);
  });
});

describe('the clock', () => {
  it('is driven by the host only: start, speed, pause, resume', async () => {
    const [host, guest] = await teamRoom();
    guest.send({ type: 'clock', command: 'start' });
    await waitFor(() => guest.refusals.length === 1, 'the refusal');
    expect(guest.refusals[0]).toMatchObject({ code: 'host-only' });
    expect(host.state().phase).toBe('build');
    host.send({ type: 'clock', command: 'start' });
    host.send({ type: 'speed', speed: 8 });
    await waitFor(() => guest.state().step > 20, 'steps while running', 10_000);
    expect(guest.state().speed).toBe(8);
    host.send({ type: 'clock', command: 'pause' });
    await waitFor(() => guest.state().phase === 'paused', 'paused');
    const at = guest.state().step;
    await pause(400);
    expect(guest.state().step).toBe(at);
    await waitFor(() => (guest.state().boards['team-1']?.series.length ?? 0) > 0, 'chart points');
    await leave(host, guest);
  });
});

describe('IAM in the room', () => {
  it('stops players by their policies and records every action in CloudTrail', async () => {
    const [host, guest] = await teamRoom();
    guest.send({ type: 'iam', request: { op: 'createUser', name: 'mallory' } });
    await waitFor(() => guest.refusals.length === 1, 'AccessDenied for IAM');
    expect(guest.refusals[0]).toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('iam:CreateUser') });

    host.send({ type: 'iam', request: { op: 'removeFromGroup', user: 'Grace', group: 'Builders' } });
    host.send({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'Grace' }, policy: { kind: 'managed', name: 'ReadOnlyAccess' } } });
    await pause(200);
    guest.send(bucket('Denied'));
    await waitFor(() => guest.refusals.length === 2, 'AccessDenied for a read-only user');
    expect(guest.refusals[1]).toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('s3:CreateBucket') });
    expect(resourcesOf(host)[`${STACK}/Denied`]).toBeUndefined();

    const answer = (await host.room.request(MESSAGE.trail, { principal: 'Grace' })) as { ok: boolean; events: { eventName: string; outcome: string }[] };
    expect(answer.ok).toBe(true);
    expect(answer.events.map((e) => `${e.eventName}:${e.outcome}`)).toEqual(expect.arrayContaining(['CreateUser:Failure', 'CreateBucket:Failure']));
    const all = (await host.room.request(MESSAGE.trail, { action: 'iam:' })) as { events: { eventName: string }[] };
    expect(all.events.map((e) => e.eventName)).toEqual(expect.arrayContaining(['RemoveUserFromGroup', 'AttachUserPolicy', 'CreateUser']));
    const bad = (await host.room.request(MESSAGE.trail, { limit: 10_000_000 })) as { ok: boolean };
    expect(bad.ok).toBe(false);
    await leave(host, guest);
  });
});

describe('state filtering', () => {
  it("gives a classroom's students their own board only, and the teacher every board", async () => {
    const teacher = await createRoom(server.url, { nickname: 'Teacher', mode: 'classroom', teams: 2, design: 'single-instance' });
    const red = await joinRoom(server.url, teacher.room.roomId, { nickname: 'Red', team: 'team-1' });
    const blue = await joinRoom(server.url, teacher.room.roomId, { nickname: 'Blue', team: 'team-2' });
    await waitFor(() => Object.keys(teacher.state().players).length === 3, 'everyone seated');
    await waitFor(() => Object.keys(red.state().boards ?? {}).length > 0 && Object.keys(blue.state().boards ?? {}).length > 0, 'boards');
    expect(Object.keys(red.state().boards)).toEqual(['team-1']);
    expect(Object.keys(blue.state().boards)).toEqual(['team-2']);
    await waitFor(() => Object.keys(teacher.state().boards ?? {}).length === 2, 'the teacher sees both');
    expect(Object.keys(red.state().teams).sort()).toEqual(['team-1', 'team-2']);
    expect(red.state().account ?? {}).toEqual({});
    expect(Object.keys(teacher.state().account)).toHaveLength(1);
    await leave(teacher, red, blue);
  });
});

describe('reconnection', () => {
  it('gives a dropped player their seat back with a stored token, as after a page reload', async () => {
    const [host, guest] = await teamRoom();
    const token = guest.room.reconnectionToken;
    const sessionId = guest.room.sessionId;
    guest.room.reconnection.enabled = false;
    guest.room.connection.close(4001, 'network gone');
    await waitFor(() => host.state().players[sessionId]?.connected === false, 'the host sees Grace away');
    const back = await new Client(server.url).reconnect(token);
    expect(back.sessionId).toBe(sessionId);
    await waitFor(() => host.state().players[sessionId]?.connected === true, 'Grace back');
    back.send(MESSAGE.intent, bucket('Back'));
    await waitFor(() => resourcesOf(host)[`${STACK}/Back`] !== undefined, 'Grace can still play');
    await Promise.all([host.room.leave(), back.leave()]);
  });
});

describe('the HTTP side', () => {
  it('answers /healthz with the version and uptime', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; version: string; uptimeS: number };
    expect(body).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});

describe('shutdown', () => {
  it('stops cleanly on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const own = await startServer();
      const p = await createRoom(own.url, { nickname: 'Ada' });
      expect(p.room.roomId).toBeTruthy();
      expect(await own.stop(signal)).toBe(0);
      expect(own.output()).toContain('stopped');
    }
  });
});
