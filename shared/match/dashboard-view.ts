// What a CloudWatch dashboard shows, decided here for the console to draw: each widget's place on CloudWatch's
// 24-column grid, its graph lines or number from the dashboards' sampled metrics (dashboard-metrics.ts), "No data"
// for a metric that does not exist for its resource (as CloudWatch shows a widget on a metric nobody publishes),
// an alarm-status widget's alarms with their states; and the choices a player composes a dashboard from: the
// metric catalogue's metrics for each resource of the board.
import { METRICS, type MetricEntry, type MetricSubject } from '../catalogue/metrics.ts';
import type { DashboardMetricRow, DashboardWidget } from '../design/kinds/dashboard.ts';
import { metricKey, NO_DATA } from './dashboard-metrics.ts';
import { applyStatistic, DEFAULT_STAT, periodOf, periodStarts } from './dashboard-stat.ts';

/** Rounded as a dashboard shows a figure. */
const round = (x: number) => Math.round(x * 100) / 100;
import type { AlarmStateName } from './board-view.ts';

/** A board resource as the client has it: references in its props written "stack/LogicalId". */
export interface ViewPiece {
  ref: string;
  kind: string;
  logicalId: string;
  awsType: string;
  props: Record<string, unknown>;
  alarmState?: string;
}

/** A dashboard's props as the board carries them: references as "stack/LogicalId". */
export interface DashboardPieceProps {
  name?: string;
  widgets: DashboardWidget[];
  metrics: (Omit<DashboardMetricRow, 'subject'> & { subject?: string })[];
  alarms: { widget: number; alarm?: string; arn?: string }[];
}

export interface DashboardLineView {
  label: string;
  /** One datapoint per period of its widget (the widget's tS), by its statistic; null where the period has no data. */
  values: (number | null)[];
  latest: number | null;
}

export interface DashboardWidgetView {
  index: number;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  /** timeSeries (a graph), singleValue (numbers), text, alarm, or other (a widget type the game does not draw). */
  view: 'timeSeries' | 'singleValue' | 'text' | 'alarm' | 'other';
  /** A metric widget's statistic and period as applied (dashboard-stat.ts); '' and 0 for other widgets. */
  stat: string;
  periodS: number;
  /** The starts of its periods, seconds into the run: its graph's x axis. */
  tS: number[];
  lines: DashboardLineView[];
  /** A metric widget none of whose metrics has data: CloudWatch's "No data". */
  noData: boolean;
  markdown: string;
  alarms: { name: string; state: AlarmStateName | 'UNKNOWN' }[];
}

export interface DashboardView {
  name: string;
  /** The chart points' times (one sample a simulated minute), seconds into the run. */
  tS: number[];
  widgets: DashboardWidgetView[];
}

const GRID_COLUMNS = 24;

/** The dashboard as its widgets show it, from the board's sampled metrics and its alarms' states. */
export function dashboardView(
  dashboard: ViewPiece,
  pieces: readonly ViewPiece[],
  metricKeys: readonly string[],
  points: readonly { tS: number; metrics?: readonly number[] }[],
): DashboardView {
  const props = dashboard.props as unknown as DashboardPieceProps;
  const byRef = new Map(pieces.map((p) => [p.ref, p]));
  const places = placeWidgets(props.widgets);
  const widgets = props.widgets.map((w, index): DashboardWidgetView => {
    const rows = props.metrics.filter((m) => m.widget === index && m.namespace !== '');
    const metric = w.type === 'metric';
    const periodS = metric ? periodOf(w.period) : 0;
    const stat = metric ? (w.stat ?? DEFAULT_STAT) : '';
    const sampleTS = points.map((p) => p.tS);
    const lines = metric ? rows.map((m) => lineOf(m, byRef, metricKeys, points, stat, periodS)) : [];
    const alarms =
      w.type === 'alarm'
        ? props.alarms.filter((a) => a.widget === index).map((a) => {
            const piece = a.alarm === undefined ? undefined : byRef.get(a.alarm);
            return { name: piece?.logicalId ?? a.arn?.split(':').pop() ?? '', state: piece ? stateOf(piece) : ('UNKNOWN' as const) };
          })
        : [];
    return {
      index,
      type: w.type,
      ...places[index]!,
      width: Math.min(w.width, GRID_COLUMNS),
      height: w.height,
      title: w.title ?? '',
      stat,
      periodS,
      tS: metric ? periodStarts(sampleTS, periodS) : [],
      view: w.type === 'text' ? 'text' : w.type === 'alarm' ? 'alarm' : w.type !== 'metric' ? 'other' : w.view === 'singleValue' ? 'singleValue' : 'timeSeries',
      lines,
      noData: w.type === 'metric' && lines.every((l) => l.latest === null),
      markdown: w.markdown ?? '',
      alarms,
    };
  });
  return { name: props.name ?? dashboard.logicalId, tS: points.map((p) => p.tS), widgets };
}

