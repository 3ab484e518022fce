// A CloudWatch dashboard (AWS::CloudWatch::Dashboard): its DashboardBody's widgets, modelled so that the game can
// show what each widget watches and a player can compose one. The body is JSON: {"widgets": [{type, x, y, width,
// height, properties}]} (CloudWatch API Reference, "Dashboard Body Structure and Syntax"). The board keeps each
// widget's layout and display properties, and flattens its metric rows and alarm ARNs into lists of their own,
// each naming its widget by index, so that a metric's dimension or an alarm on the board is a reference the
// design can follow (shared/design/references.ts) like any other.
import type { ResourceBase, ResourceId } from '../model.ts';

/** One widget: its type (metric, text, alarm; any other type is kept as written), place and display properties. */
export interface DashboardWidget {
  type: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
  title?: string;
  /** Metric widgets: timeSeries (a graph) or singleValue (a number); other views are kept as written. */
  view?: string;
  stat?: string;
  /** Seconds each datapoint covers (CloudWatch's `period`). */
  period?: number;
  region?: string;
  /** Text widgets: the Markdown shown. */
  markdown?: string;
  /** The widget's other properties as written (yAxis, annotations, a log widget's query, …). */
  other?: Record<string, unknown>;
}

/** One dimension of a metric row; without `value` it names the row's subject (a board resource). */
export interface DashboardDimension {
  name: string;
  value?: string;
}

/**
 * One row of a metric widget's `metrics`: [namespace, metricName, dimName, dimValue, …, {options}]. A row that
 * is only an options object (a metric math expression) has an empty namespace and metric name.
 */
export interface DashboardMetricRow {
  widget: number;
  namespace: string;
  metric: string;
  dimensions: DashboardDimension[];
  /** The board resource a dimension value names (an instance, a group, a load balancer, …). */
  subject?: ResourceId;
  options?: Record<string, unknown>;
}

/** One entry of an alarm widget's `alarms`: an alarm on the board, or an ARN kept as written. */
export interface DashboardAlarmEntry {
  widget: number;
  alarm?: ResourceId;
  arn?: string;
}

/**
 * The body as the template wrote it (a literal, Fn::Sub or Fn::Join) and the key of what the board read from it:
 * written again as it was while the board's widgets still give that key (shared/template/codecs/dashboard.ts).
 */
export interface DashboardSource {
  form: unknown;
  key: string;
}

export type Dashboard = ResourceBase<
  'dashboard',
  {
    /** DashboardName; CloudFormation makes one up when it is left out. */
    name?: string;
    widgets: DashboardWidget[];
    metrics: DashboardMetricRow[];
    alarms: DashboardAlarmEntry[];
    /** The body's keys other than `widgets` (start, end, periodOverride, variables), as written. */
    other?: Record<string, unknown>;
    source?: DashboardSource;
  }
>;
