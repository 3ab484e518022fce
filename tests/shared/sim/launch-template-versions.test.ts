import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { INSTANCE_TYPE_NAMES } from '../../../shared/sim/compile/instance-types.ts';
import { REBOOTING, RUNNING } from '../../../shared/sim/constants.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { adoptDesign, applyAction } from '../../../shared/sim/actions.ts';
import { hashWorld, restoreWorld, snapshotWorld } from '../../../shared/sim/hash.ts';
import { T_COST_COMPUTE, T_GOOD, T_NOW } from '../../../shared/sim/state.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';
import { scenario } from './builders.ts';
import { deployWeb, loadWeb, webStack } from './physical-fixtures.ts';
import { now, runUntil, slotsOf } from './probes.ts';
import { groupStack, type GroupStackOptions } from './refresh-fixtures.ts';

// A launch template change applies to new instances only; an instance refresh or a CloudFormation rolling update
// replaces the running ones in batches, keeping the minimum in service.

const load = (o: GroupStackOptions = {}) => loadWeb(groupStack(o));

function running(o: GroupStackOptions = {}, untilS = 300): World {
  const world = createWorld(load(o), scenario(), 5);
  runUntil(world, untilS);
  return world;
}

/** The type each live slot of the group runs (its own spec, else the design's). */
function typesOf(world: World): string[] {
  return slotsOf(world, 'Web')
    .filter((i) => world.state.instState[i] !== 0)
    .map((i) => {
      const spec = world.state.instSpec[i]!;
      return INSTANCE_TYPE_NAMES[spec > 0 ? spec - 1 : world.topo.instType[i]!]!;
    });
}

/** Instances of the group the load balancer sends to: running and healthy. */
function inService(world: World): number {
  return slotsOf(world, 'Web').filter((i) => world.state.instState[i] === RUNNING && world.state.instHealthy[i] === 1).length;
}

/** Compute spend per simulated second from now until `tS`. */
function computeRate(world: World, tS: number): number {
  const c0 = world.state.tally[T_COST_COMPUTE]!;
  const t0 = now(world);
  runUntil(world, tS);
  return (world.state.tally[T_COST_COMPUTE]! - c0) / (now(world) - t0);
}

const hourly = (type: string) => catalogue.instanceTypes[type]!.hourlyUsd.value;

describe('a launch template change', () => {
  it('leaves running instances on the type they were launched with: same capacity, same bill', () => {
    const world = running({ desired: 4 });
    const before = computeRate(world, 600);
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 4 })));
    expect(typesOf(world)).toEqual(['t3.medium', 't3.medium', 't3.medium', 't3.medium']);
    expect(world.timeline.some((e) => e.code === 'groupKeepsOldType' && e.values.count === 4)).toBe(true);
    expect(computeRate(world, 1200)).toBeCloseTo(before, 12);
    expect(before).toBeCloseTo((4 * hourly('t3.medium')) / 3600, 12);
    // No refresh without an update policy: nothing was replaced.
    expect(world.timeline.some((e) => e.code === 'refreshBatch')).toBe(false);
  });

  it('launches new instances from the new template: each is billed and serves as its own type', () => {
    const world = running({ desired: 2 });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 2 })));
    expect(applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 3 })).toEqual({ ok: true });
    runUntil(world, 900);
    expect(typesOf(world).sort()).toEqual(['m5.large', 't3.medium', 't3.medium']);
    expect(computeRate(world, 1500)).toBeCloseTo((2 * hourly('t3.medium') + hourly('m5.large')) / 3600, 12);
    // Scaling in removes an instance of the older template first (AWS's default termination policy).
    expect(applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 2 })).toEqual({ ok: true });
    runUntil(world, 1510);
    expect(typesOf(world).sort()).toEqual(['m5.large', 't3.medium']);
  });

  it('carries the kept types through a snapshot, and changes no hash of a world that never used them', () => {
    const plain = running({ desired: 2 });
    expect(hashWorld(restoreWorld(JSON.parse(JSON.stringify(snapshotWorld(plain)))))).toBe(hashWorld(plain));
    const world = running({ desired: 2 });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 2 })));
    const snap = snapshotWorld(world);
    const restored = restoreWorld(JSON.parse(JSON.stringify(snap)));
    expect(typesOf(restored)).toEqual(['t3.medium', 't3.medium']);
    expect(hashWorld(restored)).toBe(hashWorld(world));
    // A snapshot written before the launch spec existed restores with every slot on the design's spec.
    const old = JSON.parse(JSON.stringify(snapshotWorld(plain)));
    delete old.state.instSpec;
    delete old.state.instOld;
    delete old.state.asgRefresh;
    expect(hashWorld(restoreWorld(old))).toBe(hashWorld(plain));
  });
});

