// A metric widget's statistic and period (shared/match/dashboard-stat.ts): the dashboards' one-minute samples
// grouped into aligned periods, each a datapoint by the statistics rule alarms use.
import { describe, expect, it } from 'vitest';
import { applyStatistic, DEFAULT_PERIOD_S, periodOf, periodStarts } from '../../../shared/match/dashboard-stat.ts';

const minutes = [60, 120, 180, 240, 300, 360, 420];
const samples = [1, 2, 3, null, 5, 6, 7];

describe("a dashboard widget's stat and period", () => {
  it('periods are whole minutes: five without one, shorter ones per minute, others rounded up', () => {
    expect(periodOf(undefined)).toBe(DEFAULT_PERIOD_S);
    expect(periodOf(300)).toBe(300);
    expect(periodOf(10)).toBe(60);
    expect(periodOf(90)).toBe(120);
    expect(periodOf(-5)).toBe(300);
  });

  it('groups each minute into the period it falls in, starting at multiples of the period', () => {
    expect(periodStarts(minutes, 60)).toEqual([0, 60, 120, 180, 240, 300, 360]);
    expect(periodStarts(minutes, 180)).toEqual([0, 180, 360]);
  });

  it('applies the statistic to each period: Sum, Average, Maximum, SampleCount, a percentile; missing minutes skipped', () => {
    expect(applyStatistic(minutes, samples, 'Sum', 180)).toEqual({ tS: [0, 180, 360], values: [6, 11, 7] });
    expect(applyStatistic(minutes, samples, 'Average', 180).values).toEqual([2, 5.5, 7]);
    expect(applyStatistic(minutes, samples, undefined, 180).values).toEqual([2, 5.5, 7]);
    expect(applyStatistic(minutes, samples, 'Maximum', 180).values).toEqual([3, 6, 7]);
    expect(applyStatistic(minutes, samples, 'SampleCount', 180).values).toEqual([3, 2, 1]);
    expect(applyStatistic(minutes, samples, 'p50', 180).values).toEqual([2, 5, 7]);
    // One minute a period: each sample is its own datapoint, a missing one stays missing.
    expect(applyStatistic(minutes, samples, 'Sum', 60).values).toEqual(samples);
  });

  it('a period with no sample has no datapoint', () => {
    expect(applyStatistic([60, 120], [null, null], 'Sum', 300)).toEqual({ tS: [0], values: [null] });
  });
});
