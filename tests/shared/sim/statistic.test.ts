// CloudWatch statistics (shared/sim/statistic.ts): the one rule by which alarms and dashboards turn a period's
// samples into a datapoint.
import { describe, expect, it } from 'vitest';
import { STAT_AVERAGE, STAT_COUNT, STAT_MAXIMUM, STAT_MINIMUM, STAT_SUM } from '../../../shared/sim/compile/alarm-codes.ts';
import { datapointOf, readStatistic, statisticOf } from '../../../shared/sim/statistic.ts';

describe('CloudWatch statistics', () => {
  const samples = [4, 1, 9, 2, 4];

  it('Average, Sum, Minimum, Maximum and SampleCount of a period', () => {
    expect(statisticOf(samples, readStatistic('Average'))).toBe(4);
    expect(statisticOf(samples, readStatistic('Sum'))).toBe(20);
    expect(statisticOf(samples, readStatistic('Minimum'))).toBe(1);
    expect(statisticOf(samples, readStatistic('Maximum'))).toBe(9);
    expect(statisticOf(samples, readStatistic('SampleCount'))).toBe(5);
    expect(datapointOf(STAT_SUM, 20, 5, 1, 9)).toBe(20);
    expect(datapointOf(STAT_AVERAGE, 20, 5, 1, 9)).toBe(4);
    expect(datapointOf(STAT_MINIMUM, 20, 5, 1, 9)).toBe(1);
    expect(datapointOf(STAT_MAXIMUM, 20, 5, 1, 9)).toBe(9);
    expect(datapointOf(STAT_COUNT, 20, 5, 1, 9)).toBe(5);
  });

  it('percentiles by nearest rank: p50 the median, p99 and p100 the largest, p0… the smallest', () => {
    expect(readStatistic('p99')).toEqual({ percentile: 99 });
    expect(readStatistic('p99.9')).toEqual({ percentile: 99.9 });
    expect(statisticOf(samples, readStatistic('p50'))).toBe(4);
    expect(statisticOf(samples, readStatistic('p99'))).toBe(9);
    expect(statisticOf(samples, readStatistic('p20'))).toBe(1);
    expect(statisticOf([10, 20, 30, 40], readStatistic('p75'))).toBe(30);
  });

  it('a period without samples has no datapoint; an unknown name is Average', () => {
    expect(statisticOf([], readStatistic('Sum'))).toBeNull();
    expect(readStatistic('Median')).toEqual({ code: STAT_AVERAGE });
    expect(readStatistic(undefined)).toEqual({ code: STAT_AVERAGE });
  });
});
