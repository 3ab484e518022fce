import { describe, expect, it } from 'vitest';
import { answerExportStack } from '../../server/rooms/export-request.ts';
import { applyIntent } from '../../shared/match/apply.ts';
import { exportStackSchema } from '../../shared/protocol/export-stack.ts';
import { hashWorld } from '../../shared/sim/hash.ts';
import { parseTemplateText } from '../../shared/template/index.ts';
import { host, testMatch, user } from '../support/match-fixtures.ts';

// A template with typed parameters (one required, one with a default and allowed values), a condition, a
// mapping and a resource the game does not model: everything the board does not carry, and the export must.
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Size:
    Type: String
    Default: t3.micro
    AllowedValues: [t3.micro, t3.large]
  Alerts:
    Type: String
    Description: Where alarms go
Mappings:
  Images:
    us-east-1: {Ami: ami-12345678}
Conditions:
  Large: !Equals [!Ref Size, t3.large]
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !Ref Size
      ImageId: !FindInMap [Images, !Ref 'AWS::Region', Ami]
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref Alerts
`;

function deployedMatch() {
  const match = testMatch({ teams: ['red', 'blue'] });
  const deployed = applyIntent(match, host(), { type: 'deployStack', stack: 'site', region: 'us-east-1', template: TEMPLATE, parameters: { Size: 't3.large', Alerts: 'ops' } }, 0);
  expect(deployed).toMatchObject({ ok: true });
  return match;
}

describe('the exportStack request', () => {
  it('never sends a NoEcho value: masked in the manifest entry, kept by UsePreviousValue in the parameters file', () => {
    const match = testMatch();
    const template = `Parameters:\n  Secret:\n    Type: String\n    NoEcho: true\n  Name:\n    Type: String\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Name\n`;
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'quiet', region: 'us-east-1', template, parameters: { Secret: 'hunter2-long', Name: 'alerts' } }, 0)).toMatchObject({ ok: true });
    const answer = answerExportStack(match, host(), { stack: 'quiet', team: 'red' });
    if (!answer.ok) throw new Error(answer.refusal.message);
    expect(JSON.stringify(answer)).not.toContain('hunter2-long');
    expect(answer.parameters).toEqual([
      { ParameterKey: 'Secret', UsePreviousValue: true },
      { ParameterKey: 'Name', ParameterValue: 'alerts' },
    ]);
    expect(answer.manifest.parameters).toEqual({ Secret: '****', Name: 'alerts' });
    // The server's own design keeps the value: the stack goes on running as deployed.
    expect(JSON.stringify(match.teams[0]!.world.design)).toContain('hunter2-long');
  });

  it("exports a stack deployed from a template with its Parameters, Mappings, Conditions, unmodelled resources and a parameters file of the deployed values", () => {
    const match = deployedMatch();
    const before = hashWorld(match.teams[0]!.world);
    const answer = answerExportStack(match, user('Grace'), { stack: 'site' });
    if (!answer.ok) throw new Error(answer.refusal.message);
    const template = parseTemplateText(answer.template, { stack: 'site' }).value as Record<string, Record<string, unknown>>;
    expect(template['Parameters']).toEqual({ Size: { Type: 'String', Default: 't3.micro', AllowedValues: ['t3.micro', 't3.large'] }, Alerts: { Type: 'String', Description: 'Where alarms go' } });
    expect(template['Mappings']).toEqual({ Images: { 'us-east-1': { Ami: 'ami-12345678' } } });
    expect(Object.keys(template['Conditions']!)).toEqual(['Large']);
    expect(template['Resources']!['Topic']).toEqual({ Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: 'Alerts' } } });
    expect(template['Resources']!['Web']).toMatchObject({ Type: 'AWS::EC2::Instance', Properties: { InstanceType: { Ref: 'Size' } } });
    // The values as deployed, beside the untouched declarations: the AWS CLI's file and the manifest entry.
    expect(answer.parameters).toEqual([
      { ParameterKey: 'Size', ParameterValue: 't3.large' },
      { ParameterKey: 'Alerts', ParameterValue: 'ops' },
    ]);
    expect(answer.manifest).toEqual({ name: 'site', region: 'us-east-1', template: 'site.yaml', parameters: { Size: 't3.large', Alerts: 'ops' } });
    // A read-only answer: the world is as it was.
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
  });

  it("gives a player only their own team's stacks, and the host any team's by name", () => {
    const match = deployedMatch();
    expect(answerExportStack(match, user('Grace', 'blue'), { stack: 'site' })).toMatchObject({ ok: false, refusal: { code: 'unknown-stack' } });
    expect(answerExportStack(match, user('Grace', 'blue'), { stack: 'site', team: 'red' })).toMatchObject({ ok: false, refusal: { code: 'host-only' } });
    expect(answerExportStack(match, user('Grace', 'red'), { stack: 'site', team: 'red' })).toMatchObject({ ok: true, stack: 'site' });
    expect(answerExportStack(match, host(null), { stack: 'site', team: 'red' })).toMatchObject({ ok: true, manifest: { parameters: { Alerts: 'ops' } } });
    expect(answerExportStack(match, host(null), { stack: 'site' })).toMatchObject({ ok: false, refusal: { code: 'no-team' } });
    expect(answerExportStack(match, host(null), { stack: 'site', team: 'green' })).toMatchObject({ ok: false, refusal: { code: 'unknown-team', detail: 'green' } });
    expect(answerExportStack(match, undefined, { stack: 'site' })).toMatchObject({ ok: false, refusal: { code: 'no-team' } });
  });

  it('refuses an unknown stack and the default VPC (the account is no stack) with stable codes', () => {
    const match = deployedMatch();
    expect(answerExportStack(match, user('Grace'), { stack: 'nowhere' })).toMatchObject({ ok: false, refusal: { code: 'unknown-stack', detail: 'nowhere' } });
    // The account's default VPC is AWS's, no stack's: its name (with a colon) is not even a stack name.
    const account = match.teams[0]!.world.design.stacks.find((s) => s.account);
    expect(account).toBeDefined();
    expect(answerExportStack(match, user('Grace'), { stack: account!.name })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    // Object.prototype's names are not stacks either.
    expect(answerExportStack(match, user('Grace'), { stack: 'constructor' })).toMatchObject({ ok: false, refusal: { code: 'unknown-stack' } });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'site'],
    ['no stack', {}],
    ['a stack that is not a name', { stack: '../etc' }],
    ['an overlong stack', { stack: `a${'b'.repeat(200)}` }],
    ['a team that is not a string', { stack: 'site', team: 7 }],
    ['an unknown field', { stack: 'site', extra: true }],
  ])('refuses %s as malformed, never throwing', (_, payload) => {
    expect(exportStackSchema.safeParse(payload).success).toBe(false);
    expect(answerExportStack(deployedMatch(), user('Grace'), payload)).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });
});
