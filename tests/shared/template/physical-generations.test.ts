import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { appliedStackEvents } from '../../../shared/match/stack-trail.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { UPDATE_BEHAVIOUR, updateBehaviour } from '../../../shared/template/update-behaviour.ts';
import { deployChangeSet } from '../../../shared/template/change-set-deploy.ts';
import { parseTemplateText } from '../../../shared/template/template-text.ts';
import type { PlainObject } from '../../../shared/template/plain-data.ts';
import { UPDATE_SEMANTICS } from '../../../shared/template/update-semantics.ts';
import { host } from '../../support/match-fixtures.ts';
import { exampleScenario } from '../../support/match-fixtures.ts';
import { deployWeb, generationOf, loadWeb, webStack } from '../sim/physical-fixtures.ts';

// A deploy decides which physical resources it replaces, once, and the design carries it as each resource's
// generation: the simulation keys running state by it (tests/shared/sim/physical.test.ts).

describe('the behaviour table', () => {
  it('decides every Conditional property of every modelled type, each with AWS words', () => {
    const undecided: string[] = [];
    for (const [type, semantics] of Object.entries(UPDATE_SEMANTICS)) {
      for (const property of semantics.Conditional ?? []) if (!UPDATE_BEHAVIOUR[type]?.[property]) undecided.push(`${type}.${property}`);
    }
    expect(undecided).toEqual([]);
    for (const table of Object.values(UPDATE_BEHAVIOUR)) for (const { aws } of Object.values(table)) expect(aws.length).toBeGreaterThan(10);
  });

  it('reads the values as AWS documents them', () => {
    expect(updateBehaviour('AWS::EC2::Instance', 'InstanceType', 't3.micro', 'm5.large')).toBe('interruption');
    expect(updateBehaviour('AWS::EC2::Instance', 'UserData', 'a', 'b')).toBe('interruption');
    expect(updateBehaviour('AWS::EC2::Instance', 'SubnetId', 'a', 'b')).toBe('replacement');
    expect(updateBehaviour('AWS::EC2::Instance', 'Tags', [], [{ Key: 'a', Value: 'b' }])).toBe('none');
    const disk = (deleteOnTermination: boolean, size = 8) => [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: size, DeleteOnTermination: deleteOnTermination } }];
    expect(updateBehaviour('AWS::EC2::Instance', 'BlockDeviceMappings', disk(true), disk(false))).toBe('none');
    expect(updateBehaviour('AWS::EC2::Instance', 'BlockDeviceMappings', disk(true), disk(true, 16))).toBe('replacement');
    expect(updateBehaviour('AWS::EC2::VPC', 'InstanceTenancy', 'dedicated', 'default')).toBe('none');
    expect(updateBehaviour('AWS::EC2::VPC', 'InstanceTenancy', 'default', 'dedicated')).toBe('replacement');
    expect(updateBehaviour('AWS::ElasticLoadBalancing::LoadBalancer', 'Subnets', ['a'], ['a', 'b'])).toBe('none');
    expect(updateBehaviour('AWS::ElasticLoadBalancing::LoadBalancer', 'Subnets', undefined, ['a'])).toBe('replacement');
    expect(updateBehaviour('AWS::RDS::DBInstance', 'BackupRetentionPeriod', 7, 14)).toBe('none');
    expect(updateBehaviour('AWS::RDS::DBInstance', 'BackupRetentionPeriod', 0, 7)).toBe('interruption');
    expect(updateBehaviour('AWS::RDS::DBInstance', 'DBName', 'a', 'b')).toBe('replacement');
  });
});

