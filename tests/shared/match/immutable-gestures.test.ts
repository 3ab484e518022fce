import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { findByRef } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { consoleUpdateOf } from '../../../shared/template/console-updates.ts';
import { BOOTING, RUNNING } from '../../../shared/sim/constants.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';
import { now, runUntil, slotsOf } from '../sim/probes.ts';
import { DB_NETWORK } from '../../support/db-network.ts';

// A board gesture on a running resource can change only what AWS changes on a live one. An Immutable property
// (AWS's resource specification) is refused where the console has no such change (a VPC's or a subnet's CIDR),
// or makes a new physical resource where the console's way is a terminate and a launch (an instance moved to
// another subnet boots anew in it).

const app = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.4.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.4.0.0/24, AvailabilityZone: us-east-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.4.1.0/24, AvailabilityZone: us-east-1b}
  Guard:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: web, VpcId: !Ref Net}
  Box:
    Type: AWS::EC2::Instance
    Properties: {InstanceType: t3.micro, ImageId: ami-12345678, SubnetId: !Ref A}
`;

const design = (m: Match): Design => m.teams[0]!.world.design;
const apply = (m: Match, intent: MatchIntent) => applyIntent(m, host(), intent, 0);

/** A match with the app stack deployed, running for ten minutes. */
function running(): Match {
  const match = testMatch();
  expect(apply(match, { type: 'deployStack', stack: 'app', region: 'us-east-1', template: app })).toMatchObject({ ok: true });
  match.clock = { ...match.clock, step: 1 };
  runUntil(match.teams[0]!.world, 600);
  return match;
}

describe('a gesture that changes an immutable property of a running resource', () => {
  it("refuses a VPC's new CIDR block, with AWS's reason, and changes nothing", () => {
    const match = running();
    const was = design(match);
    const seen = match.trail.length;
    const result = apply(match, { type: 'configure', target: 'app/Net', props: { cidr: '10.4.0.0/15' } });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'immutable-property', detail: 'CidrBlock' } });
    expect(result.refusal!.message).toContain("You cannot change a VPC's CIDR block");
    expect(design(match)).toBe(was);
    expect(match.trail.slice(seen)).toMatchObject([{ outcome: 'Failure', errorCode: 'immutable-property' }]);
  });

  it("refuses a subnet's new CIDR block, as CreateSubnet's documentation says", () => {
    const match = running();
    const result = apply(match, { type: 'configure', target: 'app/A', props: { cidr: '10.4.8.0/24' } });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'immutable-property', detail: 'CidrBlock', message: "app/A: After you create a subnet, you can't change its CIDR block: create another subnet and move into it." } });
    expect(apply(match, { type: 'configure', target: 'app/A', props: { zone: 'us-east-1c' } })).toMatchObject({ ok: false, refusal: { code: 'immutable-property', detail: 'AvailabilityZone' } });
  });

  it('launches a new instance in the subnet an instance is moved to: the old one is terminated, the new one boots', () => {
    const match = running();
    const world = () => match.teams[0]!.world;
    const [old] = slotsOf(world(), 'Box');
    expect(world().state.instState[old!]).toBe(RUNNING);
    const launchedAt = world().state.instLaunchedAt[old!];
    expect(apply(match, { type: 'configure', target: 'app/Box', props: { subnet: 'app/B' } })).toEqual({ ok: true });
    const box = findByRef(design(match), 'app/Box')!;
    expect(box).toMatchObject({ kind: 'instance', generation: 1 });
    expect(box.kind === 'instance' && design(match).resources[box.props.subnet]!.logicalId).toBe('B');
    // One instance, new: it boots in zone b, then runs.
    const slots = slotsOf(world(), 'Box');
    expect(slots).toHaveLength(1);
    expect(world().state.instState[slots[0]!]).toBe(BOOTING);
    expect(world().timeline.map((e) => e.code)).toContain('instanceReplaced');
    runUntil(world(), now(world()) + catalogue.ec2.bootS.value + 30);
    expect(world().state.instState[slots[0]!]).toBe(RUNNING);
    expect(world().state.instLaunchedAt[slots[0]!]).toBeGreaterThan(launchedAt!);
  });

  it('changes in place what EC2 changes on a running instance: its type (a stop and start), its security groups', () => {
    const match = running();
    expect(apply(match, { type: 'configure', target: 'app/Box', props: { instanceType: 't3.small' } })).toEqual({ ok: true });
    expect(apply(match, { type: 'configure', target: 'app/Box', props: { securityGroups: ['app/Guard'] } })).toEqual({ ok: true });
    expect(findByRef(design(match), 'app/Box')?.generation).toBeUndefined();
  });

  it('before the match starts nothing runs yet: the same changes are free', () => {
    const match = testMatch();
    apply(match, { type: 'deployStack', stack: 'app', region: 'us-east-1', template: app });
    expect(apply(match, { type: 'configure', target: 'app/A', props: { cidr: '10.4.8.0/24' } })).toEqual({ ok: true });
    expect(apply(match, { type: 'configure', target: 'app/Box', props: { subnet: 'app/B' } })).toEqual({ ok: true });
    expect(findByRef(design(match), 'app/Box')?.generation).toBeUndefined();
  });

  it('an undo of a move is another move: the instance is launched anew again', () => {
    const match = running();
    apply(match, { type: 'configure', target: 'app/Box', props: { subnet: 'app/B' } });
    expect(apply(match, { type: 'undo' })).toEqual({ ok: true });
    const box = findByRef(design(match), 'app/Box')!;
    expect(box.generation).toBe(2);
    expect(box.kind === 'instance' && design(match).resources[box.props.subnet]!.logicalId).toBe('A');
  });
});

describe('a connection gesture that rewrites an immutable property', () => {
  const dbs = `${DB_NETWORK}  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', DBSubnetGroupName: !Ref Group}
  Other:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', DBSubnetGroupName: !Ref Group}
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: {SourceDBInstanceIdentifier: !Ref Db, DBInstanceClass: db.t3.micro}
`;

  it('promotes a read replica in place (disconnecting it), and refuses to make a standing database a replica', () => {
    const match = testMatch();
    expect(apply(match, { type: 'deployStack', stack: 'data', region: 'us-east-1', template: dbs })).toMatchObject({ ok: true });
    match.clock = { ...match.clock, step: 1 };
    runUntil(match.teams[0]!.world, 900);
    const made = apply(match, { type: 'connect', from: 'data/Other', to: 'data/Db' });
    expect(made).toMatchObject({ ok: false, refusal: { code: 'immutable-property', detail: 'SourceDBInstanceIdentifier' } });
    expect(apply(match, { type: 'disconnect', from: 'data/Replica', to: 'data/Db' })).toEqual({ ok: true });
    const replica = findByRef(design(match), 'data/Replica')!;
    expect(replica.kind === 'database' && replica.props.source).toBeUndefined();
    expect(replica.generation).toBeUndefined();
  });
});

describe('consoleUpdateOf', () => {
  it('reads the same CloudFormation names as the change set: a default-VPC instance moved between default subnets is new', () => {
    const match = testMatch();
    apply(match, { type: 'deployStack', stack: 'loose', region: 'us-east-1', template: 'Resources:\n  Box:\n    Type: AWS::EC2::Instance\n    Properties: {InstanceType: t3.micro, ImageId: ami-12345678}\n' });
    const before = design(match);
    const box = findByRef(before, 'loose/Box')!;
    const other = before.resources.find((r) => r.kind === 'subnet' && r.logicalId === 'DefaultSubnetB')!;
    const after = { ...before, resources: before.resources.map((r) => (r.id === box.id ? ({ ...r, props: { ...r.props, subnet: other.id } } as typeof r) : r)) };
    expect(consoleUpdateOf(before, after, ['loose/Box'])).toEqual({ ok: true, replaced: ['loose/Box'] });
    expect(consoleUpdateOf(before, before, ['loose/Box'])).toEqual({ ok: true, replaced: [] });
  });
});
