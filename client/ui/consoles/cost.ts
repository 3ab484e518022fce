// Cost Explorer and Budgets: spend so far against the budget with a forecast to the end of the scenario, the
// spend curve with the budget line, and the hourly charges of what runs now by service and by region.
import { h } from 'preact';
import { formatUsd, t } from '../../i18n/index.ts';
import { forecastUsd, hourlyCharges, sumBy } from '../../view/cost-breakdown.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import { Chart } from './chart.ts';

function Bars({ rows, id }: { rows: { name: string; hourlyUsd: number }[]; id: string }) {
  const top = Math.max(0.0001, ...rows.map((r) => r.hourlyUsd));
  return h(
    'ul',
    { class: 'bars', id },
    rows.map((r) =>
      h(
        'li',
        { key: r.name },
        h('span', { class: 'bar-name' }, r.name),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: { width: `${(r.hourlyUsd / top) * 100}%` } })),
        h('span', { class: 'bar-value' }, `${formatUsd(r.hourlyUsd, 3)}/${t('units.h')}`),
      ),
    ),
  );
}

export function CostExplorer({ state }: { state: MatchViewState }) {
  const m = state.match;
  const team = m.teams.find((x) => x.id === m.board.team) ?? m.teams[0];
  const spent = team?.costUsd ?? 0;
  const budget = team?.budgetUsd ?? 0;
  const forecast = forecastUsd(m.board.series, m.durationS, m.simS, spent);
  const lines = hourlyCharges(m.board);
  const hourly = lines.reduce((s, l) => s + l.hourlyUsd, 0);
  const series = m.board.series;
  const over = budget > 0 && forecast > budget;
  return h(
    'div',
    { class: 'console cost' },
    h(
      'div',
      { class: 'kpis' },
      h('div', { class: 'kpi' }, h('span', {}, t('cost.spent')), h('strong', { id: 'cost-spent' }, formatUsd(spent))),
      h('div', { class: 'kpi' }, h('span', {}, t('cost.budget')), h('strong', {}, formatUsd(budget))),
      h('div', { class: `kpi ${over ? 'over' : ''}` }, h('span', {}, t('cost.forecast')), h('strong', { id: 'cost-forecast' }, `${over ? '⚠ ' : ''}${formatUsd(forecast)}`)),
      h('div', { class: 'kpi' }, h('span', {}, t('cost.runRate')), h('strong', {}, `${formatUsd(hourly, 3)}/${t('units.h')}`)),
    ),
    h(Chart, {
      id: 'chart-spend',
      title: t('cost.curve'),
      x: series.map((p) => p.tS),
      unit: '$',
      series: [
        { label: t('cost.spent'), colour: '#a78bfa', values: series.map((p) => p.costUsd), fill: true },
        { label: t('cost.budget'), colour: '#f87171', values: series.map(() => budget), dash: [6, 4] },
      ],
    }),
    h(
      'div',
      { class: 'two-columns' },
      h('section', {}, h('h3', {}, t('cost.byService')), h(Bars, { rows: sumBy(lines, 'service'), id: 'cost-by-service' })),
      h('section', {}, h('h3', {}, t('cost.byRegion')), h(Bars, { rows: sumBy(lines, 'region'), id: 'cost-by-region' })),
    ),
    h('p', { class: 'explain' }, t('cost.note')),
  );
}