describe("a deploy's physical resources", () => {
  it('replaces the VPC, its subnets and their instance when the CIDR changes, and nothing in another stack', () => {
    const before = loadWeb(webStack(), true);
    const after = deployWeb(before, webStack({ cidr: '10.2.0.0/16' }));
    for (const id of ['Vpc', 'SubnetA', 'SubnetB', 'Routes', 'Web']) expect([id, generationOf(after, id)]).toEqual([id, 1]);
    // Updated in place: the gateway's attachment takes the new VPC id (VpcId is Mutable).
    expect(generationOf(after, 'Gateway')).toBe(0);
    expect(generationOf(after, 'Attach')).toBe(0);
    for (const r of after.resources) if (after.stacks[r.stack]?.name === 'other') expect(r.generation).toBeUndefined();
    // A second replacement is a third physical VPC; deploying the same template again replaces nothing.
    const again = deployWeb(after, webStack({ cidr: '10.3.0.0/16' }));
    expect(generationOf(again, 'Web')).toBe(2);
    const same = deployWeb(again, webStack({ cidr: '10.3.0.0/16' }));
    expect(same.resources.map((r) => r.generation)).toEqual(again.resources.map((r) => r.generation));
  });

  it('carries the generations of every stack through a deploy that re-reads the whole board', () => {
    const loaded = loadWeb(webStack(), true);
    // The other stack's VPC and instance were replaced by an earlier deploy of their own.
    const before = { ...loaded, resources: loaded.resources.map((r) => (loaded.stacks[r.stack]?.name === 'other' && (r.logicalId === 'Web' || r.logicalId === 'Vpc') ? { ...r, generation: 3 } : r)) };
    const after = deployWeb(before, webStack({ tag: 'green' }));
    expect(generationOf(after, 'Web', 'other')).toBe(3);
    expect(generationOf(after, 'Vpc', 'other')).toBe(3);
    expect(generationOf(after, 'SubnetA', 'other')).toBe(0);
    expect(generationOf(after, 'Web')).toBe(0);
  });

  it('keeps the instance through a type, user data or tag change (a stop and start, or nothing)', () => {
    const before = loadWeb(webStack());
    const after = deployWeb(before, webStack({ instanceType: 'm5.large', tag: 'red', userData: 'IyEvYmluL2Jhc2g=' }));
    expect(after.resources.every((r) => r.generation === undefined)).toBe(true);
  });

  it('replaces a database whose DBName or Port changes (Update requires: Replacement)', () => {
    const before = loadWeb(webStack({ withDb: true }));
    expect(generationOf(deployWeb(before, webStack({ withDb: true, dbName: 'orders' })), 'Db')).toBe(1);
    expect(generationOf(deployWeb(before, webStack({ withDb: true, dbPort: 3307 })), 'Db')).toBe(1);
    expect(generationOf(deployWeb(before, webStack({ withDb: true, dbPort: 3307 })), 'DbSubnets')).toBe(0);
  });

  it("writes the stack events of what it really replaced: Conditional decided, a stop and start is an update", () => {
    const before = loadWeb(webStack({ withDb: true }));
    const events = (template: string) => {
      const after = deployWeb(before, template);
      return appliedStackEvents(before, after, { stack: 'web', region: 'us-east-1', template }).filter((e) => e.logicalId !== 'web');
    };
    // Engine is Conditional in the specification; another engine is a new database.
    const engine = events(webStack({ withDb: true }).replace('Engine: mysql', 'Engine: postgres'));
    expect(engine.map((e) => [e.logicalId, e.status])).toEqual([
      ['Db', 'UPDATE_IN_PROGRESS'],
      ['Db', 'UPDATE_COMPLETE'],
      ['Db', 'DELETE_IN_PROGRESS'],
      ['Db', 'DELETE_COMPLETE'],
    ]);
    expect(engine[0]!.reason).toContain('new physical resource');
    // InstanceType is Conditional too; an EBS-backed instance is stopped and started, not replaced.
    const resized = events(webStack({ withDb: true, instanceType: 'm5.large' }));
    expect(resized.map((e) => [e.logicalId, e.status])).toEqual([
      ['Web', 'UPDATE_IN_PROGRESS'],
      ['Web', 'UPDATE_COMPLETE'],
    ]);
    expect(resized[0]!.reason).toBeUndefined();
  });

  it("tells, in the change set, what executing it does in the game: AWS's Conditional, the game's decision", () => {
    const before = loadWeb(webStack());
    const set = (template: string) => {
      const changes = deployChangeSet(before, 'web', 'us-east-1', parseTemplateText(template, { stack: 'web' }).value as PlainObject, undefined).changes;
      return Object.fromEntries(changes.map((c) => [c.logicalId, [c.replacement, c.physical]]));
    };
    expect(set(webStack({ instanceType: 'm5.large', tag: 'red' }))).toEqual({ Web: ['Conditional', 'interruption'] });
    expect(set(webStack({ tag: 'red' }))).toEqual({ Web: ['False', 'none'] });
    const cidr = set(webStack({ cidr: '10.2.0.0/16' }));
    expect(cidr['Vpc']).toEqual(['True', 'replacement']);
    expect(cidr['SubnetA']).toEqual(['True', 'replacement']);
    expect(cidr['Web']).toEqual(['True', 'replacement']);
    expect(cidr['Attach']).toEqual(['False', 'none']);
  });

  it('leaves the exact previous design and world when a deploy is refused', () => {
    const match = createMatch({ mode: 'team', scenario: exampleScenario('az-outage'), seed: 7, design: loadWeb(webStack()), teams: [{ id: 'red', name: 'red' }] });
    runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 60, 0, new Map());
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'web', region: 'us-east-1', template: webStack({ cidr: '10.2.0.0/16' }) }, 0)).toMatchObject({ ok: true });
    expect(match.teams[0]!.world.timeline.some((e) => e.code === 'vpcReplaced')).toBe(true);
    const design = JSON.stringify(match.teams[0]!.world.design);
    const hash = hashWorld(match.teams[0]!.world);
    // A subnet outside its VPC's range fails the deploy: CloudFormation rolls everything back.
    const broken = webStack({ cidr: '10.4.0.0/16' }).replace('10.4.2.0/24', '10.9.2.0/24');
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'web', region: 'us-east-1', template: broken }, 0)).toMatchObject({ ok: false });
    expect(JSON.stringify(match.teams[0]!.world.design)).toBe(design);
    expect(hashWorld(match.teams[0]!.world)).toBe(hash);
    expect(generationOf(match.teams[0]!.world.design, 'Web')).toBe(1);
  });
});
