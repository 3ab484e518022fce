// A CloudWatch DashboardBody read into the board's dashboard and written back (CloudWatch API Reference,
// "Dashboard Body Structure and Syntax"): {"widgets": [{type, x, y, width, height, properties}]}, a metric
// widget's rows as [namespace, metricName, dimName, dimValue, …, {options}] where "." repeats the row above,
// an alarm widget's `alarms` as alarm ARNs. What the board does not model is kept in `other` as written; a body
// that is not such JSON is not read at all (the codec keeps it as written).
import type { ResourceId } from '../design/model.ts';
import type { DashboardAlarmEntry, DashboardDimension, DashboardMetricRow, DashboardWidget } from '../design/kinds/dashboard.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';

/** What the board reads of a body: the dashboard's props without its name and source. */
export interface DashboardContent {
  widgets: DashboardWidget[];
  metrics: DashboardMetricRow[];
  alarms: DashboardAlarmEntry[];
  other?: Record<string, unknown>;
}

/** A board resource a text names, with the dimension name its metrics are keyed by. */
export interface NamedResource {
  id: ResourceId;
  kind: string;
  dimension: string;
}

/** AWS's size when a widget leaves it out. */
const DEFAULT_SIZE = 6;
const WIDGET_KEYS = new Set(['type', 'x', 'y', 'width', 'height', 'properties']);
const TEXT_PROPS = ['title', 'view', 'stat', 'region', 'markdown'] as const;

/** The body's widgets as the board holds them, or undefined when the text is not a dashboard body. */
export function parseDashboardBody(text: string, named: (text: string) => NamedResource | undefined): DashboardContent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(json) || !Array.isArray(json['widgets'])) return undefined;
  const content: DashboardContent = { widgets: [], metrics: [], alarms: [] };
  for (const [key, value] of Object.entries(json)) if (key !== 'widgets') setOwn((content.other ??= {}), key, value);
  for (const raw of json['widgets']) {
    if (!isPlainObject(raw) || typeof raw['type'] !== 'string' || Object.keys(raw).some((k) => !WIDGET_KEYS.has(k))) return undefined;
    const index = content.widgets.length;
    const properties = isPlainObject(raw['properties']) ? raw['properties'] : {};
    const widget: DashboardWidget = { type: raw['type'], width: whole(raw['width']) ?? DEFAULT_SIZE, height: whole(raw['height']) ?? DEFAULT_SIZE };
    if (whole(raw['x']) !== undefined) widget.x = whole(raw['x'])!;
    if (whole(raw['y']) !== undefined) widget.y = whole(raw['y'])!;
    if (raw['width'] !== undefined && whole(raw['width']) === undefined) return undefined;
    if (raw['height'] !== undefined && whole(raw['height']) === undefined) return undefined;
    const other: PlainObject = {};
    for (const [key, value] of Object.entries(properties)) {
      if ((TEXT_PROPS as readonly string[]).includes(key) && typeof value === 'string') widget[key as (typeof TEXT_PROPS)[number]] = value;
      else if (key === 'period' && whole(value) !== undefined && whole(value)! > 0) widget.period = whole(value)!;
      else if (key === 'metrics' && widget.type === 'metric' && readRows(value, index, named, content.metrics)) continue;
      else if (key === 'alarms' && widget.type === 'alarm' && readAlarms(value, index, named, content.alarms)) continue;
      else setOwn(other, key, value);
    }
    if (Object.keys(other).length > 0) widget.other = other;
    content.widgets.push(widget);
  }
  return content;
}

