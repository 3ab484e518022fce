// The play screen: the top bar, the palette and guide on the left, the board in the middle with its tooltip,
// the inspector on the right, the consoles' dock below, and the results over everything at the end.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { BoardControls } from '../board-game.ts';
import type { SavedCompetition } from '../net/competition-store.ts';
import { localised, type ScenarioSummary } from '../net/scenarios.ts';
import type { MatchView } from '../view/match-view.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { Dock, type DockCompetition } from './consoles/dock.ts';
import { Timeline } from './consoles/timeline.ts';
import { Guide } from './guide.ts';
import { Help } from './help.ts';
import { peakFact } from './campaign.ts';
import { howToPlaySteps } from '../../shared/scenario/how-to-play.ts';
import { useLanguage, useView, useViewSlice } from './hooks.ts';
import type { MatchViewState } from '../view/match-view.ts';
import { guideSteps } from './guide.ts';
import { Inspector } from './inspector/index.ts';
import { FrameInspector } from './inspector/frame.ts';
import { Palette } from './palette.ts';
import { watchesOnly } from '../view/permissions.ts';
import { ResultsLayer } from './results-layer.ts';
import { ClassroomScreens } from './classroom-screens.ts';
import { TopBar } from './top-bar.ts';
import { InstructorBanner } from './instructor-banner.ts';
import { Tooltip } from './tooltip.ts';
import { bindKeys } from './keys.ts';
import { BoardOutline } from './board-outline.ts';

export interface MatchScreenProps {
  view: MatchView;
  actions: PlayerActions;
  scenario: ScenarioSummary | undefined;
  hover: { subscribe(fn: (h: { ref: string | null; x: number; y: number }) => void): () => void };
  startBoard(host: HTMLElement): Promise<BoardControls>;
  allowed(entry: string): boolean;
  onLeave(): void;
  onReplay: (() => void) | null;
  /** Opens the finished match's replay (on the results screen). */
  onWatch?: (() => void) | null;
  /** Opens one team's replay (its index in the match) from a competition's replay.json, in the teacher's console. */
  onWatchTeam?: ((replay: unknown, team: number) => void) | null;
  /** The classroom competition this tab set up (its id and host token), when this player may be its teacher. */
  competition: SavedCompetition | null;
}

/** What the screen's frame depends on; the panels inside subscribe to their own slices. */
function frameKey(s: MatchViewState): string {
  return `${s.console}|${s.selected !== null}|${s.armed}|${s.connectFrom}|${s.help}|${s.match.phase}|${s.match.board.resources.length === 0}`;
}

function TopBarSlice(props: { view: MatchView; actions: PlayerActions; canUndo: boolean; scenario: ScenarioSummary | undefined }) {
  const state = useView(props.view);
  const lang = useLanguage();
  return h(TopBar, { state, view: props.view, actions: props.actions, canUndo: props.canUndo, title: props.scenario ? localised(props.scenario, lang).title : state.match.title });
}

function SidebarSlice(props: { view: MatchView; actions: PlayerActions; scenario: ScenarioSummary | undefined; allowed: (entry: string) => boolean }) {
  const lang = useLanguage();
  const state = useViewSlice(props.view, (s) => `${s.armed}|${s.connectFrom}|${s.denied.join()}|${s.match.phase}|${guideSteps(s, props.allowed).map((g) => g.done).join()}|${s.match.board.timeline.at(-1)?.tS}|${s.match.board.timeline.length}|${s.match.me?.principal}|${s.match.board.hints.map((x) => x.id).join()}`);
  return h(
    'aside',
    { class: 'sidebar' },
    h(Palette, { state, view: props.view, allowed: props.allowed, watching: watchesOnly(state.match) }),
    h(Guide, { state, hints: props.scenario ? localised(props.scenario, lang).hints : [], allowed: props.allowed }),
    h('section', { class: 'recent' }, h('h2', {}, t('timeline.recent')), h(Timeline, { state, compact: true })),
    h(BoardOutline, { view: props.view, actions: props.actions, watching: watchesOnly(state.match) }),
  );
}

function SummarySlice({ view }: { view: MatchView }) {
  useLanguage();
  const state = useViewSlice(view, (s) => s.match.board.resources.map((r) => `${r.ref}${r.health}${r.zone}`).join());
  return h(
    'ul',
    { id: 'board-summary', class: 'visually-hidden', 'aria-label': t('board.summary') },
    state.match.board.resources
      .filter((r) => state.model.pieces.has(r.ref))
      .map((r) => h('li', { key: r.ref, 'data-ref': r.ref, 'data-kind': r.kind, 'data-zone': r.zone, 'data-health': r.health }, `${t(`kinds.name.${r.kind}`)} ${r.ref}${r.zone ? ` ${r.zone}` : ''}: ${t(`health.${r.health}`)}`)),
  );
}

/** With nothing selected, the right column shows the mission: what the level asks and how to play. */
function Mission({ scenario, lang }: { scenario: ScenarioSummary | undefined; lang: string }) {
  const words = scenario ? localised(scenario, lang) : undefined;
  return h(
    'div',
    { class: 'mission' },
    h('h2', {}, t('mission.title')),
    words ? h('p', { class: 'goal' }, words.teachingGoal || t('briefing.noGoal')) : null,
    scenario
      ? h(
          'dl',
          { class: 'facts' },
          h('dt', {}, t('briefing.latency')),
          h('dd', {}, t('briefing.latencyValue', { ms: scenario.latencyObjectiveMs })),
          h('dt', {}, t('briefing.budget')),
          h('dd', {}, `$${scenario.budgetUsd}`),
          ...peakFact(scenario),
          h('dt', {}, t('briefing.stars')),
          h('dd', {}, scenario.stars.map((s, i) => `${'★'.repeat(i + 1)} ${s}`).join('  ')),
        )
      : null,
    h('h2', {}, t('inspector.title')),
    h('p', { class: 'muted' }, t('inspector.nothing')),
    h('h2', {}, t('help.title')),
    h('ol', { class: 'steps', id: 'mission-steps' }, howToPlaySteps(scenario?.allowedKinds).map((k) => h('li', { key: k, 'data-step': k }, t(`help.step.${k}`)))),
  );
}

