// The newcomer's guide beside the palette: the steps of a first build, each ticked off when the board shows
// it done, and the scenario's hints once the clock runs.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { language, t } from '../i18n/index.ts';
import type { MatchViewState } from '../view/match-view.ts';
import { START_STEP, whoStarts } from '../view/who-starts.ts';

/** The steps of a first build that the level allows (a first level may have no load balancer yet). */
export function guideSteps(state: MatchViewState, allowed: (entry: string) => boolean = () => true): { key: string; done: boolean }[] {
  const kinds = new Set(state.match.board.resources.map((r) => r.kind));
  const trafficLine = state.model.lines.some((l) => l.traffic);
  const steps = [{ key: 'vpc', done: kinds.has('vpc') }];
  if (allowed('autoScalingGroup')) steps.push({ key: 'servers', done: kinds.has('instance') || kinds.has('autoScalingGroup') });
  else steps.push({ key: 'server', done: kinds.has('instance') });
  if (allowed('loadBalancer')) steps.push({ key: 'balancer', done: kinds.has('loadBalancer') && trafficLine });
  if (allowed('database')) steps.push({ key: 'database', done: kinds.has('database') });
  // A classroom's students cannot press Start: they are told who starts the match (view/who-starts.ts).
  steps.push({ key: START_STEP[whoStarts(state.match)], done: state.match.phase !== 'build' });
  return steps;
}

export function Guide({ state, hints, allowed }: { state: MatchViewState; hints: string[]; allowed: (entry: string) => boolean }) {
  const [hint, setHint] = useState(0);
  const steps = guideSteps(state, allowed);
  const building = state.match.phase === 'build';
  return h(
    'section',
    { class: 'guide', 'aria-label': t('guide.title') },
    building || steps.some((s) => !s.done)
      ? h(
          'div',
          {},
          h('h2', {}, t('guide.title')),
          h('ol', { class: 'guide-steps' }, steps.map((s) => h('li', { key: s.key, class: s.done ? 'done' : '' }, h('span', { class: 'tick', 'aria-hidden': 'true' }, s.done ? '✓' : '○'), t(`guide.${s.key}`)))),
        )
      : null,
    state.match.board.hints.length > 0
      ? h(
          'div',
          { class: 'hint-card live', id: 'live-hints', role: 'status' },
          h('h2', {}, `! ${t('guide.liveHint')}`),
          state.match.board.hints.map((x) => h('p', { key: x.id }, language() === 'ko' && x.ko ? x.ko : x.en)),
        )
      : null,
    hints.length > 0 && !building
      ? h(
          'div',
          { class: 'hint-card', id: 'hint-card' },
          h('h2', {}, `★ ${t('guide.hint')}`),
          h('p', {}, hints[hint % hints.length]),
          hints.length > 1 ? h('button', { type: 'button', class: 'link', onClick: () => setHint(hint + 1) }, t('guide.nextHint', { n: (hint % hints.length) + 1, of: hints.length })) : null,
        )
      : null,
  );
}
