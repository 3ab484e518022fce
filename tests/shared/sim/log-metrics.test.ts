// Metric filters publish from the application's log only: nothing in a step without a match (the alarm stays
// INSUFFICIENT_DATA), DefaultValue when lines arrived and none matched, and nothing from a log group the
// application does not write to (which CloudFormation would not even create the filter on: a warning).
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { ALARM_INSUFFICIENT, ALARM_OK } from '../../../shared/sim/constants.ts';
import { createWorld, stepTo } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from '../campaign/files.ts';

const level = allScenarios().find((s) => s.id === 'errors-in-the-logs')!;
const reference = loadAssetDesign(level.solutions!.reference);
const withFilter = (change: Record<string, unknown>): Design => ({
  ...reference,
  resources: reference.resources.map((r) => (r.kind === 'metricFilter' ? ({ ...r, props: { ...r.props, ...change } } as typeof r) : r)),
});
const alarmState = (design: Design, tS: number) => {
  const world = createWorld(design, level, 1);
  stepTo(world, tS);
  const a = world.topo.alarmResource.indexOf(design.resources.find((r) => r.logicalId === 'PaymentErrorsAlarm')!.id);
  return { world, state: world.state.alarmState[a] };
};

describe('metric filters on the application log', () => {
  it('publish nothing while no line matches: the alarm has no data', () => {
    const { world, state } = alarmState(reference, 900);
    expect(world.scratch.logMetricPresent[0]).toBe(0);
    expect(state).toBe(ALARM_INSUFFICIENT);
  });

  it('publish DefaultValue when lines arrive and none match: the alarm is OK', () => {
    const { world, state } = alarmState(withFilter({ defaultValue: 0 }), 900);
    expect(world.scratch.logMetricPresent[0]).toBe(1);
    expect(world.scratch.logMetricValue[0]).toBe(0);
    expect(state).toBe(ALARM_OK);
  });

  it('count MetricValue per matching line', () => {
    const every = alarmState(withFilter({ filterPattern: 'INFO' }), 900).world;
    const twice = alarmState(withFilter({ filterPattern: 'INFO', metricValue: 2 }), 900).world;
    expect(every.scratch.logMetricValue[0]).toBeGreaterThan(0);
    expect(twice.scratch.logMetricValue[0]).toBeCloseTo(2 * every.scratch.logMetricValue[0]!, 6);
  });

  it('a filter on a log group nothing writes to (and that does not exist) counts nothing and is warned about', () => {
    const other = withFilter({ logGroup: undefined, logGroupName: '/other/app', filterPattern: '' });
    const { world, state } = alarmState(other, 900);
    expect(world.topo.warnings.map((w) => w.code)).toContain('warnFilterWithoutLogGroup');
    expect(world.scratch.logMetricPresent[0]).toBe(0);
    expect(state).toBe(ALARM_INSUFFICIENT);
  });
});
