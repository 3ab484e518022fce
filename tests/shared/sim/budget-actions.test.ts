// Budgets over a run: the budget's period from the scenario, prorated; budget actions that stop chosen
// instances or attach AWSDenyAll to a leaked user, and change what the run bills next.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { EMPTY } from '../../../shared/sim/constants.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';

type ActionProps = ResourceOfKind<'budgetAction'>['props'];
const HOURLY = catalogue.instanceTypes['m5.large']!.hourlyUsd.value;
const quiet = { traffic: [{ area: 'north-america' as const, baselineRps: 0 }] };

/** Two m5.large instances and a budget; optionally an action on it. */
function board(amountUsd: number, action?: (ids: { budget: number; batch: number; web: number }) => Partial<ActionProps>) {
  const d = designBuilder();
  d.stack('solo', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a']);
  const web = d.instance('Web', net.subnets[0]!, 'm5.large');
  const batch = d.instance('Batch', net.subnets[0]!, 'm5.large');
  const budget = d.add('Budget', 'budget', { name: 'team', amountUsd, notifications: [{ notificationType: 'ACTUAL', thresholdPct: 80 }] });
  if (action) {
    d.add('Stop', 'budgetAction', {
      budget,
      notificationType: 'ACTUAL',
      thresholdType: 'PERCENTAGE',
      threshold: 50,
      approval: 'AUTOMATIC',
      actionType: 'RUN_SSM_DOCUMENTS',
      policyArn: '',
      users: [],
      groups: [],
      roles: [],
      region: 'us-east-1',
      instances: [batch],
      ...action({ budget, batch, web }),
    });
  }
  return d;
}

describe('budget period', () => {
  it('compares the run with its share of a monthly budget, not with the whole month', () => {
    // $73 a month is $0.10 an hour; a two-hour run's share is $0.20 and the board spends $0.192 an hour.
    const d = board(73);
    const month = createWorld(d.design, scenario({ durationS: 7200, budgetPeriodS: 730 * 3600, ...quiet }), 1);
    runUntil(month, 7200);
    const alert = month.timeline.find((e) => e.code === 'budgetActualPassed');
    expect(alert).toBeDefined();
    // 80% of $0.20 is $0.16: passed after 0.16 / 0.192 h = 50 minutes.
    expect(alert!.tS).toBeGreaterThan(2900);
    expect(alert!.tS).toBeLessThan(3100);
    // Without a period the run is the whole period: $73 is never reached.
    const whole = createWorld(d.design, scenario({ durationS: 7200, ...quiet }), 1);
    runUntil(whole, 7200);
    expect(whole.timeline.some((e) => e.code === 'budgetActualPassed')).toBe(false);
  });
});

describe('budget actions', () => {
  it('STOP_EC2_INSTANCES stops the chosen instances when actual spend passes the threshold, and they stop costing', () => {
    // Run share of $73 a month over two hours: $0.20; half of it is reached after about 31 minutes.
    const s = scenario({ durationS: 7200, budgetPeriodS: 730 * 3600, ...quiet });
    const withAction = createWorld(board(73, () => ({})).design, s, 1);
    const without = createWorld(board(73).design, s, 1);
    runUntil(withAction, 7200);
    runUntil(without, 7200);
    const stopped = withAction.timeline.find((e) => e.code === 'budgetActionStopped');
    expect(stopped).toBeDefined();
    expect(stopped!.values.instances).toEqual(['solo/Batch']);
    expect(stopped!.tS).toBeGreaterThan(1700);
    expect(stopped!.tS).toBeLessThan(2000);
    const topo = withAction.topo;
    const states = Array.from(topo.instResource).map((r, i) => [topo.labels[r], withAction.state.instState[i]]);
    expect(states).toContainEqual(['solo/Batch', EMPTY]);
    expect(states.find(([l]) => l === 'solo/Web')![1]).not.toBe(EMPTY);
    // Two instances for two hours without it; after the stop only the web server bills.
    expect(without.last.costUsd).toBeCloseTo(4 * HOURLY, 6);
    expect(withAction.last.costUsd).toBeLessThan(without.last.costUsd - HOURLY * 1.2);
  });

  it('a FORECASTED action runs on the forecast, before actual spend gets there', () => {
    const s = scenario({ durationS: 7200, budgetPeriodS: 730 * 3600, ...quiet });
    const world = createWorld(board(73, () => ({ notificationType: 'FORECASTED', threshold: 100 })).design, s, 1);
    runUntil(world, 7200);
    const stopped = world.timeline.find((e) => e.code === 'budgetActionStopped');
    expect(stopped).toBeDefined();
    // The forecast ($0.384 for the run) passes $0.20 as soon as there is one.
    expect(stopped!.tS).toBeLessThanOrEqual(catalogue.budgets.minForecastS.value + 5);
  });

  it('MANUAL approval waits and stops nothing', () => {
    const s = scenario({ durationS: 7200, budgetPeriodS: 730 * 3600, ...quiet });
    const world = createWorld(board(73, () => ({ approval: 'MANUAL' })).design, s, 1);
    runUntil(world, 7200);
    expect(world.timeline.some((e) => e.code === 'budgetActionAwaitsApproval')).toBe(true);
    expect(world.timeline.some((e) => e.code === 'budgetActionStopped')).toBe(false);
    expect(world.last.costUsd).toBeCloseTo(4 * HOURLY, 6);
  });

  it('AWSDenyAll attached to a leaked user stops the launches with its key', () => {
    const leak = {
      durationS: 7200,
      budgetPeriodS: 730 * 3600,
      ...quiet,
      events: [{ type: 'leaked-credentials' as const, atS: 600, params: { user: 'ci-deployer', region: 'us-east-1', instanceType: 'c5.2xlarge', count: 2, everyS: 600 } }],
    };
    const deny = (policyArn: string) => () => ({ actionType: 'APPLY_IAM_POLICY' as const, policyArn, users: ['ci-deployer'], instances: [] });
    const launches = (policyArn: string) => {
      const world = createWorld(board(73, deny(policyArn)).design, scenario(leak), 1);
      runUntil(world, 7200);
      expect(world.timeline.some((e) => e.code === 'budgetActionPolicy')).toBe(true);
      return world.timeline.filter((e) => e.code === 'leakedRunInstances').length;
    };
    const denied = launches('arn:aws:iam::aws:policy/AWSDenyAll');
    // A policy whose statements the game does not know changes nothing.
    const other = launches('arn:aws:iam::123456789012:policy/SomethingElse');
    expect(denied).toBeGreaterThan(0);
    expect(denied).toBeLessThan(other);
  });
});
