// The match, loaded only once a player takes a seat (with Colyseus's client, the board, the panels and the
// shared rules they read): the home screen and the campaign map never wait for any of it.
import { deliveredTo, isDelivery } from '../shared/sns/inbox.ts';
import { readerOf } from './ui/consoles/sns.ts';
import { h, render } from 'preact';
import { t } from './i18n/index.ts';
import { createMatch, joinMatch, rejoinMatch, type ConnectionEvents, type MatchConnection, type NewMatch } from './net/match-connection.ts';
import type { ScenarioSummary } from './net/scenarios.ts';
import { savedCompetition } from './net/competition-store.ts';
import { touchSeat, type SavedSeat } from './net/session-store.ts';
import type { MatchSnapshot } from './net/snapshot.ts';
import { mountConnectionBanner, type ConnectionBanner } from './ui/connection-banner.ts';
import { MatchScreen } from './ui/match-screen.ts';
import type { Tone } from './ui/toasts.ts';
import { recordRun } from './view/campaign-progress.ts';
import { MatchView } from './view/match-view.ts';
import { deniedEntries } from './view/permissions.ts';
import { PlayerActions } from './view/player-actions.ts';
import { PALETTE, type PlaceTarget } from '../shared/design/plans/palette.ts';
import { planDrop } from '../shared/design/plans/drop.ts';
import { sayEntry } from './i18n/timeline-entry.ts';
import { isEventEnding } from '../shared/sim/timeline-text.ts';
import { levelKey } from '../shared/protocol/levels.ts';

export type SeatRequest =
  | { kind: 'create'; nickname: string; match: NewMatch }
  | { kind: 'join'; nickname: string; code: string; team?: string }
  /** The teacher's seat of a classroom competition, taken with its host token. */
  | { kind: 'host'; nickname: string; code: string; hostToken: string }
  /** Back to a seat this tab held (a reload): its token, else its credential. */
  | { kind: 'rejoin'; seat: SavedSeat };

export interface MatchHost {
  root: HTMLElement;
  toast(text: string, tone?: Tone): void;
  scenarios: ScenarioSummary[];
  /** A published level's summary by its code and version (the match names them; issue 17). */
  levelSummary(code: string, version: number): Promise<ScenarioSummary | undefined>;
  /** The player left: back to the campaign (solo) or home; `again` plays the same scenario once more. */
  onExit(solo: boolean, again?: ScenarioSummary): void;
}

const updateTimes: number[] = [];
const updateWork: number[] = [];
const record = (times: number[], ms: number): void => {
  times.push(ms);
  if (times.length > 1000) times.splice(0, 500);
};
const hoverListeners = new Set<(h: { ref: string | null; x: number; y: number }) => void>();
let toast: MatchHost['toast'] = () => undefined;

/** A piece let go somewhere: into another subnet (an instance moves there), or to a spot in its own place. */
function dropPiece(view: MatchView, actions: PlayerActions, ref: string, target: PlaceTarget | null, x: number, y: number): void {
  const r = view.current.model.byRef.get(ref);
  if (!r) return;
  const subnet = typeof r.props.subnet === 'string' ? r.props.subnet : undefined;
  const zone = r.zone || (typeof r.props.zone === 'string' ? r.props.zone : undefined);
  const plan = planDrop({ kind: r.kind, region: r.region, ...(subnet ? { subnet } : {}), ...(zone ? { zone } : {}) }, target, view.current.match.phase);
  // A drop that changes nothing says why (the shared rule's reason), instead of snapping back in silence.
  if (!plan.ok) return toast(actions.describe(plan.refusal), 'info');
  if (plan.change) return actions.configure(ref, plan.change, 'subnet' in plan.change ? 'subnet' : 'zone');
  actions.move(ref, { x: Math.round(x), y: Math.round(y) });
}

