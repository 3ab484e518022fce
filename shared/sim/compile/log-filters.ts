// Compiles CloudWatch Logs metric filters: which log group each reads (by region and name), its parsed pattern,
// and the custom metric (region, namespace, name) it publishes to, shared by every filter that names the same one
// (CloudWatch adds their datapoints up). An alarm without a resource dimension on such a metric watches it
// (compile/control.ts); a metric no filter publishes stays unknown, and the alarm INSUFFICIENT_DATA.

import { APP_LOG_GROUP } from '../../catalogue/app-logs.ts';
import type { Design } from '../../design/model.ts';
import { REGION_COUNT, regionIndex } from '../constants.ts';
import { parseFilterPattern, type FilterPattern } from '../filter-pattern.ts';
import type { DesignWarning } from '../timeline-text.ts';
import { liveOfKind } from './network.ts';

export interface LogFilterTopology {
  filterCount: number;
  filterResource: Int32Array;
  /** Region index (constants.ts regionIndex) of the filter's stack. */
  filterRegion: Int16Array;
  /** 1 when its log group is the one the application's agent writes to (APP_LOG_GROUP). */
  filterApp: Uint8Array;
  filterPattern: FilterPattern[];
  filterValue: Float64Array;
  /** DefaultValue, NaN without one. */
  filterDefault: Float64Array;
  /** Index of the custom metric it publishes to. */
  filterMetric: Int32Array;
  logMetricCount: number;
  /** "region|namespace|name" of each custom metric. */
  logMetricKey: string[];
  /** Per region index: 1 where the application's log is sent and billed (its log group or a filter on it is there). */
  appLogRegion: Uint8Array;
  /** Whether any region's application log is billed: the step then counts the log lines (shared/sim/app-logs.ts). */
  appLogBilled: boolean;
  /** Live flow logs (shared/sim/log-billing.ts bills their delivery): resource, region index, interval, to S3. */
  flowLogCount: number;
  flowLogResource: Int32Array;
  flowLogRegion: Int16Array;
  flowLogAggS: Int32Array;
  flowLogToS3: Uint8Array;
}

export function logMetricKey(region: string, namespace: string, name: string): string {
  return `${region}|${namespace}|${name}`;
}

export function compileLogFilters(design: Design, removed: Uint8Array, labels: string[], warnings: DesignWarning[]): LogFilterTopology {
  const regionOfStack = (stack: number) => design.stacks[stack]?.region ?? '';
  const groups = liveOfKind(design, removed, 'logGroup');
  const filters = liveOfKind(design, removed, 'metricFilter');
  const keys: string[] = [];
  const metric: number[] = [];
  const app: number[] = [];
  for (const f of filters) {
    const region = regionOfStack(f.stack);
    const group = f.props.logGroup !== undefined && removed[f.props.logGroup] !== 1 ? design.resources[f.props.logGroup] : undefined;
    const name = group?.kind === 'logGroup' ? group.props.name : f.props.logGroupName ?? '';
    const onBoard = group?.kind === 'logGroup' || groups.some((g) => g.props.name === name && regionOfStack(g.stack) === region);
    // CloudFormation cannot put a filter on a log group that does not exist; the agent creates the application's.
    if (!onBoard && name !== APP_LOG_GROUP) warnings.push({ code: 'warnFilterWithoutLogGroup', values: { filter: labels[f.id]!, group: name } });
    if (!parseFilterPattern(f.props.filterPattern).supported) warnings.push({ code: 'warnFilterPatternUnsupported', values: { filter: labels[f.id]!, pattern: f.props.filterPattern } });
    app.push(name === APP_LOG_GROUP ? 1 : 0);
    const key = logMetricKey(region, f.props.metricNamespace, f.props.metricName);
    let m = keys.indexOf(key);
    if (m < 0) m = keys.push(key) - 1;
    metric.push(m);
  }
  // The application's log goes where its group is, or where a filter reads it (the agent creates the group then).
  const appLogRegion = new Uint8Array(REGION_COUNT);
  const sendTo = (region: string) => {
    const r = regionIndex(region);
    if (r >= 0 && r < REGION_COUNT) appLogRegion[r] = 1;
  };
  for (const g of groups) if (g.props.name === APP_LOG_GROUP) sendTo(regionOfStack(g.stack));
  filters.forEach((f, k) => app[k] === 1 && sendTo(regionOfStack(f.stack)));
  const flows = liveOfKind(design, removed, 'flowLog');
  return {
    appLogRegion,
    appLogBilled: appLogRegion.some((x) => x === 1),
    flowLogCount: flows.length,
    flowLogResource: Int32Array.from(flows.map((f) => f.id)),
    flowLogRegion: Int16Array.from(flows.map((f) => regionIndex(regionOfStack(f.stack)))),
    flowLogAggS: Int32Array.from(flows.map((f) => f.props.aggregationS)),
    flowLogToS3: Uint8Array.from(flows.map((f) => (f.props.destinationType === 's3' ? 1 : 0))),
    filterCount: filters.length,
    filterResource: Int32Array.from(filters.map((f) => f.id)),
    filterRegion: Int16Array.from(filters.map((f) => regionIndex(regionOfStack(f.stack)))),
    filterApp: Uint8Array.from(app),
    filterPattern: filters.map((f) => parseFilterPattern(f.props.filterPattern)),
    filterValue: Float64Array.from(filters.map((f) => f.props.metricValue)),
    filterDefault: Float64Array.from(filters.map((f) => f.props.defaultValue ?? Number.NaN)),
    filterMetric: Int32Array.from(metric),
    logMetricCount: keys.length,
    logMetricKey: keys,
  };
}
