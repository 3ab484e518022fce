import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import type { ExportStackAnswer } from '../../shared/protocol/export-stack.ts';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { parseTemplateText } from '../../shared/template/index.ts';
import { joinRoom, resourcesOf, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait.ts';

// Real server process, real SDK clients: a stack is exported by the room from the team's own design.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const TEMPLATE = `Parameters:
  Size:
    Type: String
    Default: t3.micro
    AllowedValues: [t3.micro, t3.large]
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties: {InstanceType: !Ref Size, ImageId: ami-12345678}
  Topic:
    Type: AWS::SNS::Topic
`;

const ask = async (p: Player, request: unknown) => (await p.room.request(MESSAGE.exportStack, request)) as ExportStackAnswer;

describe('exporting a stack from the room', () => {
  it("answers a player with their own team's stack as deployed, the host with any team's, and refuses the rest", async () => {
    const created = await fetch(`${server.url}/api/competitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'az-outage', teams: 2, teamSize: 1, speed: 1, design: 'alb-asg-multi-az', seed: 5 }),
    });
    expect(created.status).toBe(201);
    const competition = (await created.json()) as CreatedCompetition;
    const teacher = await joinRoom(server.url, competition.code, { nickname: 'Teacher', hostToken: competition.hostToken });
    const red = await joinRoom(server.url, competition.code, { nickname: 'Red', team: 'team-1' });
    const blue = await joinRoom(server.url, competition.code, { nickname: 'Blue', team: 'team-2' });
    await waitFor(() => Object.keys(teacher.state().players).length === 3, 'everyone seated');

    red.send({ type: 'deployStack', stack: 'site', region: 'us-east-1', template: TEMPLATE, parameters: { Size: 't3.large' } });
    await waitFor(() => resourcesOf(red, 'team-1')['site/Web'] !== undefined, 'red sees its deployed stack');

    const own = await ask(red, { stack: 'site' });
    if (!own.ok) throw new Error(own.refusal.message);
    const template = parseTemplateText(own.template, { stack: 'site' }).value as Record<string, Record<string, unknown>>;
    expect(template['Parameters']).toEqual({ Size: { Type: 'String', Default: 't3.micro', AllowedValues: ['t3.micro', 't3.large'] } });
    expect(template['Resources']!['Topic']).toEqual({ Type: 'AWS::SNS::Topic' });
    expect(own.parameters).toEqual([{ ParameterKey: 'Size', ParameterValue: 't3.large' }]);
    expect(own.manifest).toEqual({ name: 'site', region: 'us-east-1', template: 'site.yaml', parameters: { Size: 't3.large' } });

    // The scenario's starting stack, from the real design (its VPC and its load balancer).
    const web = await ask(red, { stack: 'web' });
    expect(web.ok && web.template).toMatch(/AWS::EC2::VPC[\s\S]*AWS::ElasticLoadBalancingV2::LoadBalancer/);

    // Blue has no such stack, and may not ask for red's.
    expect(await ask(blue, { stack: 'site' })).toMatchObject({ ok: false, refusal: { code: 'unknown-stack' } });
    expect(await ask(blue, { stack: 'site', team: 'team-1' })).toMatchObject({ ok: false, refusal: { code: 'host-only' } });
    // The host names the team.
    expect(await ask(teacher, { stack: 'site', team: 'team-1' })).toMatchObject({ ok: true, template: own.template, parameters: own.parameters });
    expect(await ask(teacher, { stack: 'site' })).toMatchObject({ ok: false, refusal: { code: 'no-team' } });
    expect(await ask(teacher, { stack: 'site', team: 'team-9' })).toMatchObject({ ok: false, refusal: { code: 'unknown-team' } });
    // Malformed requests are answered, not fatal: the room goes on.
    expect(await ask(red, 'site')).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(await ask(red, { stack: 'site', junk: 'z'.repeat(5000) })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(await ask(red, { stack: 'site' })).toMatchObject({ ok: true });
    expect([red, blue, teacher].flatMap((p) => p.refusals)).toEqual([]);
    await Promise.all([teacher, red, blue].map((p) => p.room.leave()));
  });
});
