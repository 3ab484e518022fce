import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { Design } from '../../../shared/design/model.ts';
import { applyBoardPlan, changeStacks, planOf } from '../../../shared/match/apply-design.ts';
import { snapshotsOf } from '../../../shared/account/retained-stack.ts';
import { keepInAccount } from '../../../shared/account/keep-in-account.ts';
import { adoptDesign } from '../../../shared/sim/actions.ts';
import { RUNNING } from '../../../shared/sim/constants.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { exportDesign } from '../../../shared/template/export.ts';
import { checkDesignShape } from '../../../shared/design/schema.ts';
import { loadDesign } from '../../../shared/template/manifest.ts';
import { scenario } from '../sim/builders.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';
import { now, runUntil, slotsOf } from '../sim/probes.ts';

// An instance in the default VPC (no SubnetId) that users reach directly, and a database in its own stack.
const web = (policy?: string) => `Resources:
  Web:
    Type: AWS::EC2::Instance
${policy ? `    DeletionPolicy: ${policy}\n` : ''}    Properties: {InstanceType: t3.micro, ImageId: ami-12345678}
`;
const data = (attributes = '', properties = '') => `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.1.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.1.0.0/24, AvailabilityZone: us-east-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1b}
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref A, !Ref B]}
  Db:
    Type: AWS::RDS::DBInstance
${attributes}    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '100', DBSubnetGroupName: !Ref Group${properties}}
`;

function load(stacks: { name: string; template: string }[]): Design {
  const texts = new Map(stacks.map((s) => [`${s.name}.yaml`, s.template]));
  const loaded = loadDesign({ stacks: stacks.map((s) => ({ name: s.name, region: 'us-east-1', template: `${s.name}.yaml` })) }, (path) => texts.get(path));
  expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return loaded.design!;
}

function ok(result: ReturnType<typeof changeStacks>) {
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

const retainedIn = (design: Design) => design.resources.filter((r) => design.stacks[r.stack]?.retained);

function running(world: World, logicalId: string): boolean {
  return slotsOf(world, logicalId).some((s) => world.state.instState[s] === RUNNING);
}

describe('DeletionPolicy when a stack is deleted', () => {
  it('Retain keeps the instance running, serving and billed, outside any stack', () => {
    const design = load([{ name: 'web', template: web('Retain') }]);
    const world = createWorld(design, scenario(), 3);
    runUntil(world, 600);
    expect(world.last.served).toBeGreaterThan(0);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'web' }));
    expect(deleted.design.stacks.some((s) => s.name === 'web')).toBe(false);
    const kept = retainedIn(deleted.design);
    expect(kept).toMatchObject([{ kind: 'instance', logicalId: 'webWeb', retainedFrom: { stack: 'web', logicalId: 'Web' } }]);
    expect(deleted.design.stacks[kept[0]!.stack]).toMatchObject({ name: 'account:retained:us-east-1', account: true, retained: true });
    expect(deleted.kept?.retained).toMatchObject([{ from: 'web/Web', to: 'account:retained:us-east-1/webWeb' }]);

    adoptDesign(world, deleted.design);
    // The same physical instance: it does not boot again, it goes on serving.
    expect(running(world, 'webWeb')).toBe(true);
    const cost = world.last.costUsd;
    runUntil(world, now(world) + 600);
    expect(world.last.served).toBeGreaterThan(0);
    expect(world.last.costUsd - cost).toBeGreaterThan(0);
  });

  it('Delete (the default for an instance) takes it away: nothing serves, nothing is billed for it', () => {
    const design = load([{ name: 'web', template: web() }]);
    const world = createWorld(design, scenario(), 3);
    runUntil(world, 600);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'web' }));
    expect(retainedIn(deleted.design)).toEqual([]);
    expect(deleted.design.resources.some((r) => r.kind === 'instance')).toBe(false);
    adoptDesign(world, deleted.design);
    runUntil(world, now(world) + 60);
    expect(world.last.served).toBe(0);
  });

  it('keeps what a retained resource still uses (AWS cannot delete it), and drops the rest', () => {
    const template = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.2.0.0/16}
  Sub:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.2.0.0/24, AvailabilityZone: us-east-1a}
  Other:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.2.1.0/24, AvailabilityZone: us-east-1b}
  Box:
    Type: AWS::EC2::Instance
    DeletionPolicy: Retain
    Properties: {InstanceType: t3.micro, ImageId: ami-12345678, SubnetId: !Ref Sub}
