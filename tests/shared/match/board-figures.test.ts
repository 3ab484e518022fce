// The figures the board view adds for the consoles, checked against the rules they come from: Cost Explorer's
// spend and run rate by service and region (every charge of the money step, hosted zones, WAF rules, fast
// health checks, high-resolution alarms and NAT gateways included, a disabled accelerator not charged), the one
// forecast that budget alerts, hints and Cost Explorer share, the debrief's first failure, the dark zones and the
// entry points.
import { describe, expect, it } from 'vitest';
import { catalogue, priceFactorOf } from '../../../shared/catalogue/index.ts';
import { darkView, entryPointIds, pieceFlags } from '../../../shared/match/board-flags.ts';
import { costView } from '../../../shared/match/cost-view.ts';
import { debriefOf, firstFailureOf, isFailure, worstMinuteOf } from '../../../shared/match/debrief.ts';
import { conditionHolds } from '../../../shared/sim/hints.ts';
import { forecastSpendUsd, reachesBudget, worldForecastUsd } from '../../../shared/sim/money.ts';
import { T_BUDGET, T_COST, T_NOW } from '../../../shared/sim/state.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario, webTier } from '../sim/builders.ts';

const month = catalogue.hoursPerMonth.value;
const line = (world: World, by: 'byService' | 'byRegion', name: string) => costView(world)[by].find((l) => l.name === name);
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/** A web tier with everything priced by the month: a hosted zone, a fast health check, a WAF with two rules, a high-resolution and a standard alarm, a NAT gateway; and a disabled accelerator. */
function pricedDesign() {
  const { b, lb, asg } = webTier({ desired: 2 });
  const check = b.healthCheck('Check', lb, 10);
  b.record('Www', lb, { healthCheck: check });
  const acl = b.add('Acl', 'webAcl', { scope: 'REGIONAL', rateLimit: 2000, blockedAreas: ['asia'] });
  b.add('AclLink', 'webAclAssociation', { webAcl: acl, resource: lb });
  const alarm = { metric: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average', subject: asg, comparison: 'GreaterThanThreshold', threshold: 70, evaluationPeriods: 2, alarmActions: [] } as const;
  b.add('Fast', 'alarm', { ...alarm, periodS: 10 } as never);
  b.add('Slow', 'alarm', { ...alarm, periodS: 60 } as never);
  const acc = b.accelerator('Accel', [{ region: 'us-east-1', endpoints: [lb] }]);
  (b.design.resources[acc]!.props as { enabled: boolean }).enabled = false;
  b.design.unmodelled.push({ stack: 0, logicalId: 'Nat', type: 'AWS::EC2::NatGateway', body: {} } as never);
  return b.design;
}

describe('Cost Explorer by service and region', () => {
  it('prices what runs before the first step: the monthly items AWS bills, and no disabled accelerator', () => {
    const world = createWorld(pricedDesign(), scenario(), 1);
    const hourly = (name: string) => line(world, 'byService', name)?.hourlyUsd;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    expect(hourly('route53')).toBe(r3((catalogue.route53.hostedZoneMonthUsd.value + catalogue.route53.healthCheckMonthUsd.value + catalogue.route53.fastHealthCheckMonthUsd.value) / month));
    expect(hourly('waf')).toBe(r3((catalogue.waf.webAclMonthUsd.value + 2 * catalogue.waf.ruleMonthUsd.value) / month));
    expect(hourly('cloudWatch')).toBe(r3((catalogue.cloudWatch.highResolutionAlarmMonthUsd.value + catalogue.cloudWatch.alarmMonthUsd.value) / month));
    expect(hourly('vpc')).toBe(r3(catalogue.natGateway.hourlyUsd.value));
    expect(hourly('elb')).toBe(r3(catalogue.loadBalancers.application.hourlyUsd.value));
    expect(hourly('ec2')).toBe(r3(2 * catalogue.instanceTypes['m5.large']!.hourlyUsd.value));
    expect(hourly('globalAccelerator')).toBeUndefined();
    expect(costView(world).spentUsd).toBe(0);
    expect(costView(world).forecastUsd).toBeNull();
  });

  it('books every charge of every step to a service and a region: the cells add up to the bill', () => {
    const world = createWorld(pricedDesign(), scenario({ traffic: [{ area: 'north-america', baselineRps: 400 }, { area: 'europe', baselineRps: 100 }] }), 1);
    for (let i = 0; i < 200; i++) {
      step(world);
      expect(sum(world.last.stepSpendUsd)).toBeCloseTo(world.last.stepCostUsd, 12);
    }
    expect(sum(world.state.spend)).toBeCloseTo(world.state.tally[T_COST]!, 9);
    const view = costView(world);
    // Requests and data are in it too: data transfer out, the WAF's per-request charge, the balancer's LCUs.
    expect(line(world, 'byService', 'dataTransfer')!.spentUsd).toBeGreaterThan(0);
    expect(view.byService.reduce((s, l) => s + l.spentUsd, 0)).toBeCloseTo(view.spentUsd, 1);
    expect(view.byRegion.map((l) => l.name).sort()).toEqual(['global', 'us-east-1']);
    expect(view.byRegion.reduce((s, l) => s + l.spentUsd, 0)).toBeCloseTo(view.spentUsd, 1);
    expect(view.hourlyUsd).toBeCloseTo((world.last.stepCostUsd * 3600) / 5, 2);
  });

  it('splits by region at each region’s prices, and a price change shows in the run rate of its line', () => {
    const d = designBuilder();
    for (const region of ['us-east-1', 'sa-east-1']) {
      d.stack(region, region);
      const net = d.network('Main', region, ['a']);
      d.instance('Server', net.subnets[0]!, 'm5.large');
    }
    const quiet = scenario({
      traffic: [{ area: 'north-america', baselineRps: 0 }],
      events: [{ type: 'price-change', atS: 600, durationS: 600, params: { service: 'compute', multiplier: 2 } }],
    });
    const world = createWorld(d.design, quiet, 1);
    const m5 = catalogue.instanceTypes['m5.large']!.hourlyUsd.value;
    step(world);
    expect(line(world, 'byRegion', 'us-east-1')!.hourlyUsd).toBe(Math.round(m5 * 1000) / 1000);
    expect(line(world, 'byRegion', 'sa-east-1')!.hourlyUsd).toBe(Math.round(m5 * priceFactorOf('sa-east-1') * 1000) / 1000);
    while (world.state.tally[T_NOW]! < 700) step(world);
    expect(line(world, 'byRegion', 'us-east-1')!.hourlyUsd).toBe(Math.round(2 * m5 * 1000) / 1000);
  });
});

describe('one forecast', () => {
  it('is spend ÷ time covered × duration, and none before the minimum history', () => {
    expect(forecastSpendUsd(1, catalogue.budgets.minForecastS.value - 1, 3600)).toBeNull();
    expect(forecastSpendUsd(1, 1800, 3600)).toBe(2);
  });

  it('the budget alert, the live hint and Cost Explorer agree at every step', () => {
    const world = createWorld(webTier({ desired: 6, type: 'm5.xlarge' }).b.design, scenario({ durationS: 3600, budgetUsd: 1.2 }), 1);
    let alertedAt = -1;
    let agreed = 0;
    while (world.state.tally[T_NOW]! < 3600) {
      step(world);
      const forecast = worldForecastUsd(world);
      const view = costView(world);
      expect(view.forecastUsd).toBe(forecast === null ? null : Math.round(forecast * 100) / 100);
      const over = reachesBudget(forecast, world.state.tally[T_BUDGET]!);
      expect(view.forecastOverBudget).toBe(over);
      expect(conditionHolds(world, { condition: 'budget-forecast-over' })).toBe(over);
      const alerted = world.timeline.some((e) => e.code === 'forecastOverBudget');
      if (alerted && alertedAt < 0) alertedAt = world.state.tally[T_NOW]!;
      // The alert fires in the step whose forecast first reaches the budget.
      expect(alerted).toBe(alertedAt >= 0);
      if (over) agreed++;
      if (over) expect(alerted).toBe(true);
    }
    expect(agreed).toBeGreaterThan(0);
  });
});

describe('the debrief, the dark zones and the entry points', () => {
  const outage = scenario({ durationS: 1800, events: [{ type: 'az-outage', atS: 600, durationS: 600, params: { zone: 'us-east-1b' } }] });

  it('names what failed first after the outage that caused it, and the zone is dark while it lasts', () => {
    const single = designBuilder();
    single.stack('solo', 'us-east-1');
    const net = single.network('Main', 'us-east-1', ['b']);
    single.instance('Server', net.subnets[0]!, 't3.medium');
    const world = createWorld(single.design, outage, 1);
    while (world.state.tally[T_NOW]! < 900) step(world);
    expect(darkView(world)).toEqual({ zones: ['us-east-1b'], regions: [] });
    const first = firstFailureOf(world.timeline)!;
    expect(isFailure(first.failure)).toBe(true);
    expect(first.failure.tS).toBeGreaterThanOrEqual(600);
    expect(first.cause?.kind).toBe('event');
    expect(world.timeline.slice(0, world.timeline.indexOf(first.failure)).some(isFailure)).toBe(false);
    while (world.state.tally[T_NOW]! < 1800) step(world);
    expect(darkView(world).zones).toEqual([]);
    const d = debriefOf('t', world.timeline, [], worstMinuteOf([{ tS: 60, requests: 100, errors: 0, p95Ms: 50, costUsd: 0, healthyHosts: 1, cacheHitRatio: 0, computeLoad: 0, databaseLoad: 0, metrics: [] }, { tS: 660, requests: 100, errors: 40, p95Ms: 90, costUsd: 0, healthyHosts: 0, cacheHitRatio: 0, computeLoad: 0, databaseLoad: 0, metrics: [] }]));
    expect(d.firstFailure).toBe(first.failure);
    expect(d.worstMinute).toEqual({ tS: 660, errorPct: 40, p95Ms: 90 });
  });

  it('tells nothing failed for a design that rides out the outage', () => {
    const world = createWorld(webTier({ desired: 3 }).b.design, scenario({ durationS: 600, traffic: [{ area: 'north-america', baselineRps: 50 }] }), 1);
    while (world.state.tally[T_NOW]! < 600) step(world);
    expect(firstFailureOf(world.timeline)).toBeUndefined();
  });

  it('flags public subnets and the front door the simulation compiled', () => {
    const { b, lb } = webTier();
    const world = createWorld(b.design, scenario(), 1);
    const flags = pieceFlags(b.design, world.topo);
    expect(entryPointIds(world.topo)).toEqual([lb]);
    expect(flags[lb]!.entry).toBe(true);
    expect(b.design.resources.filter((r, id) => r.kind === 'subnet' && flags[id]!.publicSubnet)).toHaveLength(3);
    const record = b.record('Www', lb);
    const withDns = createWorld(b.design, scenario(), 1);
    expect(entryPointIds(withDns.topo)).toEqual([record]);
  });
});
