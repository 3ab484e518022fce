// A health check on a path the application does not serve (or whose Matcher excludes the answer): every target
// unhealthy, the ALB fails open, booting or dead targets keep their share, and a group with ELB health checks churns.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { BOOTING, EMPTY, FAILED, RUNNING } from '../../../shared/sim/constants.ts';
import { applicationAnswer, matcherAccepts } from '../../../shared/sim/health-check-path.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';

const SERVED = { application: { paths: ['/', '/healthz'] } };

function tier(path: string, opts: { matcher?: string; healthCheckType?: 'EC2' | 'ELB'; served?: boolean } = {}): World {
  const { b, tg, asg } = webTier({ desired: 3 });
  const check = (b.design.resources[tg]!.props as { healthCheck: { path?: string; matcher?: string } }).healthCheck;
  check.path = path;
  if (opts.matcher !== undefined) check.matcher = opts.matcher;
  (b.design.resources[asg]!.props as { healthCheckType: string }).healthCheckType = opts.healthCheckType ?? 'EC2';
  return createWorld(b.design, scenario({ ...(opts.served === false ? {} : SERVED), traffic: [{ area: 'north-america', baselineRps: 200 }] }), 3);
}

function healthyCount(world: World): number {
  return slotsOf(world, 'Web').filter((i) => world.state.instHealthy[i] === 1).length;
}

describe('the application answers health checks', () => {
  it('200 on a path it serves, 404 elsewhere; every path when the scenario lists none', () => {
    expect(applicationAnswer('/healthz', ['/healthz'])).toBe(200);
    expect(applicationAnswer('/healthz?full=1', ['/healthz'])).toBe(200);
    expect(applicationAnswer('/health', ['/healthz'])).toBe(404);
    expect(applicationAnswer('/health', null)).toBe(200);
  });

  it("a Matcher's codes, lists and ranges decide; absent, 200 only", () => {
    expect(matcherAccepts(undefined, 200)).toBe(true);
    expect(matcherAccepts(undefined, 404)).toBe(false);
    expect(matcherAccepts('200-399', 302)).toBe(true);
    expect(matcherAccepts('200,302', 404)).toBe(false);
    expect(matcherAccepts('301', 200)).toBe(false);
  });
});

describe('a health check on the wrong path', () => {
  it('marks every target unhealthy after the unhealthy threshold × interval; the right path keeps them healthy', () => {
    const wrong = tier('/health');
    const right = tier('/healthz');
    // webTier's checks: every 10 s, unhealthy after 2 failures.
    runUntil(wrong, 40);
    runUntil(right, 40);
    expect(healthyCount(wrong)).toBe(0);
    expect(healthyCount(right)).toBe(3);
  });

  it('a Matcher that excludes the 200 the application answers fails the check as well', () => {
    const world = tier('/healthz', { matcher: '301' });
    runUntil(world, 40);
    expect(healthyCount(world)).toBe(0);
  });

  it('a scenario without an application list serves every path (the levels before it are unchanged)', () => {
    const world = tier('/anything', { served: false });
    runUntil(world, 40);
    expect(healthyCount(world)).toBe(3);
  });

  it('the ALB fails open: requests still succeed while the instances are fine', () => {
    const world = tier('/health');
    let failed = 0;
    runUntil(world, 200, () => (failed += world.last.failed));
    expect(healthyCount(world)).toBe(0);
    expect(failed).toBe(0);
    expect(world.last.served).toBeGreaterThan(0);
  });

  it('but it cannot route around a dead instance: its share keeps failing, where the right path stops it', () => {
    const failedAfterDeath = (world: World) => {
      runUntil(world, 60);
      const dead = slotsOf(world, 'Web')[0]!;
      world.state.instState[dead] = FAILED;
      world.state.instTimer[dead] = 60;
      let failed = 0;
      // EC2 health checks: the group replaces it only after the status checks (60 s); measure before that.
      runUntil(world, 110, () => (failed += world.last.failed));
      return failed;
    };
    const wrong = failedAfterDeath(tier('/health'));
    const right = failedAfterDeath(tier('/healthz'));
    // `failed` counts requests per 5 s step: about a third of 200 rps for 50 s with the wrong path; only until the
    // checks notice (≤ 20 s) with the right one.
    expect(wrong).toBeGreaterThan((200 / 3) * 45);
    expect(right).toBeLessThan(wrong * 0.5);
  });

  it('failing open, a target that is still booting gets its share too (those requests fail)', () => {
    const world = tier('/health');
    runUntil(world, 60);
    const slot = slotsOf(world, 'Web')[0]!;
    world.state.instState[slot] = BOOTING;
    world.state.instTimer[slot] = 10_000;
    let failed = 0;
    runUntil(world, 70, () => (failed += world.last.failed));
    expect(failed).toBeGreaterThan(0);
  });
});

describe('an Auto Scaling group with ELB health checks', () => {
  const GRACE = catalogue.ec2.healthCheckGraceS.value;

  it('replaces the instances the ELB calls unhealthy after the grace period, and keeps doing so (churn)', () => {
    const world = tier('/health', { healthCheckType: 'ELB' });
    runUntil(world, GRACE - 10);
    const slots = slotsOf(world, 'Web');
    expect(slots.filter((i) => world.state.instState[i] === RUNNING).length).toBe(3);
    let failed = 0;
    runUntil(world, 4 * GRACE, () => (failed += world.last.failed));
    const replaced = world.timeline.filter((e) => e.code === 'instancesReplaced').length;
    expect(replaced).toBeGreaterThanOrEqual(2);
    // Capacity lost while the replacements boot: requests fail.
    expect(failed).toBeGreaterThan(0);
  });

  it('leaves them alone with the right path, or with EC2 health checks', () => {
    for (const world of [tier('/healthz', { healthCheckType: 'ELB' }), tier('/health', { healthCheckType: 'EC2' })]) {
      let failed = 0;
      runUntil(world, 4 * GRACE, () => (failed += world.last.failed));
      expect(world.timeline.filter((e) => e.code === 'instancesReplaced').length).toBe(0);
      expect(failed).toBe(0);
      expect(slotsOf(world, 'Web').filter((i) => world.state.instState[i] === EMPTY).length).toBe(slotsOf(world, 'Web').length - 3);
    }
  });
});
