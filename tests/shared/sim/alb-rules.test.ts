// ALB listener rules: each request class (static GET /static/…, read GET /api/…, write POST /api/…) goes
// where the first matching rule by priority sends it, the default action last, always.

import { describe, expect, it } from 'vitest';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { CLASS_COUNT, READ, STATIC, WRITE } from '../../../shared/sim/constants.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { slotsOf } from './probes.ts';

type RuleProps = ResourceOfKind<'listenerRule'>['props'];

/** Two single-instance target groups, Web (the default) and Other, behind one ALB; `rules` target Other unless they say. */
function tiers(rules: (tg: { web: number; other: number }) => Omit<RuleProps, 'listener'>[], defaultForward?: (tg: { web: number; other: number }) => RuleProps['forward']) {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const web = d.targetGroup('WebTg', [d.instance('Web', net.subnets[0]!, 'm5.xlarge')]);
  const other = d.targetGroup('OtherTg', [d.instance('Other', net.subnets[1]!, 'm5.xlarge')]);
  d.loadBalancer('Lb', net.subnets, [web]);
  const listener = d.design.resources.findIndex((r) => r.logicalId === 'LbListener');
  if (defaultForward) (d.design.resources[listener]!.props as { forward: RuleProps['forward'] }).forward = defaultForward({ web, other });
  rules({ web, other }).forEach((r, i) => d.add(`Rule${i}`, 'listenerRule', { listener, ...r }));
  const world = createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 200 }] }), 1);
  step(world);
  const offered = (id: string, c: number) => world.scratch.instOffered[slotsOf(world, id)[0]! * CLASS_COUNT + c]!;
  return { world, offered };
}

const to = (targetGroup: number, weight = 1) => [{ targetGroup, weight }];

describe('ALB listener rules', () => {
  it('a path rule sends static requests to one target group and the API to the default one, even with a default forward', () => {
    const { offered, world } = tiers(({ other }) => [{ priority: 10, pathPatterns: ['/static/*'], forward: to(other) }]);
    expect(offered('Other', STATIC)).toBeGreaterThan(0);
    expect(offered('Other', READ)).toBe(0);
    expect(offered('Other', WRITE)).toBe(0);
    expect(offered('Web', STATIC)).toBe(0);
    expect(offered('Web', READ)).toBeGreaterThan(0);
    expect(world.last.errors).toBe(0);
  });

  it('evaluates rules by priority, lowest first, whatever order they were written in', () => {
    const { offered } = tiers(({ web, other }) => [
      { priority: 20, pathPatterns: ['/static/*'], forward: to(web) },
      { priority: 5, pathPatterns: ['/static/*'], forward: to(other) },
    ]);
    expect(offered('Other', STATIC)).toBeGreaterThan(0);
    expect(offered('Web', STATIC)).toBe(0);
  });

  it('routes writes by method, and by host and header conditions that must all match', () => {
    const byMethod = tiers(({ other }) => [{ priority: 1, pathPatterns: [], httpMethods: ['POST'], forward: to(other) }]);
    expect(byMethod.offered('Other', WRITE)).toBeGreaterThan(0);
    expect(byMethod.offered('Other', READ)).toBe(0);
    const byHeader = tiers(({ other }) => [
      { priority: 1, pathPatterns: ['/api/*'], httpHeaders: [{ name: 'Accept', values: ['application/json'] }], hostHeaders: ['*.example.com'], forward: to(other) },
    ]);
    expect(byHeader.offered('Other', READ)).toBeGreaterThan(0);
    expect(byHeader.offered('Other', STATIC)).toBe(0);
    // Another host: the rule does not match, the default action takes everything.
    const otherHost = tiers(({ other }) => [{ priority: 1, pathPatterns: ['/api/*'], hostHeaders: ['api.example.org'], forward: to(other) }]);
    expect(otherHost.offered('Other', READ)).toBe(0);
    expect(otherHost.offered('Web', READ)).toBeGreaterThan(0);
  });

  it('a weighted forward splits a class by the weights', () => {
    const { offered } = tiers(() => [], ({ web, other }) => [
      { targetGroup: web, weight: 3 },
      { targetGroup: other, weight: 1 },
    ]);
    expect(offered('Web', READ) / offered('Other', READ)).toBeCloseTo(3, 9);
  });

  it('requests no rule matches and no default forward takes fail', () => {
    const { world, offered } = tiers(({ other }) => [{ priority: 1, pathPatterns: ['/api/*'], forward: to(other) }], () => []);
    expect(offered('Other', READ)).toBeGreaterThan(0);
    expect(offered('Other', STATIC)).toBe(0);
    expect(world.last.failed).toBeGreaterThan(0);
  });
});
