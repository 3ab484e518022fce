// A metric widget's statistic and period applied to the dashboards' samples (dashboard-metrics.ts takes one a
// simulated minute): the samples are grouped into the widget's periods — each period starting at a multiple of its
// length, as CloudWatch aligns them — and each period's samples become one datapoint by the widget's `stat`, with
// the rule alarms use (shared/sim/statistic.ts). A period with no sample has no datapoint. The samples are a minute
// apart, so a period is a whole number of minutes: shorter ones (high-resolution 1, 5, 10, 30 s) are shown per
// minute, and a period that is not a multiple of 60 is rounded up to one, as CloudWatch requires of periods over 60.
import { readStatistic, statisticOf } from '../sim/statistic.ts';

/** Seconds between two samples of a dashboard metric. */
export const SAMPLE_S = 60;
/** A metric widget without `period`: CloudWatch's default, five minutes. */
export const DEFAULT_PERIOD_S = 300;
/** A metric widget without `stat`: CloudWatch's default. */
export const DEFAULT_STAT = 'Average';

/** The statistics and periods the console offers a new metric widget (CloudWatch's console offers these and more). */
export const WIDGET_STATS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p99'] as const;
export const WIDGET_PERIODS_S = [60, 300, 900, 3600] as const;

/** The period a widget's samples are grouped by: whole minutes, five without one. */
export function periodOf(period: unknown): number {
  const p = typeof period === 'number' && Number.isFinite(period) && period > 0 ? period : DEFAULT_PERIOD_S;
  return Math.max(1, Math.ceil(p / SAMPLE_S)) * SAMPLE_S;
}

export interface PeriodSeries {
  /** Each period's start, seconds into the run. */
  tS: number[];
  /** Each period's datapoint, null where it has no sample. */
  values: (number | null)[];
}

/** The periods' starts that the samples taken at `sampleTS` (each ending its minute) fall in, in order. */
export function periodStarts(sampleTS: readonly number[], periodS: number): number[] {
  const out: number[] = [];
  for (const t of sampleTS) {
    const start = Math.floor(Math.max(0, t - SAMPLE_S) / periodS) * periodS;
    if (out.at(-1) !== start) out.push(start);
  }
  return out;
}

/** A line's samples (null: no data at that minute) as the widget's datapoints: one per period, by its statistic. */
export function applyStatistic(sampleTS: readonly number[], samples: readonly (number | null)[], stat: string | undefined, periodS: number): PeriodSeries {
  const statistic = readStatistic(stat ?? DEFAULT_STAT);
  const tS = periodStarts(sampleTS, periodS);
  const buckets: number[][] = tS.map(() => []);
  let k = 0;
  sampleTS.forEach((t, i) => {
    const start = Math.floor(Math.max(0, t - SAMPLE_S) / periodS) * periodS;
    while (tS[k] !== start) k++;
    const v = samples[i];
    if (v !== null && v !== undefined) buckets[k]!.push(v);
  });
  return { tS, values: buckets.map((b) => statisticOf(b, statistic)) };
}
