import { describe, expect, it } from 'vitest';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario, webTier } from './builders.ts';
import { offeredTo, slotsOf } from './probes.ts';
import { warningSentence } from '../../../shared/sim/timeline-text.ts';

describe('load balancing', () => {
  it('sends nothing to a target in an AZ the load balancer does not enable', () => {
    // The group runs in a, b and c; the load balancer only has subnets (nodes) in a and b.
    const { b } = webTier({ zones: ['a', 'b', 'c'], lbZones: ['a', 'b'], desired: 3 });
    const world = createWorld(b.design, scenario(), 1);
    step(world);
    const slots = slotsOf(world, 'Web').filter((s) => world.state.instState[s] !== 0);
    expect(slots).toHaveLength(3);
    for (const s of slots) {
      const zone = world.state.instZone[s]! % 3; // 0 = a, 1 = b, 2 = c
      if (zone === 2) expect(offeredTo(world, s)).toBe(0);
      else expect(offeredTo(world, s)).toBeGreaterThan(0);
    }
    expect(world.last.errors).toBe(0);
  });

  function uneven(crossZone: boolean) {
    // One target in zone a, three in zone b, behind a load balancer in both zones.
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
    // An ALB's cross-zone is its target group's to turn off (the ALB's own is always on).
    if (!crossZone) (d.design.resources[tg]!.props as { crossZone?: boolean }).crossZone = false;
    d.loadBalancer('Lb', net.subnets, [tg]);
    // 4 × 250 rps of capacity; 700 rps at 0.8 CPU units each is 56% overall.
    const world = createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 700 }] }), 3);
    step(world);
    return world;
  }

  it('with cross-zone off splits per AZ first, so the AZ with fewer targets overloads', () => {
    const world = uneven(false);
    const a1 = slotsOf(world, 'A1')[0]!;
    const b1 = slotsOf(world, 'B1')[0]!;
    // Zone a's only target takes half of everything; each zone b target a sixth.
    expect(offeredTo(world, a1) / offeredTo(world, b1)).toBeCloseTo(3, 6);
    expect(world.state.instCpu[a1]).toBe(100);
    expect(world.state.instCpu[b1]!).toBeLessThan(50);
    expect(world.last.shed).toBeGreaterThan(0);
  });

  it('with cross-zone on spreads evenly over all targets and sheds nothing', () => {
    const world = uneven(true);
    const a1 = slotsOf(world, 'A1')[0]!;
    const b1 = slotsOf(world, 'B1')[0]!;
    expect(offeredTo(world, a1)).toBeCloseTo(offeredTo(world, b1), 9);
    expect(world.last.shed).toBe(0);
  });

  it('least outstanding requests sends in proportion to capacity', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a']);
    const small = d.instance('Small', net.subnets[0]!, 'c5.large');
    const big = d.instance('Big', net.subnets[0]!, 'c5.xlarge');
    const tg = d.targetGroup('Targets', [small, big], {}, 'least_outstanding_requests');
    d.loadBalancer('Lb', net.subnets, [tg]);
    const world = createWorld(d.design, scenario(), 1);
    step(world);
    expect(offeredTo(world, slotsOf(world, 'Big')[0]!) / offeredTo(world, slotsOf(world, 'Small')[0]!)).toBeCloseTo(2, 9);
  });
});

describe('reachability', () => {
  it('fails every request when the public load balancer has only private subnets', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b'], { public: false });
    const tg = d.targetGroup('Targets', [d.instance('App', net.subnets[0]!)]);
    d.loadBalancer('Lb', net.subnets, [tg]);
    const world = createWorld(d.design, scenario(), 1);
    step(world);
    expect(world.topo.warnings.map(warningSentence).join('\n')).toMatch(/no public subnet/);
    expect(world.last.served).toBe(0);
    expect(world.last.failed).toBeCloseTo(world.last.requests, 9);
  });

  it('fails every request when nothing is reachable from the internet', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a'], { public: false });
    d.instance('App', net.subnets[0]!);
    const world = createWorld(d.design, scenario(), 1);
    step(world);
    expect(world.last.served).toBe(0);
    expect(world.last.failed).toBeGreaterThan(0);
  });

  it('serves straight from a public instance without a load balancer', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a']);
    d.instance('App', net.subnets[0]!, 'c5.2xlarge');
    const world = createWorld(d.design, scenario(), 1);
    step(world);
    expect(world.last.served).toBeCloseTo(world.last.requests, 9);
  });
});