`;
    const deleted = ok(changeStacks(load([{ name: 'app', template }]), { type: 'deleteStack', stack: 'app' }));
    expect(retainedIn(deleted.design).map((r) => r.logicalId).sort()).toEqual(['appBox', 'appNet', 'appSub']);
    expect(deleted.kept?.retained.find((r) => r.from === 'app/Sub')).toMatchObject({ usedBy: 'app/Box' });
    // A checkpoint keeps it as it is.
    expect(checkDesignShape(JSON.parse(JSON.stringify(deleted.design)))).toMatchObject({ ok: true });
    // The player removes them as pieces: the VPC not while the instance runs in it (as AWS refuses), then in order.
    const remove = (design: Design, ref: string) => {
      const plan = planOf(design, { type: 'remove', ref }, {} as never);
      return plan.ok ? applyBoardPlan(design, plan) : plan;
    };
    expect(remove(deleted.design, 'account:retained:us-east-1/appNet')).toMatchObject({ ok: false, refusal: { code: 'DependencyViolation', message: "The vpc 'account:retained:us-east-1-appNet' has dependencies and cannot be deleted." } });
    const withoutBox = remove(deleted.design, 'account:retained:us-east-1/appBox');
    if (!withoutBox.ok) throw new Error(withoutBox.refusal.message);
    const withoutNet = remove(withoutBox.design, 'account:retained:us-east-1/appNet');
    if (!withoutNet.ok) throw new Error(withoutNet.refusal.message);
    expect(retainedIn(withoutNet.design)).toEqual([]);
  });
});

describe('DeletionPolicy when a deploy removes a resource from its template', () => {
  it('retains a Retain resource the new template no longer declares, and keeps it across later deploys', () => {
    const two = `${web('Retain')}  Files:
    Type: AWS::S3::Bucket
