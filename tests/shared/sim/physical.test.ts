import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { Design } from '../../../shared/design/model.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { adoptDesign } from '../../../shared/sim/actions.ts';
import { BOOTING, DB_AVAILABLE, DB_RESTARTING, REBOOTING, RUNNING } from '../../../shared/sim/constants.ts';
import { STATE_KEYS, T_GOOD, T_OFFERED } from '../../../shared/sim/state.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';
import { designBuilder, scenario, webTier } from './builders.ts';
import { deployWeb, loadWeb, webStack } from './physical-fixtures.ts';
import { now, runUntil, slotsOf } from './probes.ts';

// The simulation's running state follows the physical resources, not the logical ids: what a stack update
// replaces is new (it boots, it is created empty), what it interrupts stops and starts, the rest runs on.

/** Availability (good / offered user requests) from now until `tS`. */
function availabilityUntil(world: World, tS: number): number {
  const good = world.state.tally[T_GOOD]!;
  const offered = world.state.tally[T_OFFERED]!;
  runUntil(world, tS);
  return (world.state.tally[T_GOOD]! - good) / (world.state.tally[T_OFFERED]! - offered);
}

function running(design: Design, untilS = 600): World {
  const world = createWorld(design, scenario(), 3);
  runUntil(world, untilS);
  return world;
}

const codes = (world: World, fromS: number) => world.timeline.filter((e) => e.tS >= fromS).map((e) => e.code);

describe('a stack update in a running world', () => {
  it('replaces the VPC, subnets and instance of a new CIDR: the new instance boots, availability dips, then recovers', () => {
    const before = loadWeb(webStack());
    const world = running(before);
    expect(availabilityUntil(world, 900)).toBeGreaterThan(0.95);
    adoptDesign(world, deployWeb(before, webStack({ cidr: '10.2.0.0/16' })));
    const web = slotsOf(world, 'Web')[0]!;
    expect(world.state.instState[web]).toBe(BOOTING);
    expect(codes(world, 900)).toEqual(expect.arrayContaining(['vpcReplaced', 'instanceReplaced', 'resourcesReplaced']));
    // The only web server is new: nothing serves until it has booted.
    expect(availabilityUntil(world, 900 + catalogue.ec2.bootS.value)).toBe(0);
    runUntil(world, now(world) + 5);
    expect(world.state.instState[web]).toBe(RUNNING);
    expect(availabilityUntil(world, now(world) + 600)).toBeGreaterThan(0.95);
  });

  it('stops and starts an instance whose type a deploy changes, for the stop/start time', () => {
    const before = loadWeb(webStack());
    const world = running(before);
    adoptDesign(world, deployWeb(before, webStack({ instanceType: 'm5.large' })));
    const web = slotsOf(world, 'Web')[0]!;
    expect(world.state.instState[web]).toBe(REBOOTING);
    expect(world.state.instTimer[web]).toBe(600 + catalogue.ec2.stopStartS.value);
    expect(world.timeline.at(-2)).toMatchObject({ code: 'instanceStopStart', values: { instance: 'web/Web', properties: ['InstanceType'], seconds: catalogue.ec2.stopStartS.value } });
    expect(availabilityUntil(world, 600 + catalogue.ec2.stopStartS.value)).toBe(0);
    runUntil(world, now(world) + 5);
    expect(world.state.instState[web]).toBe(RUNNING);
    expect(availabilityUntil(world, now(world) + 600)).toBeGreaterThan(0.95);
  });

  it('stops and starts it for new user data too (EBS-backed: a restart, not a replacement)', () => {
    const before = loadWeb(webStack());
    const world = running(before);
    adoptDesign(world, deployWeb(before, webStack({ userData: 'IyEvYmluL2Jhc2g=' })));
    expect(world.state.instState[slotsOf(world, 'Web')[0]!]).toBe(REBOOTING);
    expect(world.timeline.at(-2)).toMatchObject({ code: 'instanceStopStart', values: { properties: ['UserData'] } });
  });

  it('changes nothing in the running state for an update without interruption (tags)', () => {
    const before = loadWeb(webStack());
    const tagged = running(before);
    const same = running(before);
    adoptDesign(tagged, deployWeb(before, webStack({ tag: 'red' })));
    adoptDesign(same, before);
    for (const key of STATE_KEYS) expect([key, Array.from(tagged.state[key])]).toEqual([key, Array.from(same.state[key])]);
    expect(tagged.state.instState[slotsOf(tagged, 'Web')[0]!]).toBe(RUNNING);
  });

  it('creates a replaced database anew: unavailable for the creation time', () => {
    const before = loadWeb(webStack({ withDb: true }));
    const world = running(before, 1200);
    const d = 0;
    expect(world.state.dbState[d]).toBe(DB_AVAILABLE);
    adoptDesign(world, deployWeb(before, webStack({ withDb: true, dbPort: 3307 })));
    expect(world.state.dbState[d]).toBe(DB_RESTARTING);
    expect(world.state.dbTimer[d]).toBe(1200 + catalogue.database.creationS.value);
    expect(codes(world, 1200)).toContain('dbReplaced');
    runUntil(world, 1200 + catalogue.database.creationS.value - 5);
    expect(world.state.dbState[d]).toBe(DB_RESTARTING);
    runUntil(world, 1200 + catalogue.database.creationS.value + 5);
    expect(world.state.dbState[d]).toBe(DB_AVAILABLE);
  });

  it('reboots a database for an engine version (Mutable, yet "Some interruptions"), keeping it', () => {
    const before = loadWeb(webStack({ withDb: true }));
    const world = running(before, 1200);
    adoptDesign(world, deployWeb(before, webStack({ withDb: true, engineVersion: '8.0.36' })));
    expect(world.state.dbState[0]).toBe(DB_RESTARTING);
    expect(world.state.dbTimer[0]).toBe(1200 + catalogue.database.rebootS.value);
    expect(world.timeline.at(-2)).toMatchObject({ code: 'dbRebootForUpdate', values: { db: 'web/Db', properties: ['EngineVersion'] } });
  });

  it('relaunches a group whose subnets were replaced with their VPC', () => {
    const { b } = webTier({ desired: 2 });
    const world = running(b.design);
    const next = structuredClone(b.design);
    for (const r of next.resources) if (r.kind === 'vpc' || r.kind === 'subnet') r.generation = 1;
    adoptDesign(world, next);
    expect(slotsOf(world, 'Web').map((s) => world.state.instState[s]).filter((st) => st !== 0)).toEqual([BOOTING, BOOTING]);
    expect(codes(world, 600)).toContain('groupRelaunched');
  });
});

