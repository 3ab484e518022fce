// MFA through a real room, real SDK clients over WebSocket: a player's EnableMFADevice is refused with a stable
// code and changes nothing when it is wrong, succeeds on their own user, and then a policy requiring MFA lets
// them build while it still refuses a player without a device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import type { Directory } from '../../shared/iam/directory.ts';
import { createRoom, joinRoom, resourcesOf, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { pause, waitFor } from '../support/wait.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const STACK = 'web';
const bucket = (id: string) => ({ type: 'createResource', stack: STACK, kind: 'bucket', logicalId: id, props: { websiteHosting: false } });
/** The account's IAM directory as the room sends it to the host (a view-filtered map of one AccountState). */
function directoryOf(p: Player): Directory {
  return JSON.parse(Object.values(p.state().account)[0]?.directory ?? '{"users":[]}') as Directory;
}

const requireMfa = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', NotAction: ['iam:EnableMFADevice', 'iam:CreateVirtualMFADevice'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }],
};

describe('MFA in the room', () => {
  it("refuses bad EnableMFADevice requests by code, enables a player's own device, and MFA then counts", async () => {
    const host = await createRoom(server.url, { nickname: 'Ada', mode: 'team', design: 'alb-asg-multi-az' });
    const grace = await joinRoom(server.url, host.room.roomId, { nickname: 'Grace' });
    const linus = await joinRoom(server.url, host.room.roomId, { nickname: 'Linus' });
    await waitFor(() => Object.keys(host.state().players).length === 3, 'three players seated');
    await waitFor(() => Object.keys(resourcesOf(grace)).length > 0, 'the board is seen');

    // The host requires MFA of every Builder; players may still enable their own device.
    host.send({ type: 'iam', request: { op: 'createPolicy', name: 'RequireMfa', document: requireMfa } });
    host.send({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'group', name: 'Builders' }, policy: { kind: 'customer', name: 'RequireMfa' } } });
    const own = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:EnableMFADevice', Resource: 'arn:aws:iam::123456789012:user/Grace' }] };
    host.send({ type: 'iam', request: { op: 'putInlinePolicy', to: { kind: 'user', name: 'Grace' }, name: 'OwnMfa', document: own } });
    await pause(300);

    grace.send(bucket('Before'));
    await waitFor(() => grace.refusals.length === 1, 'refused without MFA');
    expect(grace.refusals[0]).toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('explicit deny') });

    const before = JSON.stringify(host.state().account);
    grace.send({ type: 'iam', request: { op: 'enableMfaDevice', device: 'grace-phone', authenticationCode1: '123456', authenticationCode2: '123456' } });
    await waitFor(() => grace.refusals.length === 2, 'same code twice');
    expect(grace.refusals[1]).toMatchObject({ code: 'invalid-authentication-code' });
    grace.send({ type: 'iam', request: { op: 'enableMfaDevice', user: 'Linus', device: 'not-mine', authenticationCode1: '123456', authenticationCode2: '654321' } });
    await waitFor(() => grace.refusals.length === 3, "someone else's user");
    expect(grace.refusals[2]).toMatchObject({ code: 'AccessDenied' });
    grace.send({ type: 'iam', request: { op: 'enableMfaDevice', device: 'grace-phone', authenticationCode1: 'abc', authenticationCode2: '654321', extra: 1 } });
    await waitFor(() => grace.refusals.length === 4, 'malformed');
    expect(grace.refusals[3]).toMatchObject({ code: 'malformed' });
    await pause(200);
    expect(JSON.stringify(host.state().account)).toBe(before);

    grace.send({ type: 'iam', request: { op: 'enableMfaDevice', device: 'grace-phone', authenticationCode1: '123456', authenticationCode2: '654321' } });
    await waitFor(() => directoryOf(host).users.some((u) => u.name === 'Grace' && (u.mfaDevices ?? []).includes('grace-phone')), 'device enabled');
    // Every client is told whose requests carry MFA: Grace's now do, Linus's do not.
    await waitFor(() => Object.values(grace.state().players).some((p) => p.principal === 'user/Grace' && p.mfa === true), 'Grace shown with MFA');
    expect(Object.values(grace.state().players).find((p) => p.principal === 'user/Linus')?.mfa).toBe(false);
    grace.send(bucket('After'));
    await waitFor(() => resourcesOf(host)[`${STACK}/After`] !== undefined, 'built with MFA');
    linus.send(bucket('NoMfa'));
    await waitFor(() => linus.refusals.length === 1, 'Linus still refused');
    expect(linus.refusals[0]).toMatchObject({ code: 'AccessDenied' });

    const answer = (await host.room.request(MESSAGE.trail, { action: 'EnableMFADevice' })) as { events: { outcome: string; errorCode?: string }[] };
    expect(answer.events.map((e) => e.errorCode ?? e.outcome)).toEqual(['Success', 'AccessDenied', 'invalid-authentication-code']);
    await Promise.all([host, grace, linus].map((p) => p.room.leave()));
  });
});
