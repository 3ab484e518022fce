// CloudWatch statistics: how a period's samples become one datapoint. One rule for alarms (shared/sim/alarms.ts,
// which keeps each period's sum, count, minimum and maximum as it goes) and dashboards
// (shared/match/dashboard-stat.ts, which has the period's samples): Average, Sum, Minimum, Maximum, SampleCount,
// and percentiles pNN ("p99", "p99.9") over the samples (Amazon CloudWatch User Guide, "CloudWatch statistics
// definitions"). A period without samples has no datapoint.

import { STAT_AVERAGE, STAT_COUNT, STAT_MAXIMUM, STAT_MINIMUM, STAT_SUM } from './compile/alarm-codes.ts';

/** A statistic's code by its CloudWatch name (the alarms' Statistic, a widget's `stat`). */
export const STAT_CODES: Readonly<Record<string, number>> = { Average: STAT_AVERAGE, Sum: STAT_SUM, Minimum: STAT_MINIMUM, Maximum: STAT_MAXIMUM, SampleCount: STAT_COUNT };

/** A statistic as read from its name: a code, or a percentile (0–100). */
export type Statistic = { code: number; percentile?: undefined } | { code?: undefined; percentile: number };

/** The statistic a name gives (pNN for percentiles); Average for a name CloudWatch would not accept. */
export function readStatistic(name: string | undefined): Statistic {
  const code = name === undefined ? undefined : STAT_CODES[name];
  if (code !== undefined) return { code };
  const p = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(name ?? '');
  return p ? { percentile: Number(p[1]) } : { code: STAT_AVERAGE };
}

/** The datapoint of a period from its samples' sum, count, minimum and maximum (count > 0). */
export function datapointOf(code: number, sum: number, count: number, min: number, max: number): number {
  if (code === STAT_SUM) return sum;
  if (code === STAT_MINIMUM) return min;
  if (code === STAT_MAXIMUM) return max;
  if (code === STAT_COUNT) return count;
  return sum / count;
}

/** The datapoint of a period's samples (null without any): the same rule, with percentiles by nearest rank. */
export function statisticOf(samples: readonly number[], stat: Statistic): number | null {
  const n = samples.length;
  if (n === 0) return null;
  if (stat.percentile !== undefined) {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(n - 1, Math.max(0, Math.ceil((stat.percentile / 100) * n) - 1))]!;
  }
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of samples) {
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return datapointOf(stat.code, sum, n, min, max);
}