`;
    const design = load([{ name: 'web', template: two }]);
    const world = createWorld(design, scenario(), 3);
    runUntil(world, 600);
    const deployed = ok(changeStacks(design, { type: 'deployStack', stack: 'web', region: 'us-east-1', template: 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n' }));
    expect(retainedIn(deployed.design)).toMatchObject([{ kind: 'instance', logicalId: 'webWeb' }]);
    adoptDesign(world, deployed.design);
    expect(running(world, 'webWeb')).toBe(true);

    // Another deploy re-reads every template: the account still has what it kept.
    const again = ok(changeStacks(deployed.design, { type: 'deployStack', stack: 'web', region: 'us-east-1', template: 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n  More:\n    Type: AWS::S3::Bucket\n' }));
    expect(retainedIn(again.design)).toMatchObject([{ kind: 'instance', logicalId: 'webWeb' }]);
    const instance = retainedIn(again.design)[0]!;
    // Its subnet is still the default VPC's, in the account's own stack.
    expect(instance.kind === 'instance' && again.design.stacks[again.design.resources[instance.props.subnet]!.stack]?.name).toBe('account:us-east-1');
    adoptDesign(world, again.design);
    expect(running(world, 'webWeb')).toBe(true);
  });

  it('a stack created again under the old name makes a new instance, while the retained one runs on', () => {
    const design = load([{ name: 'web', template: web('Retain') }]);
    const world = createWorld(design, scenario(), 3);
    runUntil(world, 600);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'web' }));
    adoptDesign(world, deleted.design);
    const created = ok(changeStacks(deleted.design, { type: 'createStack', stack: 'web', region: 'us-east-1' }));
    const again = ok(changeStacks(created.design, { type: 'deployStack', stack: 'web', region: 'us-east-1', template: web('Retain') }));
    adoptDesign(world, again.design);
    expect(running(world, 'webWeb')).toBe(true);
    expect(running(world, 'Web')).toBe(false);
    runUntil(world, now(world) + catalogue.ec2.bootS.value + 10);
    expect(running(world, 'Web')).toBe(true);
    // A template cannot change what the account kept: the new stack's Web is its own.
    expect(retainedIn(again.design)).toMatchObject([{ logicalId: 'webWeb', retainedFrom: { stack: 'web', logicalId: 'Web' } }]);
  });

  it("refuses a board gesture that would make a stack's resource refer to a retained one", () => {
    const design = load([{ name: 'web', template: web('Retain') }, { name: 'site', template: 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n' }]);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'web' }));
    const plan = planOf(deleted.design, { type: 'createResource', stack: 'site', kind: 'targetGroup', logicalId: 'Tg', props: { protocol: 'HTTP', port: 80, targets: ['account:retained:us-east-1/webWeb'], healthCheck: { intervalS: 10, healthyThreshold: 3, unhealthyThreshold: 2 }, algorithm: 'round_robin', stickiness: false } }, {} as never);
    const applied = applyBoardPlan(deleted.design, plan as Extract<typeof plan, { ok: true }>);
    expect(applied).toMatchObject({ ok: false, refusal: { code: 'design-rule', detail: 'retained-reference' } });
  });

  it('never exports a retained resource, in any stack template', () => {
    const design = load([{ name: 'web', template: web('Retain') }, { name: 'site', template: 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n' }]);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'web' }));
    const exported = exportDesign(deleted.design);
    expect(Object.keys(exported.templates)).toEqual(['site']);
    expect(exported.manifest.stacks.map((s) => s.name)).toEqual(['site']);
    expect(JSON.stringify(exported.templates)).not.toContain('webWeb');
  });

  it('lets the player delete a retained resource on the board, and its bill stops', () => {
    const design = load([{ name: 'web', template: web('Retain') }]);
    const world = createWorld(design, scenario(), 3);
    runUntil(world, 300);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'web' }));
    adoptDesign(world, deleted.design);
    runUntil(world, now(world) + 300);
    const plan = planOf(deleted.design, { type: 'delete', target: 'account:retained:us-east-1/webWeb' }, { account: undefined } as never);
    expect(plan.ok).toBe(true);
    const applied = applyBoardPlan(deleted.design, plan as Extract<typeof plan, { ok: true }>);
    if (!applied.ok) throw new Error(applied.refusal.message);
    expect(retainedIn(applied.design)).toEqual([]);
    adoptDesign(world, applied.design);
    const cost = world.last.costUsd;
    runUntil(world, now(world) + 600);
    expect(world.last.costUsd).toBe(cost);
    expect(world.last.served).toBe(0);
  });
});

describe('DB snapshots', () => {
  it("RDS's default policy (Snapshot) leaves a snapshot billed by the GB-month", () => {
    const design = load([{ name: 'data', template: data() }]);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'data' }));
    expect(deleted.design.resources).toEqual([]);
    expect(snapshotsOf(deleted.design)).toMatchObject([{ identifier: 'data-db-snapshot', storageGb: 100, engine: 'postgres', region: 'us-east-1' }]);
    expect(checkDesignShape(JSON.parse(JSON.stringify(deleted.design)))).toMatchObject({ ok: true });
    expect(deleted.kept).toMatchObject({ snapshots: [{ db: 'data/Db', snapshot: 'data-db-snapshot', storageGb: 100 }], lost: [] });
    const world = createWorld(deleted.design, scenario(), 3);
    runUntil(world, 3600);
    const expected = (100 * catalogue.database.snapshotGbMonthUsd.value) / catalogue.hoursPerMonth.value;
    expect(world.last.costUsd).toBeCloseTo(expected, 6);
    // The snapshot is the account's, not a template's.
    expect(exportDesign(deleted.design).templates).toEqual({});
  });

  it('a database deleted with DeletionPolicy Delete loses its data, and the report says so', () => {
    const deleted = ok(changeStacks(load([{ name: 'data', template: data('    DeletionPolicy: Delete\n') }]), { type: 'deleteStack', stack: 'data' }));
    expect(snapshotsOf(deleted.design)).toEqual([]);
    expect(deleted.kept?.lost).toMatchObject([{ db: 'data/Db' }]);
  });

  it('a new database is restored from the snapshot its template names; an unknown snapshot rolls the deploy back', () => {
    const design = load([{ name: 'data', template: data() }]);
    const deleted = ok(changeStacks(design, { type: 'deleteStack', stack: 'data' }));
    const restore = ok(changeStacks(deleted.design, { type: 'deployStack', stack: 'data2', region: 'us-east-1', template: data('', ', DBSnapshotIdentifier: data-db-snapshot') }));
    expect(restore.restored).toEqual([{ db: 'data2/Db', snapshot: 'data-db-snapshot' }]);
    expect(restore.design.resources.some((r) => r.kind === 'database')).toBe(true);
    // The snapshot stays, billed, until someone deletes it.
    expect(snapshotsOf(restore.design)).toHaveLength(1);
    const missing = changeStacks(deleted.design, { type: 'deployStack', stack: 'data2', region: 'us-east-1', template: data('', ', DBSnapshotIdentifier: nope') });
    expect(missing).toMatchObject({ ok: false, refusal: { code: 'design-rule', message: 'data2/Db: DBSnapshot not found: nope' } });
  });
});

describe('keepInAccount for a replaced resource (UpdateReplacePolicy)', () => {
  it('keeps the old copy next to its replacement, under its own key', () => {
    const before = load([{ name: 'web', template: web() }]);
    // The replacement: the same logical id in the design after the update.
    const kept = keepInAccount(before, before, [{ id: before.resources.find((r) => r.logicalId === 'Web')!.id, policy: 'Retain' }]);
    if (!kept.ok) throw new Error(kept.refusal.message);
    const instances = kept.design.resources.filter((r) => r.kind === 'instance');
    expect(instances.map((r) => `${kept.design.stacks[r.stack]!.name}/${r.logicalId}`)).toEqual(['web/Web', 'account:retained:us-east-1/webWeb']);
  });
});

describe('in a match', () => {
  it("writes DELETE_SKIPPED for a retained resource in the stack's events, and the timeline says where it went and what a DB lost", () => {
    const match = testMatch();
    const template = `${web('Retain')}  Files:\n    Type: AWS::S3::Bucket\n`;
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'loose', region: 'us-east-1', template }, 0)).toMatchObject({ ok: true });
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: data('    DeletionPolicy: Delete\n') }, 0)).toMatchObject({ ok: true });
    // The match is under way (before it starts, every design change makes the world anew, timeline and all).
    match.clock = { ...match.clock, step: 1 };
    expect(applyIntent(match, host(), { type: 'deleteStack', stack: 'loose' }, 0)).toMatchObject({ ok: true });
    const events = match.trail.filter((e) => e.eventName === 'StackEvent' && e.params['stackName'] === 'loose').slice(-5).map((e) => [e.params['logicalResourceId'], e.params['resourceStatus']]);
    expect(events).toEqual([
      ['loose', 'DELETE_IN_PROGRESS'],
      ['Files', 'DELETE_IN_PROGRESS'],
      ['Files', 'DELETE_COMPLETE'],
      ['Web', 'DELETE_SKIPPED'],
      ['loose', 'DELETE_COMPLETE'],
    ]);
    expect(applyIntent(match, host(), { type: 'deleteStack', stack: 'db' }, 0)).toMatchObject({ ok: true });
    const timeline = match.teams[0]!.world.timeline.map((e) => [e.code, e.values]);
    expect(timeline).toContainEqual(['resourceRetained', { resource: 'loose/Web', kept: 'account:retained:us-east-1/looseWeb' }]);
    expect(timeline).toContainEqual(['dbDataLost', { db: 'db/Db' }]);
    // The holding stack is no stack's: it cannot be deleted as one.
    expect(match.teams[0]!.world.design.stacks.some((s) => s.name === 'account:retained:us-east-1')).toBe(true);
  });
});

describe('permissions', () => {
  it('asks nothing of the deployer for what the account keeps: retaining is not creating', () => {
    const match = testMatch();
    const two = `${web('Retain')}  Files:\n    Type: AWS::S3::Bucket\n`;
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'loose', region: 'us-east-1', template: two }, 0)).toMatchObject({ ok: true });
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'cf' } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'createPolicy', name: 'StacksAndBuckets', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['cloudformation:*', 's3:*'], Resource: '*' }] } } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'cf' }, policy: { kind: 'customer', name: 'StacksAndBuckets' } } }, 0);
    const result = applyIntent(match, user('cf'), { type: 'deployStack', stack: 'loose', region: 'us-east-1', template: 'Resources:\n  Files:\n    Type: AWS::S3::Bucket\n' }, 0);
    expect(result).toMatchObject({ ok: true });
    expect(retainedIn(match.teams[0]!.world.design)).toMatchObject([{ logicalId: 'looseWeb' }]);
  });
});
