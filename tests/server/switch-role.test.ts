// Switch role through a real room, real SDK clients over WebSocket: each player is shown the roles they may
// switch to as the room decides it (trust policy, its MFA condition, their own sts:AssumeRole permission), a
// refused switch has a stable code and changes nothing, a switch shows the active role and its expiry to every
// client, and Switch back returns the player to their own user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchRoleView } from '../../shared/match/switch-role.ts';
import { createRoom, joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const seatOf = (p: Player, nickname: string) => Object.values(p.state().players).find((s) => s.nickname === nickname);
const viewOf = (p: Player, nickname: string): SwitchRoleView | undefined => {
  const text = seatOf(p, nickname)?.switchRole;
  return text ? (JSON.parse(text) as SwitchRoleView) : undefined;
};
const denyAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] };
const ownMfa = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:EnableMFADevice', Resource: 'arn:aws:iam::123456789012:user/Grace' }] };

describe('Switch role in the room', () => {
  it('shows each player the roles they may assume, refuses by code, switches with an expiry, and switches back', async () => {
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
    const grace = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
    const linus = await joinRoom(server.url, host.room.roomId, { nickname: 'Linus' });
    await waitFor(() => Object.keys(host.state().players).length === 3, 'three players seated');

    host.send({ type: 'iam', request: { op: 'createRole', name: 'OnCall', trustedUsers: ['Grace', 'Linus'], requireMfa: true } });
    host.send({ type: 'iam', request: { op: 'createRole', name: 'Audit', trustedUsers: ['Linus'] } });
    host.send({ type: 'iam', request: { op: 'putInlinePolicy', to: { kind: 'user', name: 'Linus' }, name: 'NoRoles', document: denyAssume } });
    host.send({ type: 'iam', request: { op: 'putInlinePolicy', to: { kind: 'user', name: 'Grace' }, name: 'OwnMfa', document: ownMfa } });
    await waitFor(() => viewOf(grace, 'Linus')?.roles.length === 2, 'roles shown');
    // The root user cannot switch roles; each player sees what a switch would answer.
    expect(viewOf(grace, 'Ada')).toEqual({ canSwitch: false, roles: [] });
    expect(viewOf(grace, 'Grace')?.roles.map((r) => [r.role, r.refusal?.code])).toEqual([['OnCall', 'mfa-required']]);
    expect(viewOf(grace, 'Linus')?.roles.map((r) => [r.role, r.refusal?.code])).toEqual([['OnCall', 'AccessDenied'], ['Audit', 'AccessDenied']]);

    const before = JSON.stringify(seatOf(host, 'Grace'));
    grace.send({ type: 'iam', request: { op: 'assumeRole', role: 'OnCall', durationS: 900 } });
    await waitFor(() => grace.refusals.length === 1, 'refused without MFA');
    expect(grace.refusals[0]).toMatchObject({ code: 'mfa-required' });
    grace.send({ type: 'iam', request: { op: 'assumeRole', role: 'Audit' } });
    await waitFor(() => grace.refusals.length === 2, 'not trusted');
    expect(grace.refusals[1]).toMatchObject({ code: 'not-trusted' });
    grace.send({ type: 'iam', request: { op: 'assumeRole', role: 'OnCall', durationS: 60 } });
    await waitFor(() => grace.refusals.length === 3, 'malformed duration');
    expect(grace.refusals[2]).toMatchObject({ code: 'malformed' });
    linus.send({ type: 'iam', request: { op: 'assumeRole', role: 'Audit' } });
    await waitFor(() => linus.refusals.length === 1, 'denied by his own policy');
    expect(linus.refusals[0]).toMatchObject({ code: 'AccessDenied' });
    host.send({ type: 'iam', request: { op: 'assumeRole', role: 'OnCall' } });
    await waitFor(() => host.refusals.length === 1, 'root refused');
    expect(host.refusals[0]).toMatchObject({ code: 'root-cannot-assume' });
    await pause(200);
    expect(JSON.stringify(seatOf(host, 'Grace'))).toBe(before);

    grace.send({ type: 'iam', request: { op: 'enableMfaDevice', device: 'grace-phone', authenticationCode1: '123456', authenticationCode2: '654321' } });
    await waitFor(() => viewOf(grace, 'Grace')?.roles[0]?.refusal === undefined, 'MFA lets Grace switch');
    grace.send({ type: 'iam', request: { op: 'assumeRole', role: 'OnCall', durationS: 1800 } });
    // Every client sees whom Grace acts as, and until when (match seconds).
    await waitFor(() => seatOf(host, 'Grace')?.principal === 'role/OnCall', 'Grace acts as OnCall');
    expect(viewOf(linus, 'Grace')?.active).toEqual({ role: 'OnCall', expiresAtS: 1800, expired: false });

    grace.send({ type: 'iam', request: { op: 'dropRole' } });
    await waitFor(() => seatOf(host, 'Grace')?.principal === 'user/Grace', 'switched back');
    expect(viewOf(grace, 'Grace')?.active).toBeUndefined();
    await Promise.all([host, grace, linus].map((p) => p.room.leave()));
  });
});
