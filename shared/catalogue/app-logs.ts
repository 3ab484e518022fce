// The application's log in CloudWatch Logs: where it goes, the lines it writes, and what a metric filter makes of
// them. One place for the words the console shows and the rules shared/sim/app-logs.ts and filter-pattern.ts follow.

/** The log group the application's CloudWatch agent sends its log file to, in each instance's region. */
export const APP_LOG_GROUP = '/shop/app';

/** The most attempts a call to the dependency makes (a dependency-slowdown's retries are at most 4). */
export const MAX_ATTEMPTS = 5;

// Line kinds, the index of a line's count per region in the step's scratch (shared/sim/app-logs.ts).
export const LINE_STATIC = 0;
export const LINE_READ = 1;
export const LINE_WRITE = 2;
/** LINE_ATTEMPT + k - 1: attempt k of a call failed and is retried. */
export const LINE_ATTEMPT = 3;
/** Every attempt failed: the request is answered 503. */
export const LINE_GAVE_UP = LINE_ATTEMPT + MAX_ATTEMPTS;
export const LINE_KINDS = LINE_GAVE_UP + 1;

/** The dependency the application's lines name (a scenario's dependency-slowdown), or none. */
export interface LoggedDependency {
  name: string;
  retries: number;
}

/**
 * The text of each line kind (the message after the timestamp CloudWatch Logs keeps beside it). Lines of a kind
 * differ only in their time and request, so a filter pattern matches all lines of a kind or none.
 */
export function appLogLines(dependency: LoggedDependency | undefined): string[] {
  const lines = ['INFO GET /static/app.css 200', 'INFO GET /products 200', 'INFO POST /orders 201'];
  const dep = dependency?.name ?? 'dependency';
  const attempts = (dependency?.retries ?? 0) + 1;
  for (let k = 1; k <= MAX_ATTEMPTS; k++) {
    lines.push(`ERROR ${dep} call failed: timed out waiting for a connection from the pool (attempt ${k} of ${attempts}); retrying`);
  }
  lines.push(`ERROR ${dep} call failed after ${attempts} attempts; answering 503 Service Unavailable`);
  return lines;
}

export const APP_LOGS_EXPLAIN =
  `The shop's instances run the CloudWatch agent, which sends the application's log file to the log group ${APP_LOG_GROUP} ` +
  "in the instance's region, one log stream per instance (Amazon CloudWatch User Guide, \"Collect metrics, logs, and traces " +
  'with the CloudWatch agent"); the agent creates the group when it does not exist. The application writes one INFO line per ' +
  'request it serves and one ERROR line per failed call to its dependency: each retried attempt, and the request it gives up ' +
  'on. The game counts lines per step, it does not keep each one. Application Load Balancer access logs go to an S3 bucket, ' +
  'not to CloudWatch Logs, so no log group receives them. The agent sends the log where the design has the log group ' +
  `${APP_LOG_GROUP} or a metric filter on it in the instance's region (the agent's configuration names the group; a design ` +
  'with neither is taken as one whose agent sends nothing). Each line is billed as ingested data ($0.50 per GB, with 26 bytes ' +
  'per event) and then stored ($0.03 per GB-month compressed), under CloudWatch (catalogue.cloudWatchLogs).';

export const METRIC_FILTER_EXPLAIN =
  'A metric filter adds its MetricValue to its metric for every log event of its log group that matches its pattern ' +
  '(Amazon CloudWatch Logs User Guide, "Filter pattern syntax for metric filters"). Supported for unstructured events: ' +
  'terms (ERROR, case-sensitive, all must appear), "quoted phrases", ?terms (at least one of them must appear), -terms ' +
  '(none may appear), and the empty pattern (every event). JSON ({ $.level = "ERROR" }), space-delimited ([ip, user, ...]) ' +
  'and %regex% patterns are kept as written but match nothing on the board, as are Dimensions and a MetricValue naming a ' +
  'field. The game publishes one datapoint per step: the Sum of MetricValue over the step\'s matches, DefaultValue when ' +
  'events arrived and none matched, nothing when nothing arrived or nothing matched without a DefaultValue. An alarm ' +
  "evaluates the datapoints it has (TreatMissingData's default, missing); with none it stays INSUFFICIENT_DATA. The filter " +
  'must be in the alarm\'s region, on a log group of the board or the application\'s own.';

/**
 * Whether an alarm watches a metric filter's metric: the same region, namespace and name, and no dimension (a
 * filter's metric has none here). The rule compile/control.ts follows; the console lists the alarms by it.
 */
export function alarmWatchesFilter(
  alarm: { region: string; namespace: string; metric: string; hasDimensions: boolean },
  filter: { region: string; namespace: string; metric: string },
): boolean {
  return !alarm.hasDimensions && alarm.region === filter.region && alarm.namespace === filter.namespace && alarm.metric === filter.metric;
}
