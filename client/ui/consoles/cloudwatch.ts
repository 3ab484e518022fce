// CloudWatch: live charts of the team's metrics, one point per simulated minute from the board's series
// (requests, errors, p95 latency, utilisation, healthy hosts, cache hit ratio, cost: shared/match/board-view.ts's
// chart points, through the wire or the replay); and the alarms with their state history from CloudTrail.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatClock, t } from '../../i18n/index.ts';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { Chart } from './chart.ts';
import { LogGroups } from './log-groups.ts';

/** The timeline codes of an alarm's state change, and the state each one enters. */
const ALARM_CHANGES: Record<string, string | undefined> = { alarmOn: 'ALARM', alarmOff: 'OK' };

/** `utilisationTitle`: the replay viewer says its figures come from the replay. */
export function CloudWatch({ state, actions, objectiveMs, utilisationTitle }: { state: MatchViewState; actions: PlayerActions; objectiveMs: number | undefined; utilisationTitle?: string }) {
  const series = state.match.board.series;
  const x = series.map((p) => p.tS);
  return h(
    'div',
    { class: 'console cloudwatch' },
    series.length === 0 ? h('p', { class: 'muted empty' }, t('cloudwatch.empty')) : null,
    h(
      'div',
      { class: 'charts' },
      h(Chart, {
        id: 'chart-requests',
        title: t('cloudwatch.requests'),
        x,
        series: [
          { label: t('cloudwatch.requestsSeries'), colour: '#60a5fa', values: series.map((p) => p.requests), fill: true },
          { label: t('cloudwatch.errorsSeries'), colour: '#f87171', values: series.map((p) => p.errors) },
        ],
      }),
      h(Chart, {
        id: 'chart-latency',
        title: t('cloudwatch.latency'),
        x,
        unit: 'ms',
        series: [
          { label: 'p95', colour: '#fbbf24', values: series.map((p) => p.p95Ms) },
          ...(objectiveMs ? [{ label: t('cloudwatch.objective'), colour: '#94a3b8', values: series.map(() => objectiveMs), dash: [6, 4] }] : []),
        ],
      }),
      h(Chart, {
        id: 'chart-utilisation',
        title: utilisationTitle ?? t('cloudwatch.utilisation'),
        x,
        unit: '%',
        series: [
          { label: t('cloudwatch.compute'), colour: '#f59e0b', values: series.map((p) => Math.round(p.computeLoad * 100)) },
          { label: t('cloudwatch.databases'), colour: '#3b82f6', values: series.map((p) => Math.round(p.databaseLoad * 100)) },
        ],
      }),
      h(Chart, { id: 'chart-hosts', title: t('cloudwatch.healthyHosts'), x, series: [{ label: t('cloudwatch.hosts'), colour: '#34d399', values: series.map((p) => p.healthyHosts), fill: true }] }),
      h(Chart, { id: 'chart-cache', title: t('cloudwatch.cacheHits'), x, unit: '%', series: [{ label: t('cloudwatch.hitRatio'), colour: '#22d3ee', values: series.map((p) => Math.round(p.cacheHitRatio * 100)) }] }),
      h(Chart, { id: 'chart-cost', title: t('cloudwatch.cost'), x, unit: '$', series: [{ label: t('cloudwatch.spend'), colour: '#a78bfa', values: series.map((p) => p.costUsd), fill: true }] }),
    ),
    h(Alarms, { state, actions }),
    h(LogGroups, { state }),
  );
}

/** Alarm state changes are CloudTrail events (SetAlarmState) whose message names the alarm. */
function Alarms({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const alarms = state.match.board.resources.filter((r) => r.kind === 'alarm');
  const [history, setHistory] = useState<TrailEvent[]>([]);
  const alarmCount = state.match.board.timeline.filter((e) => e.kind === 'alarm').length;
  useEffect(() => {
    let live = true;
    void actions.trail({ action: 'SetAlarmState', limit: 100 }).then((events) => live && setHistory(events));
    return () => {
      live = false;
    };
  }, [alarmCount, alarms.length]);

  return h(
    'section',
    { class: 'alarms' },
    h('h3', {}, t('cloudwatch.alarms')),
    alarms.length === 0 ? h('p', { class: 'muted' }, t('cloudwatch.noAlarms')) : null,
    h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, [t('cloudwatch.alarm'), t('cloudwatch.state'), t('cloudwatch.condition'), t('cloudwatch.history')].map((c) => h('th', { key: c }, c)))),
      h(
        'tbody',
        {},
        alarms.map((a) => {
          // The alarm's state as the world has it (shared/match/board-view.ts), not read back from the log.
          const s = a.alarmState || 'INSUFFICIENT_DATA';
          // Its state changes as CloudTrail logged them: the timeline's code and values (shared/match/tick.ts).
          const mine = history.filter((e) => ALARM_CHANGES[String(e.params.code)] && (e.params.values as { alarm?: unknown } | undefined)?.alarm === a.ref).slice(0, 4);
          return h(
            'tr',
            { key: a.ref },
            h('td', {}, a.logicalId),
            h('td', {}, h('span', { class: `alarm-state ${s}` }, `${s === 'ALARM' ? '⚑' : s === 'OK' ? '✓' : '…'} ${t(`alarmState.${s}`)}`)),
            h('td', {}, `${String(a.props.metric)} ${t(`inspector.cmpShort.${String(a.props.comparison)}`)} ${String(a.props.threshold)} × ${String(a.props.evaluationPeriods)}`),
            h('td', { class: 'muted' }, mine.map((e) => `${formatClock(e.simS)} ${t(`alarmState.${ALARM_CHANGES[String(e.params.code)]}`)}`).join(' · ') || '—'),
          );
        }),
      ),
    ),
  );
}