describe('an instance behind a load balancer, stopped and started', () => {
  it('fails the requests sent to it until its health checks notice, then the other target takes them', () => {
    const b = designBuilder();
    b.stack('web', 'us-east-1');
    const net = b.network('Main', 'us-east-1', ['a', 'b']);
    const one = b.instance('One', net.subnets[0]!);
    const two = b.instance('Two', net.subnets[1]!);
    b.loadBalancer('Lb', net.subnets, [b.targetGroup('Targets', [one, two])]);
    const world = running(b.design);
    expect(availabilityUntil(world, 900)).toBeGreaterThan(0.99);
    const next = structuredClone(b.design);
    const resized = next.resources[one]!;
    if (resized.kind === 'instance') resized.props.instanceType = 'm5.xlarge';
    adoptDesign(world, next);
    expect(world.state.instState[slotsOf(world, 'One')[0]!]).toBe(REBOOTING);
    expect(world.state.instState[slotsOf(world, 'Two')[0]!]).toBe(RUNNING);
    // Half the requests fail while the target group still counts it healthy; then they move to Two.
    const during = availabilityUntil(world, 900 + catalogue.ec2.stopStartS.value);
    expect(during).toBeLessThan(0.99);
    expect(during).toBeGreaterThan(0.5);
  });
});

describe('a board gesture', () => {
  it("stops and starts an instance whose type the player configures: the rule is the simulation's", () => {
    const match = testMatch({ design: 'single-instance' });
    const cursor = new Map<string, number>();
    runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 60, 0, cursor);
    const world = match.teams[0]!.world;
    const server = world.design.resources.find((r) => r.kind === 'instance')!;
    const target = `${world.design.stacks[server.stack]!.name}/${server.logicalId}`;
    const slot = slotsOf(world, server.logicalId)[0]!;
    expect(world.state.instState[slot]).toBe(RUNNING);
    const t = now(world);
    expect(applyIntent(match, host(), { type: 'configure', target, props: { instanceType: 'm5.large' } }, 0)).toMatchObject({ ok: true });
    const after = match.teams[0]!.world;
    expect(after.state.instState[slot]).toBe(REBOOTING);
    expect(after.state.instTimer[slot]).toBe(t + catalogue.ec2.stopStartS.value);
    expect(after.timeline.some((e) => e.code === 'instanceStopStart')).toBe(true);
  });
});
