import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { applyAction, updateDesign } from '../../../shared/sim/actions.ts';
import { BOOTING, DB_RESTARTING, RUNNING } from '../../../shared/sim/constants.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import type { Design } from '../../../shared/design/model.ts';
import { scenario, webTier } from './builders.ts';
import { now, runUntil, slotsOf } from './probes.ts';

function clone(design: Design): Design {
  return JSON.parse(JSON.stringify(design)) as Design;
}

describe('updating a running design', () => {
  it('carries the state of resources that survive and boots new instances', () => {
    const { b, net } = webTier({ desired: 2, db: { multiAz: false } });
    const world = createWorld(b.design, scenario(), 3);
    runUntil(world, 600);
    applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 3 });
    runUntil(world, 900);
    const next = clone(b.design);
    next.resources.push({ id: next.resources.length, stack: 0, logicalId: 'Extra', kind: 'instance', props: { instanceType: 'm5.large', subnet: net.subnets[0]!, securityGroups: [] } });
    expect(updateDesign(world, next)).toEqual({ ok: true });
    // The group keeps the capacity scaling gave it (its template's desired did not change).
    expect(world.state.asgDesired[0]).toBe(3);
    expect(slotsOf(world, 'Web').filter((s) => world.state.instState[s] === RUNNING)).toHaveLength(3);
    const extra = slotsOf(world, 'Extra')[0]!;
    expect(world.state.instState[extra]).toBe(BOOTING);
    runUntil(world, now(world) + catalogue.ec2.bootS.value + 5);
    expect(world.state.instState[extra]).toBe(RUNNING);
    expect(world.state.tally[0]).toBe(now(world));
  });

  it('takes a new desired capacity from the design when the template changes it', () => {
    const { b } = webTier({ desired: 2 });
    const world = createWorld(b.design, scenario(), 3);
    runUntil(world, 60);
    const next = clone(b.design);
    const group = next.resources.find((r) => r.logicalId === 'Web')!;
    if (group.kind === 'autoScalingGroup') group.props.desired = 5;
    updateDesign(world, next);
    expect(world.state.asgDesired[0]).toBe(5);
  });

  it('restarts a database whose class the new design changes', () => {
    const { b } = webTier({ db: { instanceClass: 'db.t3.medium' } });
    const world = createWorld(b.design, scenario(), 3);
    runUntil(world, 60);
    const next = clone(b.design);
    const db = next.resources.find((r) => r.logicalId === 'Db')!;
    if (db.kind === 'database') db.props.instanceClass = 'db.r6g.large';
    updateDesign(world, next);
    expect(world.state.dbState[0]).toBe(DB_RESTARTING);
    runUntil(world, 60 + catalogue.database.classChangeRestartS.value + 5);
    expect(world.topo.classNames[world.state.dbClass[0]!]).toBe('db.r6g.large');
  });

  it('refuses a design whose ids are not positions', () => {
    const { b } = webTier({});
    const world = createWorld(b.design, scenario(), 3);
    const broken = clone(b.design);
    broken.resources[0]!.id = 99;
    expect(updateDesign(world, broken)).toMatchObject({ ok: false, code: 'invalid-design' });
    expect(applyAction(world, { type: 'update-design', design: { stacks: 'no' } })).toMatchObject({ ok: false, code: 'invalid-action' });
  });
});

describe('deleting a resource', () => {
  it('deleting the load balancer leaves users with no path', () => {
    const { b } = webTier({});
    const world = createWorld(b.design, scenario(), 3);
    runUntil(world, 30);
    expect(applyAction(world, { type: 'delete-resource', stack: 'web', logicalId: 'Lb' })).toEqual({ ok: true });
    runUntil(world, 60);
    expect(world.last.served).toBe(0);
    expect(applyAction(world, { type: 'delete-resource', logicalId: 'Lb' })).toMatchObject({ ok: false, code: 'unknown-resource' });
  });

  it('refuses to delete a subnet something still runs in', () => {
    const { b } = webTier({});
    const world = createWorld(b.design, scenario(), 3);
    const result = applyAction(world, { type: 'delete-resource', logicalId: 'MainSubnetA' });
    expect(result).toMatchObject({ ok: false, code: 'dependency-violation' });
    if (!result.ok) expect(result.message).toMatch(/web\/Lb|web\/Web/);
  });

  it('refuses an ambiguous logical id without a stack', () => {
    const { b } = webTier({});
    b.stack('other', 'us-west-2');
    b.network('Main', 'us-west-2', ['a']);
    const world = createWorld(b.design, scenario(), 3);
    expect(applyAction(world, { type: 'delete-resource', logicalId: 'MainIgw' })).toMatchObject({ ok: false, code: 'ambiguous-resource' });
  });
});

describe('rebooting', () => {
  it('a rebooted static instance is down for the reboot time', () => {
    const { b, net } = webTier({ desired: 0 });
    b.instance('Solo', net.subnets[0]!);
    const tgId = b.design.resources.findIndex((r) => r.logicalId === 'Targets');
    const tg = b.design.resources[tgId]!;
    if (tg.kind === 'targetGroup') tg.props.targets.push(b.design.resources.length - 1);
    const world = createWorld(b.design, scenario(), 3);
    runUntil(world, 100);
    expect(applyAction(world, { type: 'reboot', logicalId: 'Solo' })).toEqual({ ok: true });
    runUntil(world, 105);
    expect(world.last.served).toBeLessThan(world.last.requests);
    runUntil(world, 100 + catalogue.ec2.rebootS.value + 60);
    expect(world.last.served).toBeCloseTo(world.last.requests, 9);
  });
});