describe('an instance refresh (StartInstanceRefresh)', () => {
  it('replaces the instances in batches, never below the minimum healthy percentage, and ends all on the new type', () => {
    const world = running({ desired: 4 });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 4 })));
    expect(applyAction(world, { type: 'start-instance-refresh', logicalId: 'Web', minHealthyPercentage: 50, instanceWarmup: 60 })).toEqual({ ok: true });
    expect(world.timeline.at(-1)).toMatchObject({ code: 'actionStartRefresh', values: { resource: 'web/Web', minHealthyPct: 50, warmupS: 60 } });
    // One at a time: a second refresh is refused and changes nothing.
    const hash = hashWorld(world);
    expect(applyAction(world, { type: 'start-instance-refresh', logicalId: 'Web' })).toMatchObject({ ok: false, code: 'refresh-in-progress' });
    expect(hashWorld(world)).toBe(hash);
    let lowest = Infinity;
    runUntil(world, 3000, () => (lowest = Math.min(lowest, inService(world))));
    expect(lowest).toBe(2);
    expect(typesOf(world)).toEqual(['m5.large', 'm5.large', 'm5.large', 'm5.large']);
    const batches = world.timeline.filter((e) => e.code === 'refreshBatch');
    expect(batches.map((e) => e.values.count)).toEqual([2, 2]);
    expect(world.timeline.some((e) => e.code === 'refreshDone' && e.values.count === 4)).toBe(true);
    expect(computeRate(world, 3600)).toBeCloseTo((4 * hourly('m5.large')) / 3600, 12);
  });

  it('waits for each new instance to be in service and warm before the next batch', () => {
    const world = running({ desired: 3 });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 3 })));
    applyAction(world, { type: 'start-instance-refresh', logicalId: 'Web', minHealthyPercentage: 100, instanceWarmup: 300 });
    runUntil(world, 4000);
    const at = world.timeline.filter((e) => e.code === 'refreshBatch').map((e) => e.tS);
    expect(at).toHaveLength(3);
    // Boot, health checks, then the warm-up: at least boot + warm-up apart.
    for (let k = 1; k < at.length; k++) expect(at[k]! - at[k - 1]!).toBeGreaterThanOrEqual(catalogue.ec2.bootS.value + 300);
  });

  it('leaves a group of one with nothing in service while its only instance is replaced (scale out first)', () => {
    const world = running({ desired: 1 });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 1 })));
    applyAction(world, { type: 'start-instance-refresh', logicalId: 'Web' });
    let lowest = Infinity;
    runUntil(world, 1500, () => (lowest = Math.min(lowest, inService(world))));
    expect(lowest).toBe(0);
    expect(typesOf(world)).toEqual(['m5.large']);
  });

  it('is refused for what is not an Auto Scaling group, and for preferences out of range', () => {
    const world = running();
    expect(applyAction(world, { type: 'start-instance-refresh', logicalId: 'Lb' })).toMatchObject({ ok: false, code: 'wrong-kind' });
    expect(applyAction(world, { type: 'start-instance-refresh', logicalId: 'Web', minHealthyPercentage: 120 })).toMatchObject({ ok: false, code: 'invalid-action' });
  });
});

