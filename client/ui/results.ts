// The results screen: the score and its parts, the stars, and the debrief (what failed first and why).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TrailEvent } from '../../shared/trail/event.ts';
import { formatClock, formatNumber, formatUsd, language, t } from '../i18n/index.ts';
import { localised, type ScenarioSummary } from '../net/scenarios.ts';
import { debriefOf, scoreParts, type DebriefLine } from '../view/debrief.ts';
import { sayEntry } from '../i18n/timeline-entry.ts';
import type { MatchViewState } from '../view/match-view.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { Stars } from './stars.ts';

const KINDS = ['ResourceFailure', 'DBInstanceEvent', 'TargetHealthChange', 'HealthCheckStatusChange', 'ScenarioEvent', 'BudgetAlert', 'ScalingActivity'];

export function Results({ state, actions, scenario, title, onLeave, onReplay, onWatch = null }: { state: MatchViewState; actions: PlayerActions; scenario: ScenarioSummary | undefined; title: string; onLeave: () => void; onReplay: (() => void) | null; onWatch?: (() => void) | null }) {
  const m = state.match;
  const team = m.teams.find((x) => x.id === m.board.team) ?? m.teams[0];
  const [events, setEvents] = useState<TrailEvent[]>([]);
  useEffect(() => {
    void Promise.all([...KINDS.map((action) => actions.trail({ action, limit: 200 })), actions.trail({ outcome: 'Failure', limit: 200 })]).then((pages) => setEvents(pages.flat()));
  }, []);
  if (!team) return null;
  const parts = scoreParts(team, scenario?.latencyObjectiveMs ?? 200, scenario?.stars ?? [400, 600, 800]);
  const d = debriefOf(events, m.board.series);
  const bar = (label: string, value: number, max: number, id: string) =>
    h('li', { id }, h('span', { class: 'bar-name' }, label), h('span', { class: 'bar' }, h('span', { style: { width: `${Math.min(100, (value / max) * 100)}%` } })), h('span', { class: 'bar-value' }, `${formatNumber(value)} / ${max}`));
  return h(
    'div',
    { class: 'results-backdrop' },
    h(
      'section',
      { class: 'results', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'results-title' },
      h('p', { class: 'eyebrow' }, t('results.eyebrow')),
      h('h1', { id: 'results-title' }, title),
      h('div', { class: 'results-score' }, h('strong', { id: 'results-score' }, formatNumber(team.score)), h('span', {}, t('results.points')), h(Stars, { earned: team.stars, size: 'large' })),
      h('p', { class: 'muted' }, team.stars === 0 ? t('results.noStars') : t('results.stars', { count: team.stars })),
      h(
        'ul',
        { class: 'bars score-parts' },
        bar(t('results.availability', { pct: formatNumber(team.availability * 100, 3), nines: formatNumber(Math.min(parts.nines, 5), 1) }), parts.parts.availability, 500, 'part-availability'),
        bar(t('results.latency', { ms: formatNumber(team.p95Ms) }), parts.parts.latency, 250, 'part-latency'),
        bar(t('results.cost', { cost: formatUsd(team.costUsd), budget: formatUsd(team.budgetUsd, 0) }), parts.parts.cost, 250, 'part-cost'),
      ),
      h('h2', {}, t('results.debrief')),
      h(
        'ul',
        { class: 'debrief', id: 'debrief' },
        d.firstFailure
          ? h('li', {}, t('results.firstFailure', { time: formatClock(d.firstFailure.simS), what: lineText(d.firstFailure) }), d.cause ? h('span', { class: 'muted' }, ` ${t('results.because', { time: formatClock(d.cause.simS), what: lineText(d.cause) })}`) : null)
          : h('li', {}, t('results.noFailure')),
        d.worstMinute ? h('li', {}, t('results.worstMinute', { time: formatClock(d.worstMinute.tS), pct: formatNumber(d.worstMinute.errorPct, 1), ms: formatNumber(d.worstMinute.p95Ms) })) : null,
        d.budgetAlert ? h('li', {}, t('results.budgetAlert', { time: formatClock(d.budgetAlert.simS), what: lineText(d.budgetAlert) })) : null,
        h('li', {}, t('results.activity', { scaling: d.scaling, refused: d.refused })),
      ),
      scenario?.hints.length ? h('div', { class: 'tips' }, h('h2', {}, t('results.tips')), h('ul', {}, localised(scenario, language()).hints.map((hint, i) => h('li', { key: i }, hint)))) : null,
      h(
        'div',
        { class: 'buttons' },
        onWatch ? h('button', { type: 'button', id: 'results-watch', onClick: onWatch }, `▶ ${t('replay.watch')}`) : null,
        onReplay ? h('button', { type: 'button', id: 'results-replay', onClick: onReplay }, t('results.again')) : null,
        h('button', { type: 'button', id: 'results-leave', class: 'primary', onClick: onLeave }, t('results.leave')),
      ),
    ),
  );
}

/** A debrief line in the player's language: from its timeline code where the trail kept one. */
function lineText(line: DebriefLine): string {
  return line.code && line.values ? sayEntry({ code: line.code, values: line.values }) : line.message;
}
