// The CloudWatch console's alarms: what each alarm really watches (namespace, metric, dimensions), its condition,
// its state (ALARM, OK, INSUFFICIENT_DATA, with why when the metric does not exist for its resource), its actions,
// all from shared/match/alarm-view.ts; and its state changes as CloudTrail logged them.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { alarmRows } from '../../../shared/match/alarm-view.ts';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { formatClock, t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** The timeline codes of an alarm's state change, and the state each one enters. */
const ALARM_CHANGES: Record<string, string | undefined> = { alarmOn: 'ALARM', alarmOff: 'OK' };

export function AlarmsList({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const rows = alarmRows(state.match.board.resources);
  const [history, setHistory] = useState<TrailEvent[]>([]);
  const alarmCount = state.match.board.timeline.filter((e) => e.kind === 'alarm').length;
  useEffect(() => {
    let live = true;
    void actions.trail({ action: 'SetAlarmState', limit: 100 }).then((events) => live && setHistory(events));
    return () => {
      live = false;
    };
  }, [alarmCount, rows.length]);
  const columns = [t('cloudwatch.alarm'), t('cloudwatch.state'), t('cloudwatch.metric'), t('cloudwatch.condition'), t('cloudwatch.actions'), t('cloudwatch.history')];
  return h(
    'section',
    { class: 'alarms' },
    h('h3', {}, t('cloudwatch.alarms')),
    rows.length === 0 ? h('p', { class: 'muted' }, t('cloudwatch.noAlarms')) : null,
    h(
      'table',
      { class: 'table alarm-list' },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { key: c }, c)))),
      h(
        'tbody',
        {},
        rows.map((a) => {
          const mine = history.filter((e) => ALARM_CHANGES[String(e.params.code)] && (e.params.values as { alarm?: unknown } | undefined)?.alarm === a.ref).slice(0, 4);
          return h(
            'tr',
            { key: a.ref, 'data-alarm': a.ref },
            h('td', {}, a.name),
            h(
              'td',
              {},
              h('span', { class: `alarm-state ${a.state}` }, `${a.state === 'ALARM' ? '⚑' : a.state === 'OK' ? '✓' : '…'} ${t(`alarmState.${a.state}`)}`),
              a.metricExists ? null : h('div', { class: 'muted small' }, t('cloudwatch.noSuchMetric')),
            ),
            h(
              'td',
              {},
              h('div', { class: 'mono' }, `${a.namespace} · ${a.metric}`),
              h('div', { class: 'muted small mono' }, a.dimensions.map((d) => `${d.name}=${d.value}`).join(', ') || '—'),
            ),
            h('td', {}, `${a.statistic} ${t(`inspector.cmpShort.${a.comparison}`)} ${a.threshold} · ${t('cloudwatch.periods', { n: a.evaluationPeriods, s: a.periodS })}`),
            h('td', { class: 'small' }, a.actions.length === 0 ? '—' : a.actions.map((x, i) => h('div', { key: i }, `${t(`cloudwatch.action.${x.kind}`)}: ${x.target}`))),
            h('td', { class: 'muted' }, mine.map((e) => `${formatClock(e.simS)} ${t(`alarmState.${ALARM_CHANGES[String(e.params.code)]}`)}`).join(' · ') || '—'),
          );
        }),
      ),
    ),
  );
}
