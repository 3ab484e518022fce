import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { attemptedChanges, deletedStackEvents, stackEventsOf } from '../../../shared/template/stack-events.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
const line = (e: { logicalId: string; status: string }) => `${e.logicalId} ${e.status}`;

describe('stackEventsOf', () => {
  it('skips deleting what a DeletionPolicy retained: DELETE_SKIPPED, in the cleanup and in a stack deletion', () => {
    const update = stackEventsOf('net', true, [{ action: 'Remove', logicalId: 'A', resourceType: SUBNET }, { action: 'Remove', logicalId: 'B', resourceType: SUBNET }], { ok: true }, { skipped: new Map([['A', undefined]]) });
    expect(update.map(line)).toEqual(['net UPDATE_IN_PROGRESS', 'net UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'A DELETE_SKIPPED', 'B DELETE_IN_PROGRESS', 'B DELETE_COMPLETE', 'net UPDATE_COMPLETE']);
    const deleted = deletedStackEvents('net', [{ logicalId: 'Vpc', resourceType: VPC }, { logicalId: 'A', resourceType: SUBNET }], new Map([['A', undefined]]));
    expect(deleted.map(line)).toEqual(['net DELETE_IN_PROGRESS', 'A DELETE_SKIPPED', 'Vpc DELETE_IN_PROGRESS', 'Vpc DELETE_COMPLETE', 'net DELETE_COMPLETE']);
  });

  it('writes a successful create as CloudFormation does: the stack, then each resource, then the stack complete', () => {
    const events = stackEventsOf('net', false, [{ action: 'Add', logicalId: 'Vpc', resourceType: VPC }, { action: 'Add', logicalId: 'A', resourceType: SUBNET }], { ok: true });
    expect(events.map(line)).toEqual(['net CREATE_IN_PROGRESS', 'Vpc CREATE_IN_PROGRESS', 'Vpc CREATE_COMPLETE', 'A CREATE_IN_PROGRESS', 'A CREATE_COMPLETE', 'net CREATE_COMPLETE']);
    expect(events[0]).toMatchObject({ resourceType: 'AWS::CloudFormation::Stack', reason: 'User Initiated' });
  });

  it('writes an update with UPDATE_* events, a replacement creating a new resource and the old ones cleaned up', () => {
    const events = stackEventsOf(
      'net',
      true,
      [
        { action: 'Modify', logicalId: 'Vpc', resourceType: VPC, replacement: 'True' },
        { action: 'Add', logicalId: 'B', resourceType: SUBNET },
        { action: 'Remove', logicalId: 'A', resourceType: SUBNET },
      ],
      { ok: true },
    );
    expect(events.map(line)).toEqual([
      'net UPDATE_IN_PROGRESS',
      'Vpc UPDATE_IN_PROGRESS',
      'Vpc UPDATE_COMPLETE',
      'B CREATE_IN_PROGRESS',
      'B CREATE_COMPLETE',
      'net UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'A DELETE_IN_PROGRESS',
      'A DELETE_COMPLETE',
      'Vpc DELETE_IN_PROGRESS',
      'Vpc DELETE_COMPLETE',
      'net UPDATE_COMPLETE',
    ]);
    expect(events[1]!.reason).toContain('requires the creation of a new physical resource');
  });

  it('writes a failed create: what was made, the failing resource with its reason, and the rollback deleting it all', () => {
    const events = stackEventsOf('net', false, [{ action: 'Add', logicalId: 'Vpc', resourceType: VPC }, { action: 'Add', logicalId: 'A', resourceType: SUBNET }], { ok: false, logicalId: 'A', reason: 'CidrBlock is outside the VPC' });
    expect(events.map(line)).toEqual([
      'net CREATE_IN_PROGRESS',
      'Vpc CREATE_IN_PROGRESS',
      'Vpc CREATE_COMPLETE',
      'A CREATE_IN_PROGRESS',
      'A CREATE_FAILED',
      'net ROLLBACK_IN_PROGRESS',
      'Vpc DELETE_IN_PROGRESS',
      'Vpc DELETE_COMPLETE',
      'A DELETE_COMPLETE',
      'net ROLLBACK_COMPLETE',
    ]);
    expect(events[4]!.reason).toBe('CidrBlock is outside the VPC');
    expect(events[5]!.reason).toBe('The following resource(s) failed to create: [A]. Rollback requested by user.');
  });

  it('writes a failed update as UPDATE_FAILED and an update rollback that puts back what was updated', () => {
    const events = stackEventsOf('net', true, [{ action: 'Modify', logicalId: 'Vpc', resourceType: VPC }, { action: 'Modify', logicalId: 'A', resourceType: SUBNET }], { ok: false, logicalId: 'A', reason: 'no' });
    expect(events.map(line)).toEqual([
      'net UPDATE_IN_PROGRESS',
      'Vpc UPDATE_IN_PROGRESS',
      'Vpc UPDATE_COMPLETE',
      'A UPDATE_IN_PROGRESS',
      'A UPDATE_FAILED',
      'net UPDATE_ROLLBACK_IN_PROGRESS',
      'Vpc UPDATE_IN_PROGRESS',
      'Vpc UPDATE_COMPLETE',
      'net UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
      'net UPDATE_ROLLBACK_COMPLETE',
    ]);
  });

  it('fails the first resource when the refusal names none', () => {
    const events = stackEventsOf('net', false, attemptedChanges(undefined, { Vpc: { Type: VPC }, A: { Type: SUBNET } }), { ok: false, reason: 'Access denied' });
    expect(events.map(line).slice(1, 3)).toEqual(['Vpc CREATE_IN_PROGRESS', 'Vpc CREATE_FAILED']);
  });
});

describe('a deploy in the match writes its stack events to CloudTrail', () => {
  const stackEvents = (match: ReturnType<typeof testMatch>) =>
    match.trail.filter((e) => e.eventSource === 'cloudformation.amazonaws.com' && e.eventName === 'StackEvent').map((e) => `${e.params['logicalResourceId']} ${e.params['resourceStatus']}`);

  it('as a create that completes', () => {
    const match = testMatch();
    const template = 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n';
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'assets', region: 'us-east-1', template }, 0)).toMatchObject({ ok: true });
    expect(stackEvents(match)).toEqual(['assets CREATE_IN_PROGRESS', 'Files CREATE_IN_PROGRESS', 'Files CREATE_COMPLETE', 'assets CREATE_COMPLETE']);
    expect(match.trail.at(-2)).toMatchObject({ team: match.teams[0]!.id, resource: 'assets/Files', principal: { type: 'System' }, outcome: 'Success' });
  });

  it('as a rollback naming the failing resource and its reason, the world unchanged', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'cf' } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'createPolicy', name: 'StacksOnly', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] } } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'cf' }, policy: { kind: 'customer', name: 'StacksOnly' } } }, 0);
    const before = hashWorld(match.teams[0]!.world);
    const template = 'Resources:\n  Assets:\n    Type: AWS::S3::Bucket\n';
    expect(applyIntent(match, user('cf'), { type: 'deployStack', stack: 'assets', region: 'us-east-1', template }, 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied' } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    expect(stackEvents(match)).toEqual(['assets CREATE_IN_PROGRESS', 'Assets CREATE_IN_PROGRESS', 'Assets CREATE_FAILED', 'assets ROLLBACK_IN_PROGRESS', 'Assets DELETE_COMPLETE', 'assets ROLLBACK_COMPLETE']);
    const failed = match.trail.find((e) => e.params['resourceStatus'] === 'CREATE_FAILED')!;
    expect(failed.params['resourceStatusReason']).toContain('s3:CreateBucket');
    expect(failed.outcome).toBe('Failure');
  });

  it("names the resource the loader refused, with the loader's reason, where the scenario deleted the default VPC", () => {
    const match = testMatch();
    match.scenario = { ...match.scenario, account: { defaultVpcDeletedIn: ['us-east-1'] } };
    const before = hashWorld(match.teams[0]!.world);
    const template = 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n  Web:\n    Type: AWS::EC2::Instance\n    Properties: {InstanceType: t3.micro, ImageId: ami-12345678}\n';
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'loose', region: 'us-east-1', template }, 0).ok).toBe(false);
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    expect(stackEvents(match)).toEqual([
      'loose CREATE_IN_PROGRESS',
      'Files CREATE_IN_PROGRESS',
      'Files CREATE_COMPLETE',
      'Web CREATE_IN_PROGRESS',
      'Web CREATE_FAILED',
      'loose ROLLBACK_IN_PROGRESS',
      'Files DELETE_IN_PROGRESS',
      'Files DELETE_COMPLETE',
      'Web DELETE_COMPLETE',
      'loose ROLLBACK_COMPLETE',
    ]);
    const failed = match.trail.find((e) => e.params['resourceStatus'] === 'CREATE_FAILED')!;
    expect(failed.params['resourceStatusReason']).toContain('No default VPC for this user');
    expect(String(failed.params['resourceStatusReason'])).not.toMatch(/^loose\/Web/);
  });

  it('writes nothing for a template CloudFormation cannot read: validation fails before the stack is touched', () => {
    const match = testMatch();
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'assets', region: 'us-east-1', template: 'Resources: [' }, 0).ok).toBe(false);
    expect(stackEvents(match)).toEqual([]);
  });
});

