// Cost Explorer and Budgets: spend so far against the budget with the forecast to the end of the scenario,
// the spend curve with the budget line, spend so far and the run rate by service and grouped by region, service or
// an activated cost allocation tag (cost-groups.ts), the design's
// budgets with the run's share, the three-month forecast, the Savings Plan bought and Savings Plans
// recommendations, the Reserved Instances bought and Reserved Instance recommendations. Every figure is shared's own (shared/match/cost-view.ts, through the wire or the replay):
// this draws them.
import { h } from 'preact';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { CostView } from '../../../shared/match/cost-view.ts';
import { formatUsd, t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { Chart } from './chart.ts';
import { BUY_FIELD, BuyPlan } from './savings-plan-buy.ts';
import { ReservedInstances, RI_FIELD } from './reserved-instances.ts';
import { Bars, GroupedCost, TAG_FIELD } from './cost-groups.ts';

const serviceName = (code: string): string => t(`cost.services.${code}`);
const regionName = (code: string): string => (code === 'global' ? t('cost.global') : code);

export function CostExplorer({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const m = state.match;
  const cost = m.board.cost;
  const series = m.board.series;
  const over = cost.forecastOverBudget;
  return h(
    'div',
    { class: 'console cost' },
    h(
      'div',
      { class: 'kpis' },
      h('div', { class: 'kpi' }, h('span', {}, t('cost.spent')), h('strong', { id: 'cost-spent' }, formatUsd(cost.spentUsd))),
      h('div', { class: 'kpi' }, h('span', {}, t('cost.budget')), h('strong', { id: 'cost-budget' }, formatUsd(cost.budgetUsd))),
      h(
        'div',
        { class: `kpi ${over ? 'over' : ''}` },
        h('span', {}, t('cost.forecast')),
        h('strong', { id: 'cost-forecast' }, cost.forecastUsd === null ? t('cost.noForecast', { minutes: catalogue.budgets.minForecastS.value / 60 }) : `${over ? '⚠ ' : ''}${formatUsd(cost.forecastUsd)}`),
      ),
      h('div', { class: 'kpi' }, h('span', {}, t('cost.runRate')), h('strong', { id: 'cost-run-rate' }, `${formatUsd(cost.hourlyUsd, 3)}/${t('units.h')}`)),
    ),
    h(Chart, {
      id: 'chart-spend',
      title: t('cost.curve'),
      x: series.map((p) => p.tS),
      unit: '$',
      series: [
        { label: t('cost.spent'), colour: '#a78bfa', values: series.map((p) => p.costUsd), fill: true },
        { label: t('cost.budget'), colour: '#f87171', values: series.map(() => cost.budgetUsd), dash: [6, 4] },
      ],
    }),
    h(
      'div',
      { class: 'two-columns' },
      h('section', {}, h('h3', {}, t('cost.byService')), h(Bars, { rows: cost.byService, id: 'cost-by-service', label: serviceName })),
      h(GroupedCost, { cost, actions, running: m.phase === 'running' || m.phase === 'paused', refused: state.fieldErrors[TAG_FIELD]?.message, serviceName, regionName }),
    ),
    h(Commitments, { cost, actions, running: m.phase === 'running' || m.phase === 'paused', refused: state.fieldErrors[BUY_FIELD]?.message }),
    h(ReservedInstances, { cost, actions, running: m.phase === 'running' || m.phase === 'paused', refused: state.fieldErrors[RI_FIELD]?.message }),
    h('p', { class: 'explain' }, t('cost.note')),
  );
}

/** Budgets, the three-month forecast, the Savings Plan and the recommendations (each with Buy), as cost-view.ts states them. */
function Commitments({ cost, actions, running, refused }: { cost: CostView; actions: PlayerActions; running: boolean; refused: string | undefined }) {
  return h(
    'div',
    { class: 'two-columns' },
    h(
      'section',
      { id: 'cost-budgets' },
      h('h3', {}, t('cost.budgets')),
      cost.budgets.length === 0
        ? h('p', { class: 'muted' }, t('cost.noBudgets'))
        : h(
            'ul',
            {},
            cost.budgets.map((b) =>
              h(
                'li',
                { key: b.name, 'data-name': b.name },
                b.usage
                  ? t('cost.budgetUsageRow', { name: b.name, group: b.usage.usageTypeGroup, unit: b.usage.unit, actual: b.usage.actual, share: b.usage.runShare, amount: b.usage.amount, forecast: b.usage.forecast ?? '—' })
                  : t('cost.budgetRow', { name: b.name, share: formatUsd(b.runShareUsd), amount: formatUsd(b.amountUsd) }),
                b.actionsRun.length > 0 ? h('div', { class: 'muted' }, t('cost.budgetActions', { actions: b.actionsRun.join(', ') })) : null,
              ),
            ),
          ),
      h('h3', {}, t('cost.months')),
      cost.forecastMonths.length === 0
        ? h('p', { class: 'muted' }, t('cost.noForecast', { minutes: catalogue.budgets.minForecastS.value / 60 }))
        : h('ul', { id: 'cost-months' }, cost.forecastMonths.map((usd, i) => h('li', { key: i }, `${t('cost.month', { n: i + 1 })}: ${formatUsd(usd)}`))),
    ),
    h(
      'section',
      { id: 'cost-savings-plans' },
      h('h3', {}, t('cost.savingsPlan')),
      cost.savingsPlan === null
        ? h('p', { class: 'muted' }, t('cost.noPlan'))
        : h(
            'div',
            { id: 'cost-plan' },
            h('p', {}, t('cost.planRow', { hourly: formatUsd(cost.savingsPlan.hourlyCommitmentUsd, 3), term: cost.savingsPlan.term, payment: cost.savingsPlan.paymentOption, discount: cost.savingsPlan.discountPct })),
            h('p', { class: 'muted' }, t('cost.planUse', { committed: formatUsd(cost.savingsPlan.committedUsd), unused: formatUsd(cost.savingsPlan.unusedCommitmentUsd), saved: formatUsd(cost.savingsPlan.savedUsd), utilization: cost.savingsPlan.utilizationPct })),
          ),
      refused ? h('p', { class: 'field-error', role: 'alert', id: 'cost-buy-refused' }, `⚠ ${refused}`) : null,
      h('h3', {}, t('cost.recommendations')),
      cost.recommendations.length === 0
        ? h('p', { class: 'muted' }, t('cost.noRecommendations'))
        : h(
            'ul',
            { id: 'cost-recommendations' },
            cost.recommendations.map((r) =>
              h(
                'li',
                { key: r.term, 'data-term': r.term },
                t('cost.recommendationRow', {
                  term: r.term,
                  hourly: formatUsd(r.hourlyCommitmentUsd, 3),
                  savings: formatUsd(r.savingsUsd),
                  savingsPct: r.savingsPct,
                  hours: r.lookbackHours,
                  utilization: r.utilizationPct,
                  coverage: r.coveragePct,
                }),
                h(BuyPlan, { r, actions, running }),
              ),
            ),
          ),
    ),
  );
}