function whole(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** A widget's `metrics`, when every row has the documented form (else the whole list stays as written). */
function readRows(value: unknown, widget: number, named: (text: string) => NamedResource | undefined, out: DashboardMetricRow[]): boolean {
  if (!Array.isArray(value)) return false;
  const rows: DashboardMetricRow[] = [];
  let above: string[] = [];
  for (const raw of value) {
    if (!Array.isArray(raw)) return false;
    const last = raw[raw.length - 1];
    const options = isPlainObject(last) ? last : undefined;
    const texts = options ? raw.slice(0, -1) : raw;
    if (!texts.every((t) => typeof t === 'string')) return false;
    if (texts.length === 0) {
      if (!options) return false;
      rows.push({ widget, namespace: '', metric: '', dimensions: [], options });
      continue;
    }
    if (texts.length < 2 || texts.length % 2 !== 0) return false;
    // "." repeats the value at the same position in the row above.
    const full = (texts as string[]).map((t, i) => (t === '.' && above[i] !== undefined ? above[i]! : t));
    above = full;
    const row: DashboardMetricRow = { widget, namespace: full[0]!, metric: full[1]!, dimensions: [] };
    for (let i = 2; i < full.length; i += 2) {
      const name = full[i]!;
      const text = full[i + 1]!;
      const resource = row.subject === undefined ? named(text) : undefined;
      if (resource && resource.dimension === name) {
        row.subject = resource.id;
        row.dimensions.push({ name });
      } else row.dimensions.push({ name, value: text });
    }
    if (options) row.options = options;
    rows.push(row);
  }
  out.push(...rows);
  return true;
}

function readAlarms(value: unknown, widget: number, named: (text: string) => NamedResource | undefined, out: DashboardAlarmEntry[]): boolean {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return false;
  for (const arn of value as string[]) {
    const resource = named(arn);
    out.push(resource?.kind === 'alarm' ? { widget, alarm: resource.id } : { widget, arn });
  }
  return true;
}

/**
 * The body as JSON, with each board resource it names written as `reference` gives it (a Ref or Fn::GetAtt):
 * a plain string when it names none, else Fn::Join of the text around the references, as templates write it.
 */
export function writeDashboardBody(
  content: DashboardContent,
  reference: { subject: (id: ResourceId) => unknown; alarm: (id: ResourceId) => unknown },
): unknown {
  const refs: unknown[] = [];
  // A marker no body text holds (U+241F), replaced by the reference it stands for.
  const mark = (value: unknown): string => `\u241F${refs.push(value) - 1}\u241F`;
  const widgets = content.widgets.map((w, index) => {
    const properties: PlainObject = {};
    if (w.type === 'metric') {
      const rows = content.metrics.filter((m) => m.widget === index).map((m) => rowOf(m, mark, reference.subject));
      if (rows.length > 0) properties['metrics'] = rows;
    }
    if (w.type === 'alarm') {
      const alarms = content.alarms.filter((a) => a.widget === index).map((a) => (a.alarm !== undefined ? mark(reference.alarm(a.alarm)) : (a.arn ?? '')));
      if (alarms.length > 0) properties['alarms'] = alarms;
    }
    for (const key of ['markdown', 'view', 'stat', 'period', 'region', 'title'] as const) if (w[key] !== undefined) properties[key] = w[key];
    for (const [key, value] of Object.entries(w.other ?? {})) setOwn(properties, key, value);
    const out: PlainObject = { type: w.type };
    if (w.x !== undefined) out['x'] = w.x;
    if (w.y !== undefined) out['y'] = w.y;
    out['width'] = w.width;
    out['height'] = w.height;
    out['properties'] = properties;
    return out;
  });
  const body: PlainObject = { widgets };
  for (const [key, value] of Object.entries(content.other ?? {})) setOwn(body, key, value);
  const text = JSON.stringify(body);
  if (refs.length === 0) return text;
  const parts: unknown[] = [];
  text.split('\u241F').forEach((piece, i) => {
    if (i % 2 === 1) parts.push(refs[Number(piece)]);
    else if (piece !== '') parts.push(piece);
  });
  return { 'Fn::Join': ['', parts] };
}

function rowOf(m: DashboardMetricRow, mark: (value: unknown) => string, subject: (id: ResourceId) => unknown): unknown[] {
  const row: unknown[] = m.namespace === '' && m.metric === '' ? [] : [m.namespace, m.metric];
  for (const d of m.dimensions) row.push(d.name, valueOf(d, m, mark, subject));
  if (m.options) row.push(m.options);
  return row;
}

function valueOf(d: DashboardDimension, m: DashboardMetricRow, mark: (value: unknown) => string, subject: (id: ResourceId) => unknown): string {
  if (d.value !== undefined) return d.value;
  return m.subject === undefined ? '' : mark(subject(m.subject));
}

/** A key of the board's content, the same for the same widgets whatever the order of keys in their objects. */
export function dashboardKey(content: DashboardContent): string {
  const text = stableText({ widgets: content.widgets, metrics: content.metrics, alarms: content.alarms, other: content.other ?? {} });
  // Two 32-bit FNV-1a hashes: a short key a design carries cheaply.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

function stableText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableText(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