describe("stack events in CloudFormation's dependency order", () => {
  // The instance is written first, before the subnet it is placed in and the VPC the subnet is in.
  const template = [
    'Resources:',
    '  Web:',
    '    Type: AWS::EC2::Instance',
    '    Properties: {InstanceType: t3.micro, ImageId: ami-12345678, SubnetId: !Ref Public}',
    '  Public:',
    '    Type: AWS::EC2::Subnet',
    '    Properties: {VpcId: !Ref Net, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}',
    '  Logs:',
    '    Type: AWS::S3::Bucket',
    '    DependsOn: Web',
    '  Net:',
    '    Type: AWS::EC2::VPC',
    '    Properties: {CidrBlock: 10.0.0.0/16}',
    '',
  ].join('\n');
  const stackEvents = (match: ReturnType<typeof testMatch>, from = 0) =>
    match.trail
      .slice(from)
      .filter((e) => e.eventName === 'StackEvent')
      .map((e) => `${e.params['logicalResourceId']} ${e.params['resourceStatus']}`);

  it('creates a resource after everything it refers to (Ref, DependsOn), whatever the template order', () => {
    const match = testMatch();
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'web', region: 'us-east-1', template }, 0)).toMatchObject({ ok: true });
    const created = stackEvents(match).filter((l) => l.endsWith(' CREATE_COMPLETE') && !l.startsWith('web '));
    expect(created).toEqual(['Net CREATE_COMPLETE', 'Public CREATE_COMPLETE', 'Web CREATE_COMPLETE', 'Logs CREATE_COMPLETE']);
  });

  it('deletes in reverse dependency order when an update removes them, and rolls back a failed create newest first', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'deployStack', stack: 'web', region: 'us-east-1', template }, 0);
    const from = match.trail.length;
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'web', region: 'us-east-1', template: 'Resources:\n  Other:\n    Type: AWS::S3::Bucket\n' }, 0)).toMatchObject({ ok: true });
    const deleted = stackEvents(match, from).filter((l) => l.endsWith(' DELETE_COMPLETE'));
    expect(deleted).toEqual(['Logs DELETE_COMPLETE', 'Web DELETE_COMPLETE', 'Public DELETE_COMPLETE', 'Net DELETE_COMPLETE']);
  });

  it('orders an update by the new template, Fn::GetAtt and Fn::Sub included', () => {
    const changes = attemptedChanges(undefined, { A: {}, B: {}, C: {} }).map((c) => ({ ...c, resourceType: SUBNET }));
    const after = {
      A: { Type: SUBNET, Properties: { X: { 'Fn::Sub': '${B.Arn}-x' } } },
      B: { Type: SUBNET, Properties: { Y: { 'Fn::GetAtt': ['C', 'Id'] } } },
      C: { Type: SUBNET },
    };
    const events = stackEventsOf('s', true, changes.map((c) => ({ ...c, action: 'Modify' as const })), { ok: true }, { before: after, after });
    expect(events.filter((e) => e.status === 'UPDATE_COMPLETE' && e.logicalId !== 's').map((e) => e.logicalId)).toEqual(['C', 'B', 'A']);
  });
});
