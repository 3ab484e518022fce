import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { Design } from '../../../shared/design/model.ts';
import { changeStacks } from '../../../shared/match/apply-design.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { costView } from '../../../shared/match/cost-view.ts';
import { snapshotsOf } from '../../../shared/account/retained-stack.ts';
import { adoptDesign } from '../../../shared/sim/actions.ts';
import { BOOTING, RUNNING } from '../../../shared/sim/constants.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { loadDesign } from '../../../shared/template/manifest.ts';
import { scenario } from '../sim/builders.ts';
import { now, runUntil, slotsOf } from '../sim/probes.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';
import { DB_NETWORK } from '../../support/db-network.ts';

// UpdateReplacePolicy through a real deploy: an update that replaces a resource (a new SubnetId or ImageId for an
// instance, a new DBName or Port for a database) makes a new physical resource, and the old copy leaves under the
// policy: Retain keeps it running in the account, Snapshot keeps a DB snapshot, Delete takes it (and its data).

const app = (opts: { policy?: string; subnet?: 'A' | 'B'; image?: string } = {}) => `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.4.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.4.0.0/24, AvailabilityZone: us-east-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.4.1.0/24, AvailabilityZone: us-east-1b}
  Box:
    Type: AWS::EC2::Instance
${opts.policy ? `    UpdateReplacePolicy: ${opts.policy}\n` : ''}    Properties: {InstanceType: t3.micro, ImageId: ${opts.image ?? 'ami-12345678'}, SubnetId: !Ref ${opts.subnet ?? 'A'}}
`;

const data = (opts: { policy?: string; name?: string; port?: number } = {}) => `${DB_NETWORK}  Db:
    Type: AWS::RDS::DBInstance
${opts.policy ? `    UpdateReplacePolicy: ${opts.policy}\n` : ''}    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '50', DBSubnetGroupName: !Ref Group, DBName: ${opts.name ?? 'shop'}, Port: ${opts.port ?? 5432}}
`;

function load(name: string, template: string): Design {
  const loaded = loadDesign({ stacks: [{ name, region: 'us-east-1', template: 't.yaml' }] }, () => template);
  expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return loaded.design!;
}

