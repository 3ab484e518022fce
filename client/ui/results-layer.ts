// What lies over the match screen once it has ended: the results card; closed (its ×, or Escape), the screen the
// player came from with a button to bring the results back; and from the results, every team's board side by
// side (the debrief), closed back to the results.
import { h } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { MatchView, MatchViewState } from '../view/match-view.ts';
import { DebriefBoards } from './debrief-boards.ts';
import { useViewSlice } from './hooks.ts';
import { Results, type ResultsProps } from './results.ts';

type Shown = 'results' | 'closed' | 'boards';

/** What the layer redraws on: the ranks and scores, and the boards as they arrive (all of them at the debrief). */
function layerKey(s: MatchViewState): string {
  const m = s.match;
  return `${m.phase}|${m.teams.map((x) => `${x.id}:${x.rank}:${x.score}`).join()}|${m.boards.map((b) => `${b.team}:${b.revision}:${b.resources.length}`).join()}`;
}

export function ResultsLayer({ view, ...props }: Omit<ResultsProps, 'state' | 'onClose' | 'onCompare'> & { view: MatchView }) {
  const state = useViewSlice(view, layerKey);
  const [shown, setShown] = useState<Shown>('results');
  // A layout effect: Escape works from the moment the card is drawn (an effect would leave a frame where it does not).
  useLayoutEffect(() => {
    if (shown !== 'results') return;
    const key = (e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), setShown('closed'));
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [shown]);
  if (shown === 'closed')
    return h('button', { type: 'button', class: 'primary results-reopen', id: 'results-reopen', onClick: () => setShown('results') }, t('results.reopen'));
  if (shown === 'boards') return h(DebriefBoards, { match: state.match, onClose: () => setShown('results') });
  return h(Results, { ...props, state, onClose: () => setShown('closed'), onCompare: () => setShown('boards') });
}
