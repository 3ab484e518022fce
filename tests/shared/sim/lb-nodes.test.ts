import { describe, expect, it } from 'vitest';
import { CLASSIC_ELB } from '../../../shared/catalogue/index.ts';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { offeredTo, slotsOf } from './probes.ts';

// A load balancer's nodes, one per enabled zone: who decides cross-zone (the target group for an ALB, the
// load balancer for an NLB and a classic ELB, unless the target group says otherwise), which nodes DNS
// answers with, and what happens when a group has no healthy target (ALB and NLB fail open, classic does not).

interface Options {
  lbType?: 'application' | 'network';
  /** The load balancer's own attribute. */
  lbCrossZone?: boolean;
  /** The target group's attribute; absent: use the load balancer's. */
  tgCrossZone?: boolean;
  classic?: boolean;
}

/** One target in zone a, three in zone b, behind a load balancer with nodes in both zones. */
function uneven(o: Options = {}) {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const targets = [
    d.instance('A1', net.subnets[0]!, 'm5.large'),
    d.instance('B1', net.subnets[1]!, 'm5.large'),
    d.instance('B2', net.subnets[1]!, 'm5.large'),
    d.instance('B3', net.subnets[1]!, 'm5.large'),
  ];
  const tg = d.targetGroup('Targets', targets);
  if (o.tgCrossZone !== undefined) (d.design.resources[tg]!.props as ResourceOfKind<'targetGroup'>['props']).crossZone = o.tgCrossZone;
  const lb = d.loadBalancer('Lb', net.subnets, [tg], { lbType: o.lbType ?? 'application', crossZone: o.lbCrossZone ?? true });
  if (o.classic) d.design.resources[lb]!.awsType = CLASSIC_ELB;
  return createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 700 }] }), 3);
}

/** Zone a's one target against one of zone b's three: 3 with cross-zone off (half the users each way), 1 with it on. */
function ratio(world: World): number {
  step(world);
  return offeredTo(world, slotsOf(world, 'A1')[0]!) / offeredTo(world, slotsOf(world, 'B1')[0]!);
}

describe('cross-zone load balancing, decided per target group', () => {
  it("an ALB balances across zones even when its own attribute says false: only a target group turns it off", () => {
    expect(ratio(uneven({ lbCrossZone: false }))).toBeCloseTo(1, 9);
    expect(ratio(uneven({ tgCrossZone: false }))).toBeCloseTo(3, 9);
    expect(ratio(uneven({ lbCrossZone: false, tgCrossZone: true }))).toBeCloseTo(1, 9);
  });

  it("an NLB's target group uses the load balancer's setting (off by default) unless it says its own", () => {
    expect(ratio(uneven({ lbType: 'network', lbCrossZone: false }))).toBeCloseTo(3, 9);
    expect(ratio(uneven({ lbType: 'network', lbCrossZone: true }))).toBeCloseTo(1, 9);
    expect(ratio(uneven({ lbType: 'network', lbCrossZone: false, tgCrossZone: true }))).toBeCloseTo(1, 9);
    expect(ratio(uneven({ lbType: 'network', lbCrossZone: true, tgCrossZone: false }))).toBeCloseTo(3, 9);
  });

  it("a classic ELB's cross-zone is its own CrossZone property", () => {
    expect(ratio(uneven({ classic: true, lbCrossZone: false }))).toBeCloseTo(3, 9);
    expect(ratio(uneven({ classic: true, lbCrossZone: true }))).toBeCloseTo(1, 9);
  });

  it('with cross-zone off, a node whose zone has no healthy target leaves DNS: the other node takes every user', () => {
    const world = uneven({ tgCrossZone: false });
    world.state.instHealthy[slotsOf(world, 'A1')[0]!] = 0;
    step(world);
    expect(offeredTo(world, slotsOf(world, 'A1')[0]!)).toBe(0);
    const b = ['B1', 'B2', 'B3'].map((id) => offeredTo(world, slotsOf(world, id)[0]!));
    expect(b[0]!).toBeCloseTo(b[1]!, 9);
    expect(b[2]!).toBeGreaterThan(0);
  });
});

describe('when every target of a group is unhealthy', () => {
  function allUnhealthy(o: Options) {
    const world = uneven(o);
    world.state.instHealthy.fill(0);
    step(world);
    return world;
  }

  it('an ALB fails open: it sends to all of them, and the running ones serve', () => {
    const world = allUnhealthy({});
    const a1 = offeredTo(world, slotsOf(world, 'A1')[0]!);
    expect(a1).toBeGreaterThan(0);
    for (const id of ['B1', 'B2', 'B3']) expect(offeredTo(world, slotsOf(world, id)[0]!)).toBeCloseTo(a1, 9);
    expect(world.last.served).toBeCloseTo(world.last.requests, 6);
  });

  it('an NLB fails open too, within each node\'s zone when cross-zone is off', () => {
    const world = allUnhealthy({ lbType: 'network', lbCrossZone: false });
    expect(offeredTo(world, slotsOf(world, 'A1')[0]!) / offeredTo(world, slotsOf(world, 'B1')[0]!)).toBeCloseTo(3, 9);
    expect(world.last.served).toBeGreaterThan(0);
  });

  it('a classic ELB does not: nothing reaches the instances and every request fails (503)', () => {
    const world = allUnhealthy({ classic: true });
    for (const id of ['A1', 'B1', 'B2', 'B3']) expect(offeredTo(world, slotsOf(world, id)[0]!)).toBe(0);
    expect(world.last.served).toBe(0);
    expect(world.last.failed).toBeCloseTo(world.last.requests, 6);
  });
});
