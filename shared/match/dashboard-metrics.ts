// The metrics a team's dashboards watch, sampled from its world once a simulated minute (beside the board's chart
// point), so a dashboard's graphs and numbers are the simulation's own figures, measured as alarms measure them
// (shared/sim/alarms.ts measureValue through the metric catalogue). A metric is named by a key
// "namespace|metric|stack/LogicalId" (the account's metrics, like AWS/Billing EstimatedCharges, have no resource).
// A widget's statistic and period are applied to these samples by dashboard-stat.ts.
// Only metrics that exist for their resource get a key: a widget on any other shows "No data", as in CloudWatch.
// The keys of a match only grow (a point's values follow the keys as they were when it was taken), so the wire
// carries each key once and each point as a short list of numbers.
import { metricOf, type Measure } from '../catalogue/metrics.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import { refOf } from '../design/edits.ts';
import type { Design } from '../design/model.ts';
import { MEASURE_CODE, subjectOf } from '../sim/compile/control.ts';
import { measureValue } from '../sim/alarms.ts';
import type { World } from '../sim/world.ts';

/** The key of a metric: its namespace, name and the resource its dimension names ('' for the account). */
export function metricKey(namespace: string, metric: string, subjectRef: string): string {
  return `${namespace}|${metric}|${subjectRef}`;
}

/** The metric rows of the design's dashboards that name a metric that exists, as keys, in design order. */
export function dashboardMetricKeys(design: Design): string[] {
  const keys = new Set<string>();
  for (const r of design.resources) {
    if (r.kind !== 'dashboard') continue;
    for (const row of r.props.metrics) {
      if (row.namespace === '') continue;
      const subject = row.subject === undefined ? undefined : design.resources[row.subject];
      keys.add(metricKey(row.namespace, row.metric, subject ? refOf(design, subject) : ''));
    }
  }
  return [...keys];
}

/** The keys so far with the design's new ones after them: a key, once given, keeps its place. */
export function extendMetricKeys(keys: readonly string[], design: Design): string[] {
  const known = new Set(keys);
  return [...keys, ...dashboardMetricKeys(design).filter((k) => !known.has(k))];
}

/** Rounded as a dashboard shows a figure (and as it survives the wire's float32). */
const round = (x: number) => Math.round(x * 100) / 100;

/** A sample of a metric that does not exist (every catalogue metric is zero or more): the dashboard's "No data". */
export const NO_DATA = -1;

/**
 * Measures that count what happened in a step (requests, 5xx answers): a dashboard's sample a minute stands for the
 * whole minute, so it is the step's count at that rate over the minute — a Sum over a period then gives the period's
 * count, as CloudWatch's one-minute datapoints do.
 */
const PER_MINUTE = new Set<Measure>(['lbRequests', 'lb5xx', 'edgeRequests']);
const STEPS_PER_MINUTE = 60 / STEP_SECONDS;

/** Each key's value now; NO_DATA where the metric does not exist for its resource, or the resource is gone. */
export function sampleMetrics(world: World, keys: readonly string[]): number[] {
  const byRef = new Map(world.design.resources.map((r) => [refOf(world.design, r), r]));
  return keys.map((key) => {
    const [namespace = '', metric = '', ref = ''] = key.split('|');
    const r = ref === '' ? undefined : byRef.get(ref);
    if (ref !== '' && (r === undefined || world.topo.removed[r.id] === 1)) return NO_DATA;
    const found = subjectOf(r, namespace, world.topo, world.topo, world.topo);
    const known = metricOf(namespace, metric, found?.subject);
    if (!known || !found || found.index < 0) return NO_DATA;
    const perMinute = PER_MINUTE.has(known.measure) ? STEPS_PER_MINUTE : 1;
    return round(measureValue(world, MEASURE_CODE[known.measure], found.index) * perMinute);
  });
}