describe('a CloudFormation rolling update (UpdatePolicy AutoScalingRollingUpdate)', () => {
  const rolling = '{MaxBatchSize: 1, MinInstancesInService: 3, PauseTime: PT1M}';

  it('rolls the group on a deploy that changes its launch template, keeping MinInstancesInService', () => {
    const world = running({ desired: 4, rolling });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 4, rolling })));
    expect(world.timeline.some((e) => e.code === 'rollingUpdateStarted' && e.values.minInService === 3 && e.values.pauseS === 60)).toBe(true);
    let lowest = Infinity;
    runUntil(world, 3000, () => (lowest = Math.min(lowest, inService(world))));
    expect(lowest).toBe(3);
    expect(world.timeline.filter((e) => e.code === 'refreshBatch').map((e) => e.values.count)).toEqual([1, 1, 1, 1]);
    expect(typesOf(world)).toEqual(['m5.large', 'm5.large', 'm5.large', 'm5.large']);
    expect(world.state.asgDesired[0]).toBe(4);
  });

  it('launches new instances above desired capacity first when it cannot spare one, and gives them back', () => {
    const all = '{MaxBatchSize: 1, MinInstancesInService: 2}';
    const world = running({ desired: 2, max: 4, rolling: all });
    adoptDesign(world, deployWeb(world.design, groupStack({ instanceType: 'm5.large', desired: 2, max: 4, rolling: all })));
    let lowest = Infinity;
    let most = 0;
    runUntil(world, 3000, () => {
      lowest = Math.min(lowest, inService(world));
      most = Math.max(most, world.state.asgDesired[0]!);
    });
    expect(lowest).toBe(2);
    expect(most).toBe(3);
    expect(world.timeline.some((e) => e.code === 'refreshSurge')).toBe(true);
    expect(world.state.asgDesired[0]).toBe(2);
    expect(typesOf(world)).toEqual(['m5.large', 'm5.large']);
  });

  it('does nothing when a deploy leaves the launch template as it was', () => {
    const world = running({ desired: 4, rolling });
    adoptDesign(world, deployWeb(world.design, groupStack({ desired: 5, rolling })));
    expect(world.timeline.some((e) => e.code === 'rollingUpdateStarted')).toBe(false);
    expect(world.state.tally[T_NOW]).toBe(300);
  });
});

describe('the startInstanceRefresh intent', () => {
  it('travels from a player to the simulation, logged as autoscaling:StartInstanceRefresh', () => {
    const match = testMatch({ design: 'alb-asg-multi-az' });
    const cursor = new Map<string, number>();
    runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 60, 0, cursor);
    const world = match.teams[0]!.world;
    const group = world.design.resources.find((r) => r.kind === 'autoScalingGroup')!;
    const target = `${world.design.stacks[group.stack]!.name}/${group.logicalId}`;
    const intent = { type: 'startInstanceRefresh' as const, target, minHealthyPercentage: 60, instanceWarmup: 30 };
    expect(applyIntent(match, host(), intent, 0)).toMatchObject({ ok: true });
    expect(world.timeline.at(-1)).toMatchObject({ code: 'actionStartRefresh', values: { minHealthyPct: 60, warmupS: 30 } });
    expect(match.trail.some((e) => e.eventName === 'StartInstanceRefresh' && e.eventSource === 'autoscaling.amazonaws.com')).toBe(true);
    // A second one while the first runs is refused with AWS's reason.
    expect(applyIntent(match, host(), intent, 0)).toMatchObject({ ok: false, refusal: { code: 'refresh-in-progress' } });
  });
});

describe('modify-instance-type (scaling a single instance up)', () => {
  it('stops and starts the instance, which then serves and bills as its new type', () => {
    const world = createWorld(loadWeb(webStack({ instanceType: 't3.medium' })), scenario(), 5);
    runUntil(world, 300);
    const web = slotsOf(world, 'Web')[0]!;
    expect(applyAction(world, { type: 'modify-instance-type', logicalId: 'Web', instanceType: 't3.medium' })).toMatchObject({ ok: false, code: 'same-type' });
    expect(applyAction(world, { type: 'modify-instance-type', logicalId: 'Web', instanceType: 'x9.huge' })).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(applyAction(world, { type: 'modify-instance-type', logicalId: 'Web', instanceType: 'm5.large' })).toEqual({ ok: true });
    expect(world.state.instState[web]).toBe(REBOOTING);
    expect(world.state.instTimer[web]).toBe(300 + catalogue.ec2.stopStartS.value);
    const good = world.state.tally[T_GOOD]!;
    runUntil(world, 300 + catalogue.ec2.stopStartS.value);
    expect(world.state.tally[T_GOOD]).toBe(good);
    runUntil(world, 600);
    expect(world.state.instState[web]).toBe(RUNNING);
    expect(computeRate(world, 1200)).toBeCloseTo(hourly('m5.large') / 3600, 12);
  });
});