function RightSlice({ view, actions, scenario }: { view: MatchView; actions: PlayerActions; scenario: ScenarioSummary | undefined }) {
  const lang = useLanguage();
  const state = useViewSlice(view, (s) => {
    if (!s.selected) return '';
    const piece = s.model.pieces.get(s.selected);
    const r = piece?.resource;
    return `${s.selected}|${s.match.board.revision}|${r?.health}|${Math.round((r?.rps ?? 0) / 5)}|${Math.round((r?.load ?? 0) * 20)}|${r?.count}|${s.match.phase}|${JSON.stringify(s.fieldErrors)}|${piece?.parts.map((p) => p.ref).join()}`;
  });
  // A piece's inspector, or a VPC's or subnet's (selected by its frame's label), else the mission.
  const frame = state.selected && !state.model.pieces.has(state.selected);
  return h('div', { class: 'right' }, !state.selected ? h(Mission, { scenario, lang }) : frame ? h(FrameInspector, { state, view, actions }) : h(Inspector, { state, view, actions }));
}

// Who the player acts as is in the key: the IAM console's Switch role and sign-in redraw when it changes.
function DockSlice(props: { view: MatchView; actions: PlayerActions; objectiveMs: number | undefined; competition: DockCompetition | null }) {
  useLanguage();
  const state = useViewSlice(props.view, (s) => (s.console === null ? `closed|${s.match.phase}` : `${s.console}|${s.match.board.series.length}|${s.match.board.series.at(-1)?.tS}|${s.match.board.revision}|${s.match.board.timeline.length}|${s.match.phase}|${s.match.directory?.length}|${JSON.stringify(s.fieldErrors)}|${s.notices.length}|${Math.floor(s.match.simS / 30)}|${s.match.teams.length}|${s.match.board.team}|${s.match.me?.principal}|${s.match.me?.mfa}|${s.match.me?.switchRole}`));
  return h(Dock, { state, view: props.view, actions: props.actions, objectiveMs: props.objectiveMs, competition: props.competition });
}

/** The tooltip follows every update: its numbers are the hovered piece's current ones. */
function TooltipSlice({ view, hover }: { view: MatchView; hover: { ref: string; x: number; y: number } }) {
  useLanguage();
  const state = useView(view);
  const r = state.model.byRef.get(hover.ref);
  return r ? h(Tooltip, { r, parts: state.model.pieces.get(r.ref)?.parts ?? [], x: hover.x, y: hover.y }) : null;
}

export function MatchScreen(props: MatchScreenProps) {
  const { view, actions } = props;
  const state = useViewSlice(view, frameKey);
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

  const m = state.match;
  // The teacher of a competition runs it from the competition console: no personal results card over it.
  const teacher = props.competition && m.me?.host ? { competition: props.competition, onLeave: props.onLeave, onWatchTeam: props.onWatchTeam ?? null } : null;
  return h(
    'div',
    { class: `match ${state.console ? 'dock-open' : ''} ${state.selected ? 'inspecting' : ''}` },
    h(TopBarSlice, { view, actions, canUndo, scenario: props.scenario }),
    h(SidebarSlice, { view, actions, scenario: props.scenario, allowed: props.allowed }),
    h(
      'div',
      { class: `board-wrap ${state.armed ? 'armed' : ''} ${state.connectFrom ? 'connecting' : ''}` },
      h('div', { id: 'board', class: 'board', ref: host }),
      h(InstructorBanner, { match: m }),
      state.connectFrom ? h('div', { class: 'board-banner', id: 'connect-banner' }, t('board.connectBanner', { from: state.connectFrom.split('/')[1] })) : null,
      m.phase === 'build' && m.board.resources.length === 0 ? h('div', { class: 'board-empty' }, t(watchesOnly(m) ? 'board.emptyTeamHint' : 'board.emptyHint')) : null,
      // Not while connecting or placing: the player is aiming at a target the tooltip would sit on.
      hover.ref && !state.connectFrom && !state.armed ? h(TooltipSlice, { view, hover: { ref: hover.ref, x: hover.x, y: hover.y } }) : null,
      state.help ? h(Help, { steps: howToPlaySteps(props.scenario?.allowedKinds), onClose: () => view.toggleHelp(false) }) : null,
      h(SummarySlice, { view }),
    ),
    h(RightSlice, { view, actions, scenario: props.scenario }),
    h(DockSlice, { view, actions, objectiveMs: props.scenario?.latencyObjectiveMs, competition: teacher }),
    teacher ? h(ClassroomScreens, { view, competition: teacher.competition, title: props.scenario ? localised(props.scenario, lang).title : m.title }) : null,
    m.phase === 'results' && !teacher ? h(ResultsLayer, { view, scenario: props.scenario, title: props.scenario ? localised(props.scenario, lang).title : m.title, onLeave: props.onLeave, onReplay: props.onReplay, onWatch: props.onWatch ?? null }) : null,
  );
}
