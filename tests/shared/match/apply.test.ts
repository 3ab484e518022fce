import { describe, expect, it } from 'vitest';
import { allMappedActions } from '../../../shared/match/api-calls.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { findAction } from '../../../shared/iam/actions.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

const stack = (m: ReturnType<typeof testMatch>) => m.teams[0]!.world.design.stacks[0]!.name;

describe("a stack deploy in the match's account", () => {
  // An instance with no SubnetId: AWS launches it in the default VPC, if the account still has one.
  const template = 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties: {InstanceType: t3.micro, ImageId: ami-12345678}\n';
  const deploy = { type: 'deployStack' as const, stack: 'loose', region: 'us-east-1' as const, template };

  it('puts what a template leaves unplaced in the default VPC', () => {
    const match = testMatch();
    expect(applyIntent(match, host(), deploy, 0)).toMatchObject({ ok: true });
    const design = match.teams[0]!.world.design;
    const web = design.resources.find((r) => r.logicalId === 'Web')!;
    expect(web.kind === 'instance' && design.stacks[design.resources[web.props.subnet]!.stack]?.account).toBe(true);
  });

  it("refuses it, in AWS's words, where the scenario deleted the region's default VPC, and changes nothing", () => {
    const match = testMatch();
    match.scenario = { ...match.scenario, account: { defaultVpcDeletedIn: ['us-east-1'] } };
    const before = hashWorld(match.teams[0]!.world);
    const result = applyIntent(match, host(), deploy, 0);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'design-rule', message: expect.stringContaining('No default VPC for this user') } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
  });
});

describe('applying intents to a match', () => {
  it('names every intent with an IAM action that exists', () => {
    const missing = allMappedActions().filter((a) => !findAction(a));
    expect(missing).toEqual([]);
  });

  it("places a bucket for the root account and records it in CloudTrail", () => {
    const match = testMatch();
    const result = applyIntent(match, host(), { type: 'createResource', stack: stack(match), kind: 'bucket', logicalId: 'Static', props: { websiteHosting: true } }, 1000);
    expect(result).toMatchObject({ ok: true });
    expect(match.teams[0]!.world.design.resources.at(-1)).toMatchObject({ logicalId: 'Static', kind: 'bucket' });
    expect(match.trail.at(-1)).toMatchObject({ eventSource: 's3.amazonaws.com', eventName: 'CreateBucket', outcome: 'Success', principal: { type: 'Root' } });
  });

  it('stops an IAM user by their policies, with AWS-style AccessDenied, and lets them once allowed', () => {
    const match = testMatch();
    expect(applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0).ok).toBe(true);
    expect(applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'ReadOnlyAccess' } } }, 0).ok).toBe(true);
    const before = hashWorld(match.teams[0]!.world);
    const place = { type: 'createResource' as const, stack: stack(match), kind: 'bucket' as const, props: { websiteHosting: false } };
    const denied = applyIntent(match, user('ana'), place, 0);
    expect(denied).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('s3:CreateBucket') } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    expect(match.trail.at(-1)).toMatchObject({ outcome: 'Failure', errorCode: 'AccessDenied', principal: { type: 'IAMUser', name: 'ana' } });

    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }, 0);
    expect(applyIntent(match, user('ana'), place, 0)).toMatchObject({ ok: true });
    // PowerUserAccess still may not touch IAM.
    expect(applyIntent(match, user('ana'), { type: 'iam', request: { op: 'createUser', name: 'eve' } }, 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
  });

  it('lets only the host drive the clock and refuses nonsense for the phase', () => {
    const match = testMatch();
    expect(applyIntent(match, user('ana'), { type: 'clock', command: 'start' }, 0)).toMatchObject({ ok: false, refusal: { code: 'host-only' } });
    expect(applyIntent(match, host(), { type: 'clock', command: 'pause' }, 0)).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    expect(applyIntent(match, host(), { type: 'clock', command: 'start' }, 0)).toMatchObject({ ok: true });
    expect(match.clock.phase).toBe('running');
  });

  it('refuses design changes from a player without a team', () => {
    const match = testMatch();
    expect(applyIntent(match, host(null), { type: 'delete', target: `${stack(match)}/Nothing` }, 0)).toMatchObject({ ok: false, refusal: { code: 'no-team' } });
  });

  it('steps every team only while the clock runs, and logs what the worlds report', () => {
    const match = testMatch({ teams: ['red', 'blue'] });
    const cursor = new Map<string, number>();
    runTick(match, [], 10, 0, cursor);
    expect(match.clock.step).toBe(0);
    runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 12, 0, cursor);
    expect(match.clock.step).toBe(12);
    // Same design, scenario and seed: identical worlds.
    expect(hashWorld(match.teams[0]!.world)).toBe(hashWorld(match.teams[1]!.world));
    expect(match.trail.some((e) => e.principal.type === 'Scenario' || e.principal.type === 'System')).toBe(true);
  });

  it('injects an event into the chosen teams at the same simulated time', () => {
    const match = testMatch({ teams: ['red', 'blue', 'green'] });
    const cursor = new Map<string, number>();
    runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 6, 0, cursor);
    const inject = applyIntent(match, host(null), { type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 600, params: { zone: 'us-east-1a' } }, teams: ['red', 'blue'] }, 0);
    expect(inject.ok).toBe(true);
    runTick(match, [], 30, 0, cursor);
    const [red, blue, green] = match.teams.map((t) => hashWorld(t.world));
    expect(red).toBe(blue);
    expect(green).not.toBe(red);
    expect(applyIntent(match, host(null), { type: 'inject', event: { type: 'budget-cut', atS: 0, params: { amountUsd: 1 } }, teams: ['purple'] }, 0)).toMatchObject({ ok: false, refusal: { code: 'unknown-team' } });
  });

  it('deploys a new stack beside an empty one, keeping the empty stack', () => {
    const match = testMatch({ design: 'alb-asg-multi-az' });
    expect(applyIntent(match, host(), { type: 'createStack', stack: 'spare', region: 'us-east-1' }, 0).ok).toBe(true);
    const result = applyIntent(match, host(), { type: 'deployStack', stack: 'assets', region: 'us-east-1', template: 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n' }, 0);
    expect(result).toMatchObject({ ok: true });
    expect(match.teams[0]!.world.design.stacks.map((s) => s.name).sort()).toEqual(['assets', 'spare', 'web']);
  });

  it('refuses a template whose resources the sender may not create, even with CloudFormation rights', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'cf' } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'createPolicy', name: 'StacksOnly', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] } } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'cf' }, policy: { kind: 'customer', name: 'StacksOnly' } } }, 0);
    const template = 'Resources:\n  Assets:\n    Type: AWS::S3::Bucket\n';
    const result = applyIntent(match, user('cf'), { type: 'deployStack', stack: 'assets', region: 'us-east-1', template }, 0);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('s3:CreateBucket') } });
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'assets', region: 'us-east-1', template }, 0)).toMatchObject({ ok: true });
    expect(match.teams[0]!.world.design.stacks.map((s) => s.name)).toContain('assets');
  });
});
