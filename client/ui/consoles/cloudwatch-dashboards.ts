// The CloudWatch console's dashboards: each AWS::CloudWatch::Dashboard of the board drawn on CloudWatch's 24-column
// grid (graphs, numbers, alarm status, text), its figures from shared/match/dashboard-view.ts; and a player
// composing one: add a graph, a number or an alarm-status widget on a metric the catalogue offers for a resource
// of the board, remove a widget, save. Saving is a design change like any other (createResource or configure:
// cloudwatch:PutDashboard in CloudTrail), and the dashboard is exported as AWS::CloudWatch::Dashboard.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { dashboardView, metricChoices, withoutWidget, withWidget, type DashboardPieceProps, type DashboardWidgetView } from '../../../shared/match/dashboard-view.ts';
import { WIDGET_PERIODS_S, WIDGET_STATS } from '../../../shared/match/dashboard-stat.ts';
import { t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { Chart } from './chart.ts';

const COLOURS = ['#60a5fa', '#f59e0b', '#34d399', '#f87171', '#a78bfa', '#22d3ee'];
type AddKind = 'timeSeries' | 'singleValue' | 'alarm' | 'text';

export function Dashboards({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const board = state.match.board;
  const saved = board.resources.filter((r) => r.kind === 'dashboard');
  const [chosen, setChosen] = useState<string | null>(null);
  const [draft, setDraft] = useState<DashboardPieceProps | null>(null);
  const current = saved.find((d) => d.ref === chosen) ?? (chosen === 'new' ? undefined : saved[0]);
  const stack = board.stacks.find((s) => !s.account);
  const props = draft ?? (current ? (current.props as unknown as DashboardPieceProps) : { name: 'ops', widgets: [], metrics: [], alarms: [] });
  const piece = { ref: current?.ref ?? '', kind: 'dashboard', logicalId: current?.logicalId ?? 'Dashboard', awsType: '', props: props as unknown as Record<string, unknown> };
  const view = dashboardView(piece, board.resources, board.metricKeys, board.series);
  const save = () => {
    if (!draft) return;
    const body = { widgets: draft.widgets, metrics: draft.metrics, alarms: draft.alarms };
    if (current) actions.configure(current.ref, body, 'widgets');
    else if (stack) actions.send({ type: 'createResource', stack: stack.name, kind: 'dashboard', props: { name: draft.name ?? 'ops', ...body } }, { undo: 'undo.configure' });
    setDraft(null);
  };
  return h(
    'section',
    { class: 'dashboards' },
    h(
      'div',
      { class: 'dashboard-bar' },
      h('h3', {}, t('dashboards.title')),
      h(
        'select',
        { 'aria-label': t('dashboards.choose'), value: current?.ref ?? 'new', onChange: (e: Event) => (setChosen((e.target as HTMLSelectElement).value), setDraft(null)) },
        saved.map((d) => h('option', { key: d.ref, value: d.ref }, String((d.props as { name?: string }).name ?? d.logicalId))),
        h('option', { value: 'new' }, t('dashboards.new')),
      ),
      draft ? h('button', { class: 'primary', id: 'dashboard-save', onClick: save, disabled: !current && !stack }, t('dashboards.save')) : null,
      draft ? h('button', { onClick: () => setDraft(null) }, t('dashboards.discard')) : null,
    ),
    view.widgets.length === 0 ? h('p', { class: 'muted' }, t('dashboards.empty')) : null,
    h(
      'div',
      { class: 'dashboard-grid' },
      view.widgets.map((w) => h(Widget, { key: `${w.index}|${w.type}|${w.view}`, w, x: w.tS, onRemove: () => setDraft(withoutWidget(props, w.index)) })),
    ),
    h(AddWidget, { state, onAdd: (next) => setDraft(next(props)) }),
  );
}

function Widget({ w, x, onRemove }: { w: DashboardWidgetView; x: number[]; onRemove: () => void }) {
  const style = { gridColumn: `${w.x + 1} / span ${w.width}`, gridRow: `${w.y + 1} / span ${w.height}` };
  const remove = h('button', { class: 'widget-remove', title: t('dashboards.remove'), 'aria-label': t('dashboards.remove'), onClick: onRemove }, '✕');
  const title = w.title || (w.view === 'alarm' ? t('dashboards.alarmStatus') : '');
  // The statistic and period the widget's datapoints are (shared/match/dashboard-stat.ts), as CloudWatch shows them.
  const statPeriod = w.periodS > 0 ? h('span', { class: 'muted small widget-stat' }, t('dashboards.statPeriod', { stat: w.stat, minutes: w.periodS / 60 })) : null;
  let body;
  if (w.view === 'timeSeries') {
    body = w.noData
      ? h('p', { class: 'no-data' }, t('dashboards.noData'))
      : h(Chart, { id: `widget-${w.index}`, title: '', x, height: Math.max(80, w.height * 28 - 70), series: w.lines.map((l, i) => ({ label: l.label, colour: COLOURS[i % COLOURS.length]!, values: l.values })) });
  } else if (w.view === 'singleValue') {
    body = h(
      'div',
      { class: 'single-values' },
      w.lines.map((l, i) => h('div', { key: i, class: 'single-value' }, h('div', { class: 'figure' }, l.latest === null ? t('dashboards.noData') : String(l.latest)), h('div', { class: 'muted small' }, l.label))),
    );
  } else if (w.view === 'alarm') {
    body = h(
      'ul',
      { class: 'alarm-status' },
      w.alarms.map((a, i) => h('li', { key: i }, h('span', { class: `alarm-state ${a.state}` }, a.state === 'UNKNOWN' ? '?' : t(`alarmState.${a.state}`)), ` ${a.name}`)),
    );
  } else if (w.view === 'text') {
    body = h('div', { class: 'widget-text' }, w.markdown);
  } else {
    body = h('p', { class: 'muted' }, t('dashboards.unsupported', { type: w.type }));
  }
  return h('div', { class: `dashboard-widget ${w.view}`, style, 'data-widget': w.index }, h('div', { class: 'widget-head' }, h('span', { title }, title), statPeriod, remove), body);
}

function AddWidget({ state, onAdd }: { state: MatchViewState; onAdd: (next: (p: DashboardPieceProps) => DashboardPieceProps) => void }) {
  const board = state.match.board;
  const choices = metricChoices(board.resources);
  const alarms = board.resources.filter((r) => r.kind === 'alarm');
  const [kind, setKind] = useState<AddKind>('timeSeries');
  const [metric, setMetric] = useState('');
  const [text, setText] = useState('');
  // '' leaves the metric's usual statistic (shared/match/dashboard-view.ts withWidget).
  const [stat, setStat] = useState('');
  const [periodS, setPeriodS] = useState(60);
  const choice = choices.find((c) => c.id === metric) ?? choices[0];
  const region = board.stacks.find((s) => !s.account)?.region ?? 'us-east-1';
  const add = () => {
    if (kind === 'alarm') onAdd((p) => withWidget(p, { type: 'alarm', alarms: alarms.map((a) => a.ref), title: t('dashboards.alarmStatus') }, region));
    else if (kind === 'text') onAdd((p) => withWidget(p, { type: 'text', markdown: text }, region));
    else if (choice) onAdd((p) => withWidget(p, { type: 'metric', view: kind, choice, periodS, ...(stat ? { stat } : {}) }, region));
  };
  return h(
    'div',
    { class: 'add-widget' },
    h(
      'select',
      { 'aria-label': t('dashboards.widgetType'), id: 'widget-type', value: kind, onChange: (e: Event) => setKind((e.target as HTMLSelectElement).value as AddKind) },
      (['timeSeries', 'singleValue', 'alarm', 'text'] as const).map((k) => h('option', { key: k, value: k }, t(`dashboards.kind.${k}`))),
    ),
    kind === 'timeSeries' || kind === 'singleValue'
      ? h(
          'select',
          { 'aria-label': t('dashboards.metric'), id: 'widget-metric', value: choice?.id ?? '', title: choice?.explain ?? '', onChange: (e: Event) => setMetric((e.target as HTMLSelectElement).value) },
          choices.map((c) => h('option', { key: c.id, value: c.id, title: c.explain }, c.label)),
        )
      : null,
    kind === 'timeSeries' || kind === 'singleValue'
      ? h(
          'select',
          { 'aria-label': t('dashboards.statistic'), id: 'widget-stat', value: stat, onChange: (e: Event) => setStat((e.target as HTMLSelectElement).value) },
          h('option', { value: '' }, t('dashboards.usualStat')),
          WIDGET_STATS.map((s) => h('option', { key: s, value: s }, s)),
        )
      : null,
    kind === 'timeSeries' || kind === 'singleValue'
      ? h(
          'select',
          { 'aria-label': t('dashboards.period'), id: 'widget-period', value: String(periodS), onChange: (e: Event) => setPeriodS(Number((e.target as HTMLSelectElement).value)) },
          WIDGET_PERIODS_S.map((p) => h('option', { key: p, value: String(p) }, t('dashboards.minutes', { minutes: p / 60 }))),
        )
      : null,
    kind === 'text' ? h('input', { 'aria-label': t('dashboards.text'), value: text, onInput: (e: Event) => setText((e.target as HTMLInputElement).value) }) : null,
    kind === 'alarm' && alarms.length === 0 ? h('span', { class: 'muted small' }, t('cloudwatch.noAlarms')) : null,
    h('button', { id: 'widget-add', onClick: add, disabled: kind === 'alarm' ? alarms.length === 0 : kind === 'text' ? text.trim() === '' : !choice }, t('dashboards.add')),
  );
}
