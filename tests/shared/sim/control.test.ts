import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { queueingFactor } from '../../../shared/sim/latency.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';

describe('service', () => {
  it('has a latency knee well before errors', () => {
    expect(queueingFactor(0.5)).toBeLessThan(1.1);
    expect(queueingFactor(0.7)).toBeGreaterThan(1.3);
    expect(queueingFactor(0.9)).toBeGreaterThan(queueingFactor(0.8));
    const at = (rps: number) => {
      const d = designBuilder();
      d.stack('web', 'us-east-1');
      const net = d.network('Main', 'us-east-1', ['a']);
      d.instance('App', net.subnets[0]!, 'm5.large');
      // m5.large: 250 units/s; TLS on the instance ×1.15; the mix costs 0.8 units per request.
      const world = createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: rps }], mix: { static: 0.5, read: 0.4, write: 0.1 } }), 1);
      runUntil(world, 5);
      return world;
    };
    const idle = at(50);
    const busy = at(220); // ~81%
    const over = at(350); // ~129%
    expect(busy.last.latencyP95Ms).toBeGreaterThan(idle.last.latencyP95Ms * 1.2);
    expect(busy.last.errors).toBe(0);
    expect(over.last.shed).toBeGreaterThan(0);
    expect(over.last.shed + over.last.served + over.last.failed).toBeCloseTo(over.last.requests, 6);
  });
});

describe('auto scaling', () => {
  function overloaded() {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b']);
    const tg = d.targetGroup('Targets', [], { intervalS: 10, healthyThreshold: 3 });
    d.loadBalancer('Lb', net.subnets, [tg]);
    d.group('Web', net.subnets, [tg], { desired: 2, max: 8, type: 'm5.large' });
    // 2 × 250 units/s against 700 rps × 0.8 units: about 112%.
    return createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 700 }] }), 6);
  }

  it('scale-out helps only after the boot time (and the health checks)', () => {
    const world = overloaded();
    runUntil(world, 300);
    expect(world.last.shed).toBeGreaterThan(0);
    expect(applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 4 })).toEqual({ ok: true });
    const boot = catalogue.ec2.bootS.value;
    const shedAt = new Map<number, number>();
    runUntil(world, 300 + boot + 60, (t) => shedAt.set(t, world.last.shed));
    expect(shedAt.get(300 + boot - 5)!).toBeGreaterThan(0);
    // Booted, then three passing checks 10 s apart.
    expect(shedAt.get(300 + boot + 35)).toBe(0);
    expect(slotsOf(world, 'Web').filter((s) => world.state.instState[s] === 2)).toHaveLength(4);
  });

  it('refuses a desired capacity outside min and max', () => {
    const world = overloaded();
    expect(applyAction(world, { type: 'set-desired-capacity', logicalId: 'Web', desired: 20 })).toMatchObject({ ok: false, code: 'out-of-range' });
    expect(applyAction(world, { type: 'set-desired-capacity', logicalId: 'Nope', desired: 2 })).toMatchObject({ ok: false, code: 'unknown-resource' });
    expect(applyAction(world, { type: 'set-desired-capacity', logicalId: 'Lb', desired: 2 })).toMatchObject({ ok: false, code: 'wrong-kind' });
    expect(applyAction(world, { type: 'set-desired-capacity', desired: 2 })).toMatchObject({ ok: false, code: 'invalid-action' });
  });

  it('alarms fire after their evaluation periods and run their scaling policy', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.loadBalancer('Lb', net.subnets, [tg]);
    const group = d.group('Web', net.subnets, [tg], { desired: 4, max: 10 });
    const policy = d.add('ScaleOut', 'scalingPolicy', { group, policyType: 'SimpleScaling', adjustment: 2, cooldownS: 300 });
    d.add('CpuHigh', 'alarm', {
      metric: 'CPUUtilization',
      namespace: 'AWS/EC2',
      statistic: 'Average',
      subject: group,
      comparison: 'GreaterThanThreshold',
      threshold: 60,
      periodS: 60,
      evaluationPeriods: 3,
      alarmActions: [policy],
      notifications: [],
    });
    // 4 × 250 units against 500 rps × 0.8: 40%; the spike from 600 s doubles it to 80%.
    const s = scenario({
      traffic: [{ area: 'north-america', baselineRps: 500 }],
      events: [{ type: 'traffic-spike', atS: 600, durationS: 1800, params: { multiplier: 2, rampS: 0 } }],
    });
    const world = createWorld(d.design, s, 2);
    runUntil(world, 1200);
    const alarm = world.timeline.find((e) => e.kind === 'alarm' && /CpuHigh is ALARM/.test(timelineSentence(e)));
    expect(alarm).toBeDefined();
    // Three one-minute datapoints above 60% are needed: the ones ending at 660, 720 and 780 s.
    expect(alarm!.tS).toBe(775);
    const scaled = world.timeline.find((e) => e.kind === 'scaling' && /desired 4 → 6/.test(timelineSentence(e)));
    expect(scaled?.tS).toBe(775);
  });

  it('target tracking adds instances when CPU stays above the target', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.loadBalancer('Lb', net.subnets, [tg]);
    const group = d.group('Web', net.subnets, [tg], { desired: 2, max: 10 });
    d.add('Track', 'scalingPolicy', { group, policyType: 'TargetTrackingScaling', adjustment: 0, cooldownS: 0, targetValue: 50 });
    const world = createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 500 }] }), 2);
    runUntil(world, 600);
    // 500 × 0.8 / 500 units = 80% on two instances → ceil(2 × 80 / 50) = 4.
    expect(world.state.asgDesired[0]).toBe(4);
  });

  it('scheduled actions set the capacity at their time', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.loadBalancer('Lb', net.subnets, [tg]);
    const group = d.group('Web', net.subnets, [tg], { desired: 2, max: 10 });
    d.add('Morning', 'scheduledAction', { group, atS: 900, desired: 6 });
    const world = createWorld(d.design, scenario(), 2);
    runUntil(world, 895);
    expect(world.state.asgDesired[0]).toBe(2);
    runUntil(world, 905);
    expect(world.state.asgDesired[0]).toBe(6);
  });

  it('replaces an instance that fails, in a healthy zone', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a', 'b']);
    const tg = d.targetGroup('Targets');
    d.loadBalancer('Lb', net.subnets, [tg]);
    d.group('Web', net.subnets, [tg], { desired: 2, max: 4 });
    const s = scenario({ events: [{ type: 'az-outage', atS: 100, durationS: 1000, params: { zone: 'us-east-1a' } }] });
    const world = createWorld(d.design, s, 2);
    runUntil(world, 500);
    const live = slotsOf(world, 'Web').filter((i) => world.state.instState[i] === 2);
    expect(live).toHaveLength(2);
    for (const i of live) expect(world.state.instZone[i]).toBe(1); // us-east-1b
  });
});