function connectionEvents(onFirst: (snapshot: MatchSnapshot) => void, banner: ConnectionBanner): { events: ConnectionEvents; bind(view: MatchView, actions: PlayerActions): void } {
  let view: MatchView | null = null;
  let actions: PlayerActions | null = null;
  let seenTimeline = -1;
  const events: ConnectionEvents = {
    onSnapshot: (snapshot, readFrom) => {
      if (!view) return onFirst(snapshot);
      const previous = view.current.match;
      view.setMatch(snapshot);
      // What an update costs, from reading the room's state to the panels' rendering, for the benchmark: until the
      // next task (a timer: a frame or another patch the browser runs first counts too), and its own work alone
      // (the panels render in a microtask queued during setMatch, so a microtask queued now runs after it).
      setTimeout(() => record(updateTimes, performance.now() - readFrom), 0);
      queueMicrotask(() => queueMicrotask(() => record(updateWork, performance.now() - readFrom)));
      touchSeat();
      announce(snapshot, previous, seenTimeline);
      seenTimeline = snapshot.board.timeline.length ? snapshot.board.timeline[snapshot.board.timeline.length - 1]!.tS : seenTimeline;
      if (snapshot.phase === 'results' && previous.phase !== 'results') finished(snapshot);
    },
    onRefused: (refusal) => (actions ? actions.refused(refusal) : toast(refusal.message)),
    onNotice: (notices) => {
      view?.notice(notices);
      if (notices.length) toast(t('cfn.deployedWithWarnings', { count: notices.length }), 'info');
    },
    onStatus: (status) => banner.show(status),
  };
  return {
    events,
    bind(v, a) {
      view = v;
      actions = a;
      seenTimeline = v.current.match.board.timeline.at(-1)?.tS ?? -1;
    },
  };
}

/** Alarms, their SNS pages, budget alerts and the scenario's announcements as toasts, once each. */
function announce(now: MatchSnapshot, before: MatchSnapshot, seenUntil: number): void {
  // An SNS notification or a budget alert pages only the players it reached (shared/sns/inbox.ts).
  const reader = readerOf(now);
  if (reader && now.board.inbox !== before.board.inbox) {
    for (const e of now.board.inbox) if (e.tS > seenUntil && deliveredTo(e, reader)) toast(sayEntry(e), e.code === 'budgetNotified' || e.code === 'usageBudgetNotified' ? 'budget' : 'alarm');
  }
  if (now.board.timeline === before.board.timeline) return;
  for (const e of now.board.timeline) {
    if (e.tS <= seenUntil) continue;
    if (e.code === 'alarmOn') toast(sayEntry(e), 'alarm');
    if (e.kind === 'budget' && !isDelivery(e.code)) toast(sayEntry(e), 'budget');
    if (e.kind === 'event' && e.tS > 0 && !isEventEnding(e.code)) toast(sayEntry(e), 'info');
  }
}

function finished(snapshot: MatchSnapshot): void {
  if (snapshot.mode !== 'solo') return;
  const team = snapshot.teams.find((x) => x.id === snapshot.board.team) ?? snapshot.teams[0];
  // A level's personal best is its own (`level:CODE`): its id may repeat a campaign level's, and it unlocks none.
  if (team) recordRun(snapshot.levelCode ? levelKey(snapshot.levelCode) : snapshot.scenarioId, { stars: team.stars, score: team.score });
}

/** Whether the scenario lets players place what a palette entry stands for (all kinds when it does not say). */
function kindAllowed(scenario: ScenarioSummary | undefined, entry: string): boolean {
  const kinds = scenario?.allowedKinds;
  const kind = PALETTE.find((p) => p.id === entry)?.kind;
  return !kinds || !kind || kinds.includes(kind);
}

