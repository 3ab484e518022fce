// CloudWatch: live charts of the team's metrics, one point per simulated minute from the board's series
// (requests, errors, p95 latency, utilisation, healthy hosts, cache hit ratio, cost: shared/match/board-view.ts's
// chart points, through the wire or the replay); the team's dashboards (cloudwatch-dashboards.ts); and the alarms
// with what they watch and their state history from CloudTrail (cloudwatch-alarms.ts).
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { Chart } from './chart.ts';
import { AlarmsList } from './cloudwatch-alarms.ts';
import { Dashboards } from './cloudwatch-dashboards.ts';
import { LogGroups } from './log-groups.ts';

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
    h(Dashboards, { state, actions }),
    h(AlarmsList, { state, actions }),
    h(LogGroups, { state }),
  );
}
