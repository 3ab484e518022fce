// The teacher's big screens over the match: the projector view and every team's board side by side. Opened from
// the competition console's buttons, but held here, above the dock, so the projector stays up while the teacher
// works in another console.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { SavedCompetition } from '../net/competition-store.ts';
import type { MatchView } from '../view/match-view.ts';
import { DebriefBoards } from './debrief-boards.ts';
import { useView } from './hooks.ts';
import { Projector } from './projector.ts';

export type ClassroomScreen = 'projector' | 'boards';

const listeners = new Set<(screen: ClassroomScreen) => void>();

/** Opens one of the teacher's big screens (the competition console's buttons). */
export function openClassroomScreen(screen: ClassroomScreen): void {
  for (const listener of listeners) listener(screen);
}

export function ClassroomScreens({ view, competition, title }: { view: MatchView; competition: SavedCompetition; title: string }) {
  const [open, setOpen] = useState<ClassroomScreen | null>(null);
  useEffect(() => {
    listeners.add(setOpen);
    return () => void listeners.delete(setOpen);
  }, []);
  if (open === 'projector') return h(Projector, { view, competition, title, onClose: () => setOpen(null) });
  if (open === 'boards') return h(BoardsOverlay, { view, onClose: () => setOpen(null) });
  return null;
}

function BoardsOverlay({ view, onClose }: { view: MatchView; onClose: () => void }) {
  const state = useView(view);
  return h(DebriefBoards, { match: state.match, onClose });
}

/** The competition console's buttons for the big screens; every board side by side only at the debrief. */
export function ClassroomScreenButtons({ phase }: { phase: string }) {
  return h(
    'div',
    { class: 'competition-screens' },
    h('button', { type: 'button', id: 'open-projector', title: t('projector.openHint'), onClick: () => openClassroomScreen('projector') }, `▣ ${t('projector.open')}`),
    phase === 'results' ? h('button', { type: 'button', id: 'open-debrief-boards', onClick: () => openClassroomScreen('boards') }, t('results.compare')) : null,
    h('p', { class: 'explain' }, t('projector.openHint')),
  );
}