/** Connects, waits for the first state, and shows the match screen; throws when the room cannot be reached. */
export async function seatPlayer(request: SeatRequest, host: MatchHost): Promise<void> {
  toast = host.toast;
  const connect = (events: ConnectionEvents): Promise<MatchConnection> => {
    if (request.kind === 'create') return createMatch(request.nickname, request.match, events);
    if (request.kind === 'join') return joinMatch(request.code, request.nickname, events, request.team ? { team: request.team } : {});
    if (request.kind === 'host') return joinMatch(request.code, request.nickname, events, { hostToken: request.hostToken });
    return rejoinMatch(request.seat, events);
  };
  let resolveFirst!: (s: MatchSnapshot) => void;
  const first = new Promise<MatchSnapshot>((resolve) => (resolveFirst = resolve));
  // Leaving from the banner (the room closed): back home without asking the gone room anything.
  let exit: () => void = () => undefined;
  const banner = mountConnectionBanner(() => exit());
  const wiring = connectionEvents((s) => resolveFirst(s), banner);
  const connection = await connect(wiring.events).catch((error: unknown) => {
    banner.remove();
    throw error;
  });
  const snapshot = await first;
  const view = new MatchView(snapshot);
  const actions = new PlayerActions(connection, view, (text, tone) => toast(text, tone), (key, params) => t(key, params));
  wiring.bind(view, actions);
  history.replaceState(null, '', `?code=${connection.code}`);
  const scenario = snapshot.levelCode
    ? await host.levelSummary(snapshot.levelCode, snapshot.levelVersion ?? 0).catch(() => undefined)
    : host.scenarios.find((x) => x.id === snapshot.scenarioId);
  const solo = snapshot.mode === 'solo';
  const leave = async (again?: ScenarioSummary): Promise<void> => {
    await connection.leave().catch(() => undefined);
    banner.remove();
    render(null, host.root);
    history.replaceState(null, '', location.pathname);
    host.onExit(solo, again);
  };
  // The finished match's replay, over the results: the match screen (and its board) makes way while it shows,
  // and comes back when the replay is closed; the room stays joined.
  const showReplay = async (replay: unknown, team: number): Promise<void> => {
    const { openReplayViewer } = await import('./replay-app.ts');
    render(null, host.root);
    openReplayViewer(host.root, replay, {
      ...(team >= 0 ? { team } : {}),
      onExit: () => {
        document.body.dataset.screen = 'match';
        render(screen(), host.root);
      },
    });
  };
  const watch = async (): Promise<void> => {
    const answer = await connection.replay().catch((error: unknown) => ({ ok: false as const, refusal: { code: 'internal-error', message: String((error as Error)?.message ?? error) } }));
    if (!answer.ok) return toast(t('replay.watchFailed', { message: actions.describe(answer.refusal) }), 'error');
    const m = view.current.match;
    await showReplay(answer.replay, m.teams.findIndex((x) => x.id === m.board.team));
  };
  exit = () => void leave();
  document.body.dataset.screen = 'match';
  const screen = () =>
    h(MatchScreen, {
      view,
      actions,
      scenario,
      hover: { subscribe: (fn) => (hoverListeners.add(fn), () => hoverListeners.delete(fn)) },
      startBoard: async (element) => {
        const { startBoardGame } = await import('./board-game.ts');
        const controls = await startBoardGame(element, view, {
          place: (target, keep) => actions.place(target, keep),
          connect: (a, b) => actions.connect(a, b),
          drop: (ref, target, x, y) => dropPiece(view, actions, ref, target, x, y),
          hover: (ref, x, y) => hoverListeners.forEach((fn) => fn({ ref, x, y })),
        });
        // The page's hooks for browser tests and the benchmark: the board's camera and the view-model.
        (window as unknown as { fiveNines: unknown }).fiveNines = { board: controls, view, updateTimes, updateWork };
        document.body.dataset.ready = 'board';
        return controls;
      },
      allowed: (entry) => !deniedEntries(view.current.match).has(entry) && kindAllowed(scenario, entry),
      onLeave: () => void leave(),
      onReplay: solo && scenario ? () => void leave(scenario) : null,
      onWatch: () => void watch(),
      // The teacher's console: one team's replay from the competition's exported replay.json.
      onWatchTeam: (replay, team) => void showReplay(replay, team),
      // The teacher's competition (id and host token) kept in this tab: its console and exports.
      competition: snapshot.mode === 'classroom' ? savedCompetition(connection.code) : null,
    });
  render(screen(), host.root);
}
