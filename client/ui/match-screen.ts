// The play screen: the top bar, the palette and guide on the left, the board in the middle with its tooltip,
// the inspector on the right, the consoles' dock below, and the results over everything at the end.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { BoardControls } from '../board-game.ts';
import { localised, type ScenarioSummary } from '../net/scenarios.ts';
import type { MatchView } from '../view/match-view.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import type { UtilisationHistory } from '../view/utilisation-history.ts';
import { Dock } from './consoles/dock.ts';
import { Timeline } from './consoles/timeline.ts';
import { Guide } from './guide.ts';
import { Help } from './help.ts';
import { useLanguage, useView } from './hooks.ts';
import { Inspector } from './inspector/index.ts';
import { Palette } from './palette.ts';
import { Results } from './results.ts';
import { TopBar } from './top-bar.ts';
import { Tooltip } from './tooltip.ts';
import { bindKeys } from './keys.ts';

export interface MatchScreenProps {
  view: MatchView;
  actions: PlayerActions;
  utilisation: UtilisationHistory;
  scenario: ScenarioSummary | undefined;
  hover: { subscribe(fn: (h: { ref: string | null; x: number; y: number }) => void): () => void };
  startBoard(host: HTMLElement): Promise<BoardControls>;
  allowed(entry: string): boolean;
  onLeave(): void;
  onReplay: (() => void) | null;
}

export function MatchScreen(props: MatchScreenProps) {
  const { view, actions } = props;
  const state = useView(view);
  const lang = useLanguage();
  const host = useRef<HTMLDivElement>(null);
  const board = useRef<BoardControls | null>(null);
  const [hover, setHover] = useState<{ ref: string | null; x: number; y: number }>({ ref: null, x: 0, y: 0 });
  const [canUndo, setCanUndo] = useState(false);

  useEffect(() => props.hover.subscribe(setHover), []);
  useEffect(() => actions.onUndoChange(() => setCanUndo(actions.undoStack.size > 0)), []);
  useEffect(() => {
    let gone = false;
    if (host.current) void props.startBoard(host.current).then((controls) => (gone ? controls.destroy() : (board.current = controls)));
    return () => {
      gone = true;
      board.current?.destroy();
    };
  }, []);
  useEffect(() => bindKeys(view, actions, () => board.current), []);

  const hovered = hover.ref ? state.model.byRef.get(hover.ref) : undefined;
  const m = state.match;
  return h(
    'div',
    { class: `match ${state.console ? 'dock-open' : ''} ${state.selected ? 'inspecting' : ''}` },
    h(TopBar, { state, view, actions, canUndo, title: props.scenario ? localised(props.scenario, lang).title : m.title }),
    h(
      'aside',
      { class: 'sidebar' },
      h(Palette, { state, view, allowed: props.allowed }),
      h(Guide, { state, hints: props.scenario ? localised(props.scenario, lang).hints : [] }),
      h('section', { class: 'recent' }, h('h2', {}, t('timeline.recent')), h(Timeline, { state, compact: true })),
    ),
    h(
      'div',
      { class: `board-wrap ${state.armed ? 'armed' : ''} ${state.connectFrom ? 'connecting' : ''}` },
      h('div', { id: 'board', class: 'board', ref: host }),
      state.connectFrom ? h('div', { class: 'board-banner', id: 'connect-banner' }, t('board.connectBanner', { from: state.connectFrom.split('/')[1] })) : null,
      m.phase === 'build' && m.board.resources.length === 0 ? h('div', { class: 'board-empty' }, t('board.emptyHint')) : null,
      hovered ? h(Tooltip, { r: hovered, x: hover.x, y: hover.y }) : null,
      state.help ? h(Help, { onClose: () => view.toggleHelp(false) }) : null,
      h(
        'ul',
        { id: 'board-summary', class: 'visually-hidden', 'aria-label': t('board.summary') },
        m.board.resources
          .filter((r) => state.model.pieces.has(r.ref))
          .map((r) => h('li', { key: r.ref, 'data-ref': r.ref, 'data-kind': r.kind, 'data-zone': r.zone, 'data-health': r.health }, `${t(`kinds.name.${r.kind}`)} ${r.ref}${r.zone ? ` ${r.zone}` : ''}: ${t(`health.${r.health}`)}`)),
      ),
    ),
    h('div', { class: 'right' }, state.selected ? h(Inspector, { state, view, actions }) : h('div', { class: 'inspector-empty' }, h('h2', {}, t('inspector.title')), h('p', { class: 'muted' }, t('inspector.nothing')))),
    h(Dock, { state, view, actions, utilisation: props.utilisation, objectiveMs: props.scenario?.latencyObjectiveMs }),
    m.phase === 'results' ? h(Results, { state, actions, scenario: props.scenario, title: props.scenario ? localised(props.scenario, lang).title : m.title, onLeave: props.onLeave, onReplay: props.onReplay }) : null,
  );
}