function stateOf(alarm: ViewPiece): AlarmStateName {
  return alarm.alarmState === 'ALARM' || alarm.alarmState === 'OK' ? alarm.alarmState : 'INSUFFICIENT_DATA';
}

function lineOf(
  m: DashboardPieceProps['metrics'][number],
  byRef: ReadonlyMap<string, ViewPiece>,
  keys: readonly string[],
  points: readonly { tS: number; metrics?: readonly number[] }[],
  widgetStat: string,
  periodS: number,
): DashboardLineView {
  const subject = m.subject === undefined ? undefined : byRef.get(m.subject);
  const named = m.dimensions.map((d) => (d.value !== undefined ? d.value : (subject?.logicalId ?? ''))).filter((v) => v !== '');
  const label = typeof m.options?.['label'] === 'string' ? (m.options['label'] as string) : [m.metric, ...named].join(' ');
  const at = keys.indexOf(metricKey(m.namespace, m.metric, m.subject ?? ''));
  const samples = points.map((p) => {
    const v = at < 0 ? undefined : p.metrics?.[at];
    return v === undefined || v === NO_DATA ? null : v;
  });
  // A row's own `stat` option overrides its widget's, as in a DashboardBody; the period is the widget's.
  const stat = typeof m.options?.['stat'] === 'string' ? (m.options['stat'] as string) : widgetStat;
  const values = applyStatistic(
    points.map((p) => p.tS),
    samples,
    stat,
    periodS,
  ).values.map((v) => (v === null ? null : round(v)));
  let latest: number | null = null;
  for (const v of values) if (v !== null) latest = v;
  return { label, values, latest };
}

/**
 * Each widget's place: its own x and y, or, for a widget that leaves them out, the next free place reading left
 * to right and top to bottom, as CloudWatch places it.
 */
function placeWidgets(widgets: readonly DashboardWidget[]): { x: number; y: number }[] {
  const taken: boolean[][] = [];
  const free = (x: number, y: number, w: number, h: number) => {
    for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) if (taken[r]?.[c]) return false;
    return true;
  };
  const take = (x: number, y: number, w: number, h: number) => {
    for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) (taken[r] ??= [])[c] = true;
  };
  const placed = widgets.map((w) => (w.x !== undefined && w.y !== undefined ? { x: Math.min(w.x, GRID_COLUMNS - 1), y: w.y } : undefined));
  widgets.forEach((w, i) => placed[i] && take(placed[i]!.x, placed[i]!.y, Math.min(w.width, GRID_COLUMNS), w.height));
  return widgets.map((w, i) => {
    if (placed[i]) return placed[i]!;
    const width = Math.min(w.width, GRID_COLUMNS);
    for (let y = 0; ; y++) {
      for (let x = 0; x + width <= GRID_COLUMNS; x++) {
        if (free(x, y, width, w.height)) {
          take(x, y, width, w.height);
          return { x, y };
        }
      }
    }
  });
}

/** What a board resource publishes metrics as, in the catalogue's terms. */
export function metricSubjectOf(piece: Pick<ViewPiece, 'kind' | 'awsType' | 'props'>): MetricSubject | undefined {
  switch (piece.kind) {
    case 'instance':
      return 'instance';
    case 'autoScalingGroup':
      return 'autoScalingGroup';
    case 'database':
      return 'database';
    case 'loadBalancer':
      if (piece.awsType === 'AWS::ElasticLoadBalancing::LoadBalancer') return 'classicLoadBalancer';
      return piece.props['lbType'] === 'network' ? 'networkLoadBalancer' : piece.props['lbType'] === 'gateway' ? undefined : 'applicationLoadBalancer';
    case 'targetGroup':
      // A target group's metrics are its load balancer's in the game (shared/sim/compile/control.ts).
      return 'applicationLoadBalancer';
    case 'distribution':
      return 'distribution';
    case 'healthCheck':
      return 'healthCheck';
    default:
      return undefined;
  }
}