function deploy(design: Design, stack: string, template: string) {
  const result = changeStacks(design, { type: 'deployStack', stack, region: 'us-east-1', template });
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

/** The world's instance slots of a resource named "stack/LogicalId". */
function slotsNamed(world: World, ref: string): number[] {
  const [stack, logicalId] = [ref.slice(0, ref.lastIndexOf('/')), ref.slice(ref.lastIndexOf('/') + 1)];
  return slotsOf(world, logicalId).filter((i) => world.design.stacks[world.design.resources[world.topo.instResource[i]!]!.stack]?.name === stack);
}

const ec2Hourly = (world: World) => costView(world).byService.find((l) => l.name === 'ec2')?.hourlyUsd ?? 0;

describe('UpdateReplacePolicy of an instance replaced by a deploy', () => {
  for (const [what, change] of [
    ['SubnetId', { subnet: 'B' as const }],
    ['ImageId', { image: 'ami-87654321' }],
  ] as const) {
    it(`Retain: a new ${what} boots a new instance while the old one runs on in the account, untouched and billed`, () => {
      const design = load('app', app({ policy: 'Retain' }));
      const world = createWorld(design, scenario(), 5);
      runUntil(world, 900);
      const [old] = slotsNamed(world, 'app/Box');
      expect(world.state.instState[old!]).toBe(RUNNING);
      const launchedAt = world.state.instLaunchedAt[old!];
      const billedBefore = ec2Hourly(world);
      expect(billedBefore).toBeGreaterThan(0);

      const deployed = deploy(design, 'app', app({ policy: 'Retain', ...change }));
      expect(deployed.kept?.retained).toMatchObject([{ from: 'app/Box', to: 'account:retained:us-east-1/appBox', kind: 'instance' }]);
      expect(deployed.design.resources.find((r) => r.logicalId === 'Box')?.generation).toBe(1);
      adoptDesign(world, deployed.design);

      // The old physical instance is the retained one: the same slot state, neither stopped nor booted again.
      const [kept] = slotsNamed(world, 'account:retained:us-east-1/appBox');
      expect(kept).toBeDefined();
      expect(world.state.instState[kept!]).toBe(RUNNING);
      expect(world.state.instLaunchedAt[kept!]).toBe(launchedAt);
      // The replacement is a new instance: it boots.
      const [fresh] = slotsNamed(world, 'app/Box');
      expect(world.state.instState[fresh!]).toBe(BOOTING);
      expect(world.timeline.map((e) => e.code)).toContain('instanceReplaced');

      runUntil(world, now(world) + catalogue.ec2.bootS.value + 30);
      expect(world.state.instState[fresh!]).toBe(RUNNING);
      expect(world.state.instState[kept!]).toBe(RUNNING);
      expect(world.state.instLaunchedAt[kept!]).toBe(launchedAt);
      // Two instances are billed now: the kept one and its replacement.
      expect(ec2Hourly(world)).toBeCloseTo(2 * billedBefore, 2);
    });
  }

  it('no policy (Delete): the old instance is gone, only the replacement is billed', () => {
    const design = load('app', app());
    const world = createWorld(design, scenario(), 5);
    runUntil(world, 900);
    const billedBefore = ec2Hourly(world);
    const deployed = deploy(design, 'app', app({ subnet: 'B' }));
    expect(deployed.kept).toMatchObject({ retained: [], snapshots: [], lost: [] });
    expect(deployed.design.stacks.some((s) => s.retained)).toBe(false);
    adoptDesign(world, deployed.design);
    expect(slotsOf(world, 'Box')).toHaveLength(1);
    expect(world.state.instState[slotsOf(world, 'Box')[0]!]).toBe(BOOTING);
    runUntil(world, now(world) + catalogue.ec2.bootS.value + 30);
    expect(ec2Hourly(world)).toBeCloseTo(billedBefore, 3);
  });

  it('a change that does not replace (InstanceType) keeps nothing in the account', () => {
    const design = load('app', app({ policy: 'Retain' }));
    const deployed = deploy(design, 'app', app({ policy: 'Retain' }).replace('t3.micro', 't3.small'));
    expect(deployed.kept?.retained).toEqual([]);
    expect(deployed.design.resources.find((r) => r.logicalId === 'Box')?.generation).toBeUndefined();
  });

  it('replaced twice under Retain, the account keeps both old copies, each its own physical instance', () => {
    const design = load('app', app({ policy: 'Retain' }));
    const world = createWorld(design, scenario(), 5);
    runUntil(world, 600);
    const once = deploy(design, 'app', app({ policy: 'Retain', subnet: 'B' }));
    adoptDesign(world, once.design);
    runUntil(world, now(world) + catalogue.ec2.bootS.value + 30);
    const twice = deploy(once.design, 'app', app({ policy: 'Retain', subnet: 'A' }));
    expect(twice.kept?.retained.map((r) => r.to)).toEqual(['account:retained:us-east-1/appBox2']);
    adoptDesign(world, twice.design);
    const kept = twice.design.resources.filter((r) => twice.design.stacks[r.stack]?.retained).map((r) => r.logicalId);
    expect(kept.sort()).toEqual(['appBox', 'appBox2']);
    for (const id of kept) expect(world.state.instState[slotsOf(world, id)[0]!]).toBe(RUNNING);
    expect(world.state.instState[slotsNamed(world, 'app/Box')[0]!]).toBe(BOOTING);
  });
});

describe('UpdateReplacePolicy when a replacement spreads (a new VPC CIDR)', () => {
  it('the retained instance keeps its old subnet and VPC in the account (AWS cannot delete them), all still running', () => {
    const design = load('app', app({ policy: 'Retain' }));
    const world = createWorld(design, scenario(), 5);
    runUntil(world, 900);
    const [old] = slotsNamed(world, 'app/Box');
    const launchedAt = world.state.instLaunchedAt[old!];
    const moved = app({ policy: 'Retain' }).replace(/10\.4\./g, '10.7.');
    const deployed = deploy(design, 'app', moved);
    // The VPC, both subnets and the instance are new physical resources.
    expect(deployed.design.resources.filter((r) => r.stack === 0).map((r) => [r.logicalId, r.generation])).toEqual([
      ['Net', 1],
      ['A', 1],
      ['B', 1],
      ['Box', 1],
    ]);
    const kept = Object.fromEntries((deployed.kept?.retained ?? []).map((r) => [r.from, r.usedBy ?? null]));
    expect(kept).toEqual({ 'app/Box': null, 'app/A': 'app/Box', 'app/Net': 'app/A' });
    adoptDesign(world, deployed.design);
    const [still] = slotsNamed(world, 'account:retained:us-east-1/appBox');
    expect(world.state.instState[still!]).toBe(RUNNING);
    expect(world.state.instLaunchedAt[still!]).toBe(launchedAt);
    expect(world.state.instState[slotsNamed(world, 'app/Box')[0]!]).toBe(BOOTING);
  });
});

describe('UpdateReplacePolicy of a database replaced by a deploy', () => {
  for (const [what, change] of [
    ['DBName', { name: 'orders' }],
    ['Port', { port: 5433 }],
  ] as const) {
    it(`Snapshot: a new ${what} leaves a billed DB snapshot of the old database`, () => {
      const design = load('data', data({ policy: 'Snapshot' }));
      const deployed = deploy(design, 'data', data({ policy: 'Snapshot', ...change }));
      expect(deployed.kept).toMatchObject({ retained: [], snapshots: [{ db: 'data/Db', snapshot: 'data-db-snapshot', storageGb: 50 }], lost: [] });
      expect(snapshotsOf(deployed.design)).toMatchObject([{ identifier: 'data-db-snapshot', storageGb: 50, engine: 'postgres', source: 'data/Db' }]);
      // Billed: the same design with and without the snapshot differ by its GB-month.
      const withSnapshot = createWorld(deployed.design, scenario(), 5);
      const without = createWorld({ ...deployed.design, unmodelled: deployed.design.unmodelled.filter((u) => u.type !== 'AWS::RDS::DBSnapshot') }, scenario(), 5);
      runUntil(withSnapshot, 3600);
      runUntil(without, 3600);
      const expected = (50 * catalogue.database.snapshotGbMonthUsd.value) / catalogue.hoursPerMonth.value;
      expect(withSnapshot.last.costUsd - without.last.costUsd).toBeCloseTo(expected, 6);
    });
  }

  it('no policy: the old database is deleted with its data (RDS default for a replacement is Delete)', () => {
    const deployed = deploy(load('data', data()), 'data', data({ port: 5433 }));
    expect(snapshotsOf(deployed.design)).toEqual([]);
    expect(deployed.kept?.lost).toMatchObject([{ db: 'data/Db' }]);
  });
});

describe('UpdateReplacePolicy in a running match', () => {
  /** The last stack events of a stack, as [logical id, status]. */
  const eventsOf = (match: ReturnType<typeof testMatch>, stack: string) =>
    match.trail.filter((e) => e.eventName === 'StackEvent' && e.params['stackName'] === stack).map((e) => [e.params['logicalResourceId'], e.params['resourceStatus']]);

  it('Retain: the old instance is DELETE_SKIPPED, kept running in the holding stack, and the timeline says where it went', () => {
    const match = testMatch();
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'app', region: 'us-east-1', template: app({ policy: 'Retain' }) }, 0)).toMatchObject({ ok: true });
    match.clock = { ...match.clock, step: 1 };
    const team = match.teams[0]!;
    runUntil(team.world, 900);
    const [old] = slotsNamed(team.world, 'app/Box');
    expect(team.world.state.instState[old!]).toBe(RUNNING);
    const launchedAt = team.world.state.instLaunchedAt[old!];
    const seen = match.trail.length;

    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'app', region: 'us-east-1', template: app({ policy: 'Retain', image: 'ami-87654321' }) }, 0)).toMatchObject({ ok: true });
    const events = match.trail.slice(seen).filter((e) => e.eventName === 'StackEvent').map((e) => [e.params['logicalResourceId'], e.params['resourceStatus']]);
    expect(events).toEqual([
      ['app', 'UPDATE_IN_PROGRESS'],
      ['Box', 'UPDATE_IN_PROGRESS'],
      ['Box', 'UPDATE_COMPLETE'],
      ['app', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'],
      ['Box', 'DELETE_SKIPPED'],
      ['app', 'UPDATE_COMPLETE'],
    ]);
    const [kept] = slotsNamed(team.world, 'account:retained:us-east-1/appBox');
    expect(team.world.state.instState[kept!]).toBe(RUNNING);
    expect(team.world.state.instLaunchedAt[kept!]).toBe(launchedAt);
    expect(team.world.state.instState[slotsNamed(team.world, 'app/Box')[0]!]).toBe(BOOTING);
    const timeline = team.world.timeline.map((e) => [e.code, e.values]);
    expect(timeline).toContainEqual(['resourceRetained', { resource: 'app/Box', kept: 'account:retained:us-east-1/appBox' }]);
  });

  it('no policy: the old instance is DELETE_COMPLETE and gone from the world', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'deployStack', stack: 'app', region: 'us-east-1', template: app() }, 0);
    match.clock = { ...match.clock, step: 1 };
    runUntil(match.teams[0]!.world, 600);
    const seen = match.trail.length;
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'app', region: 'us-east-1', template: app({ subnet: 'B' }) }, 0)).toMatchObject({ ok: true });
    const events = match.trail.slice(seen).filter((e) => e.eventName === 'StackEvent').map((e) => [e.params['logicalResourceId'], e.params['resourceStatus']]);
    expect(events).toContainEqual(['Box', 'DELETE_COMPLETE']);
    expect(events).not.toContainEqual(['Box', 'DELETE_SKIPPED']);
    expect(slotsOf(match.teams[0]!.world, 'Box')).toHaveLength(1);
    expect(match.teams[0]!.world.design.stacks.some((s) => s.retained)).toBe(false);
  });

  it('Snapshot: the timeline names the snapshot taken of the replaced database; Delete: it says the data are lost', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'deployStack', stack: 'data', region: 'us-east-1', template: data({ policy: 'Snapshot' }) }, 0);
    applyIntent(match, host(), { type: 'deployStack', stack: 'gone', region: 'us-east-1', template: data({ policy: 'Delete' }).replace(/10\.5\./g, '10.6.') }, 0);
    match.clock = { ...match.clock, step: 1 };
    const world = () => match.teams[0]!.world;
    runUntil(world(), 600);
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'data', region: 'us-east-1', template: data({ policy: 'Snapshot', name: 'orders' }) }, 0)).toMatchObject({ ok: true });
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'gone', region: 'us-east-1', template: data({ policy: 'Delete', port: 5433 }).replace(/10\.5\./g, '10.6.') }, 0)).toMatchObject({ ok: true });
    const timeline = world().timeline.map((e) => [e.code, e.values]);
    expect(timeline).toContainEqual(['dbSnapshotTaken', { db: 'data/Db', snapshot: 'data-db-snapshot', storageGb: 50 }]);
    expect(timeline).toContainEqual(['dbDataLost', { db: 'gone/Db' }]);
    expect(snapshotsOf(world().design).map((s) => s.identifier)).toEqual(['data-db-snapshot']);
    expect(eventsOf(match, 'data')).toContainEqual(['Db', 'DELETE_COMPLETE']);
  });
});
