import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { createRoom, joinRoom, resourcesOf } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait.ts';

// Real server process, real SDK clients: "Create change set" is answered by the room from the asker's own team.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const vpc = (cidr: string) => JSON.stringify({ Resources: { Net: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr } } } });
type Answer = { ok: boolean; changes?: { action: string; logicalId: string; replacement?: string; causes?: string[] }[]; issues?: { severity: string }[]; refusal?: { code: string } };

describe('the changeSet request', () => {
  it("answers from the asker's own team's design, and refuses bad input with a stable code", async () => {
    const teacher = await createRoom(server.url, { nickname: 'Teacher', mode: 'classroom', teams: 2, design: 'single-instance' });
    const red = await joinRoom(server.url, teacher.room.roomId, { nickname: 'Red', team: 'team-1' });
    const blue = await joinRoom(server.url, teacher.room.roomId, { nickname: 'Blue', team: 'team-2' });
    await waitFor(() => Object.keys(resourcesOf(red)).length > 0 && Object.keys(resourcesOf(blue, 'team-2')).length > 0, 'both boards');

    const ask = (who: typeof red, payload: unknown) => who.room.request(MESSAGE.changeSet, payload) as Promise<Answer>;
    const created = await ask(red, { stack: 'net', region: 'us-east-1', template: vpc('10.9.0.0/16') });
    expect(created).toMatchObject({ ok: true, changes: [{ action: 'Add', logicalId: 'Net' }] });
    // Asking changes nothing: the stack is not there until a deploy.
    expect(Object.keys(resourcesOf(red)).some((r) => r.startsWith('net/'))).toBe(false);

    red.send({ type: 'deployStack', stack: 'net', region: 'us-east-1', template: vpc('10.9.0.0/16') });
    await waitFor(() => resourcesOf(red)['net/Net'] !== undefined, 'red deployed the stack');

    // The deploy's stack events are in red's CloudTrail, as cloudformation.amazonaws.com events of the stack; not in blue's.
    const trail = (await red.room.request(MESSAGE.trail, { action: 'cloudformation:StackEvent', resource: 'net' })) as { events: { params: Record<string, string> }[] };
    expect(trail.events.map((e) => `${e.params['logicalResourceId']} ${e.params['resourceStatus']}`).reverse()).toEqual(['net CREATE_IN_PROGRESS', 'Net CREATE_IN_PROGRESS', 'Net CREATE_COMPLETE', 'net CREATE_COMPLETE']);
    const blueTrail = (await blue.room.request(MESSAGE.trail, { action: 'cloudformation:StackEvent' })) as { events: unknown[] };
    expect(blueTrail.events).toEqual([]);

    // Red's stack now exists: a new CIDR replaces the VPC (in the game too: a new physical VPC, and AWS's words why). Blue's design has no such stack: the same template adds it.
    const redUpdate = await ask(red, { stack: 'net', region: 'us-east-1', template: vpc('10.8.0.0/16') });
    expect(redUpdate).toMatchObject({ ok: true, changes: [{ action: 'Modify', logicalId: 'Net', replacement: 'True', causes: ['CidrBlock'], physical: 'replacement', physicalBecause: [{ property: 'CidrBlock', aws: 'Update requires: Replacement' }] }] });
    const blueSees = await ask(blue, { stack: 'net', region: 'us-east-1', template: vpc('10.8.0.0/16') });
    expect(blueSees).toMatchObject({ ok: true, changes: [{ action: 'Add', logicalId: 'Net' }] });
    // The stack lives in us-east-1: asking for it elsewhere is a finding, not a change set.
    const elsewhere = await ask(red, { stack: 'net', region: 'eu-west-1', template: vpc('10.8.0.0/16') });
    expect(elsewhere.ok).toBe(true);
    expect(elsewhere.changes).toEqual([]);
    expect(elsewhere.issues?.some((i) => i.severity === 'error')).toBe(true);

    for (const bad of ['net', { stack: 'net' }, { stack: '1bad', region: 'us-east-1', template: 'x' }, { stack: 'net', region: 'mars-1', template: 'x' }, { stack: 'net', region: 'us-east-1', template: 'x', extra: 1 }]) {
      expect((await ask(red, bad)).refusal?.code).toBe('malformed');
    }
    expect((await ask(red, { stack: 'net', region: 'us-east-1', template: 'x'.repeat(70_000) })).refusal?.code).toBe('too-large');
    // The teacher sits at no team's board: there is no design of theirs to compare with.
    expect((await ask(teacher, { stack: 'net', region: 'us-east-1', template: vpc('10.8.0.0/16') })).refusal?.code).toBe('no-team');
    await Promise.all([teacher, red, blue].map((p) => p.room.leave()));
  });
});