/** A metric a player can put on a widget: a catalogue entry for a resource of the board (or the account). */
export interface MetricChoice {
  id: string;
  namespace: string;
  metric: string;
  dimension: string;
  /** The resource ("stack/LogicalId"), or '' for the account. */
  subject: string;
  label: string;
  explain: string;
}

/** The metrics the catalogue has for the board's resources, and the account's bill. */
export function metricChoices(pieces: readonly ViewPiece[]): MetricChoice[] {
  const out: MetricChoice[] = [];
  const add = (entry: MetricEntry, subject: string, name: string) =>
    out.push({ id: metricKey(entry.namespace, entry.metric, subject), namespace: entry.namespace, metric: entry.metric, dimension: entry.dimension, subject, label: `${entry.namespace} · ${entry.metric} · ${name}`, explain: entry.explain });
  for (const piece of pieces) {
    const subject = metricSubjectOf(piece);
    if (subject === undefined) continue;
    for (const entry of METRICS) if (entry.subjects.includes(subject)) add(entry, piece.ref, piece.logicalId);
  }
  for (const entry of METRICS) if (entry.subjects.includes('account')) add(entry, '', 'USD');
  return out;
}

/** A widget a player adds: a graph or a number on one metric, the alarms' states, or text. */
export type NewWidget =
  | { type: 'metric'; view: 'timeSeries' | 'singleValue'; choice: MetricChoice; title?: string; stat?: string; periodS?: number }
  | { type: 'alarm'; alarms: string[]; title?: string }
  | { type: 'text'; markdown: string };

/** AWS's default sizes: a graph 6×6 (wide 12 here, to read), a number 6×3, alarm status 6×6, text 6×2. */
const SIZES: Record<string, { width: number; height: number }> = {
  timeSeries: { width: 12, height: 6 },
  singleValue: { width: 6, height: 3 },
  alarm: { width: 6, height: 6 },
  text: { width: 6, height: 2 },
};

/** The dashboard's props with one more widget, placed at the next free place. */
export function withWidget(props: DashboardPieceProps, add: NewWidget, region: string): DashboardPieceProps {
  const index = props.widgets.length;
  const size = SIZES[add.type === 'metric' ? add.view : add.type]!;
  const placed = placeWidgets([...props.widgets, { type: add.type, ...size }]);
  const widget: DashboardWidget = { type: add.type, ...placed[index]!, ...size };
  const next: DashboardPieceProps = { ...props, widgets: [...props.widgets, widget], metrics: [...props.metrics], alarms: [...props.alarms] };
  if (add.type === 'metric') {
    Object.assign(widget, { view: add.view, region, stat: add.stat ?? statOf(add.choice.metric), period: add.periodS ?? 60, title: add.title ?? add.choice.label });
    const c = add.choice;
    next.metrics.push({ widget: index, namespace: c.namespace, metric: c.metric, ...(c.subject === '' ? { dimensions: [{ name: c.dimension, value: 'USD' }] } : { dimensions: [{ name: c.dimension }], subject: c.subject }) });
  } else if (add.type === 'alarm') {
    widget.title = add.title ?? 'Alarms';
    for (const alarm of add.alarms) next.alarms.push({ widget: index, alarm });
  } else {
    widget.markdown = add.markdown;
  }
  return next;
}

/** Counts are summed over a period, everything else averaged: CloudWatch's usual statistic for each. */
function statOf(metric: string): string {
  return /Count|Requests|5XX|_5XX/.test(metric) && metric !== 'RequestCountPerTarget' ? 'Sum' : 'Average';
}

/** The dashboard's props without one widget; the widgets after it move up one index. */
export function withoutWidget(props: DashboardPieceProps, index: number): DashboardPieceProps {
  const shift = <T extends { widget: number }>(rows: readonly T[]) => rows.filter((r) => r.widget !== index).map((r) => (r.widget > index ? { ...r, widget: r.widget - 1 } : r));
  return { ...props, widgets: props.widgets.filter((_, i) => i !== index), metrics: shift(props.metrics), alarms: shift(props.alarms) };
}
