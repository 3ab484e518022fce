// The results screen: the score and its parts and objectives as the scoring computed them (the team's
// standing), the stars, and the debrief (what failed first and why): all from the shared rules, through the
// wire or the replay. It draws; it computes nothing.
import { h } from 'preact';
import { quietRunLine } from '../../shared/match/debrief.ts';
import { STEP_SECONDS } from '../../shared/sim/constants.ts';
import { formatClock, formatNumber, formatUsd, language, t } from '../i18n/index.ts';
import { localised, type ScenarioSummary } from '../net/scenarios.ts';
import { sayEntry } from '../i18n/timeline-entry.ts';
import type { MatchViewState } from '../view/match-view.ts';
import { Stars } from './stars.ts';

/** An objective's figure in its own unit: shares as percents, latencies in ms, money in dollars. */
export function objectiveFigure(metric: string, value: number): string {
  switch (metric) {
    case 'availability':
      return `${formatNumber(value * 100, 3)}%`;
    case 'budgetShare':
      return `${formatNumber(value * 100, 1)}%`;
    case 'inspectedShare':
      return `${formatNumber(value * 100, 2)}%`;
    case 'leastPrivilege':
      return `${formatNumber(value * 100, 1)}%`;
    case 'nines':
      return formatNumber(value, 2);
    case 'timeToRecoveryS':
      return formatClock(value);
    case 'latencyP50':
    case 'latencyP95':
    case 'latencyP99':
      return `${formatNumber(value)} ms`;
    default:
      return formatUsd(value);
  }
}

export interface ResultsProps {
  state: MatchViewState;
  scenario: ScenarioSummary | undefined;
  title: string;
  onLeave: () => void;
  onReplay: (() => void) | null;
  onWatch?: (() => void) | null;
  /** Closes the results, back to the match screen the player came from (a button there opens them again). */
  onClose?: (() => void) | null;
  /** Opens every team's board side by side (a match of several teams). */
  onCompare?: (() => void) | null;
}

export function Results({ state, scenario, title, onLeave, onReplay, onWatch = null, onClose = null, onCompare = null }: ResultsProps) {
  const m = state.match;
  const team = m.teams.find((x) => x.id === m.board.team) ?? m.teams[0];
  if (!team) return null;
  const d = m.board.debrief;
  const bar = (label: string, value: number, max: number, id: string) =>
    h('li', { id }, h('span', { class: 'bar-name' }, label), h('span', { class: 'bar' }, h('span', { style: { width: `${Math.min(100, (value / max) * 100)}%` } })), h('span', { class: 'bar-value' }, `${formatNumber(value)} / ${max}`));
  return h(
    'div',
    { class: 'results-backdrop' },
    h(
      'section',
      { class: 'results', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'results-title' },
      onClose ? h('button', { type: 'button', class: 'close-x', id: 'results-close', 'aria-label': t('results.close'), title: t('results.close'), onClick: onClose }, '×') : null,
      h('p', { class: 'eyebrow' }, t('results.eyebrow')),
      h('h1', { id: 'results-title' }, title),
      // The team's place among the match's teams, as the server ranked them (shared/match/team-rank.ts).
      m.teams.length > 1 ? h('p', { class: 'results-rank', id: 'results-rank', 'data-rank': team.rank }, h('span', { class: 'rank-badge' }, `#${team.rank}`), ' ', t('results.rank', { rank: team.rank, teams: m.teams.length })) : null,
      h('div', { class: 'results-score' }, h('strong', { id: 'results-score' }, formatNumber(team.score)), h('span', {}, t('results.points')), h(Stars, { earned: team.stars, size: 'large' })),
      h('p', { class: 'muted' }, team.stars === 0 ? t('results.noStars') : t('results.stars', { count: team.stars })),
      m.endedAtStep !== undefined ? h('p', { class: 'muted', id: 'results-ended-early' }, t('results.endedEarly', { time: formatClock(m.endedAtStep * STEP_SECONDS), total: formatClock(m.durationS) })) : null,
      h(
        'ul',
        { class: 'bars score-parts' },
        bar(t('results.availability', { pct: formatNumber(team.availability * 100, 3), nines: formatNumber(Math.min(team.nines, 5), 1) }), team.parts.availability, 500, 'part-availability'),
        bar(t('results.latency', { ms: formatNumber(team.p95Ms) }), team.parts.latency, 250, 'part-latency'),
        bar(t('results.cost', { cost: formatUsd(team.costUsd), budget: formatUsd(team.budgetUsd, 0) }), team.parts.cost, 250, 'part-cost'),
      ),
      team.objectives.length
        ? h(
            'ul',
            { class: 'objectives', id: 'results-objectives' },
            team.objectives.map((o) =>
              h('li', { key: o.id, class: o.met ? 'met' : 'missed' }, `${o.met ? '✓' : '✗'} ${t(o.primary ? 'results.objectivePrimary' : 'results.objective', { metric: t(`results.metrics.${o.metric}`), value: objectiveFigure(o.metric, o.value), target: objectiveFigure(o.metric, o.target) })}`),
            ),
          )
        : null,
      h('h2', {}, t('results.debrief')),
      h(
        'ul',
        { class: 'debrief', id: 'debrief' },
        d.firstFailure
          ? h('li', {}, t('results.firstFailure', { time: formatClock(d.firstFailure.tS), what: sayEntry(d.firstFailure) }), d.cause ? h('span', { class: 'muted' }, ` ${t('results.because', { time: formatClock(d.cause.tS), what: sayEntry(d.cause) })}`) : null)
          : h('li', { id: 'debrief-quiet' }, quietRunLine(team.availability) === 'noFailure' ? t('results.noFailure') : t('results.requestsFailed', { pct: formatNumber((1 - team.availability) * 100, 2) })),
        d.worstMinute ? h('li', {}, t('results.worstMinute', { time: formatClock(d.worstMinute.tS), pct: formatNumber(d.worstMinute.errorPct, 1), ms: formatNumber(d.worstMinute.p95Ms) })) : null,
        d.budgetAlert ? h('li', {}, t('results.budgetAlert', { time: formatClock(d.budgetAlert.tS), what: sayEntry(d.budgetAlert) })) : null,
        h('li', {}, t('results.activity', { scaling: d.scaling, refused: d.refused })),
      ),
      scenario?.hints.length ? h('div', { class: 'tips' }, h('h2', {}, t('results.tips')), h('ul', {}, localised(scenario, language()).hints.map((hint, i) => h('li', { key: i }, hint)))) : null,
      h(
        'div',
        { class: 'buttons' },
        onCompare && m.teams.length > 1 ? h('button', { type: 'button', id: 'results-compare', onClick: onCompare }, t('results.compare')) : null,
        onWatch ? h('button', { type: 'button', id: 'results-watch', onClick: onWatch }, `▶ ${t('replay.watch')}`) : null,
        onReplay ? h('button', { type: 'button', id: 'results-replay', onClick: onReplay }, t('results.again')) : null,
        h('button', { type: 'button', id: 'results-leave', class: 'primary', onClick: onLeave }, t('results.leave')),
      ),
    ),
  );
}
