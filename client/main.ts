// The page's entry: the home screen first (or straight back into a seat after a reload); then the campaign
// and a scenario's briefing, or a room with others; once seated, the match screen and the board.
import './styles.css';
import { h, render } from 'preact';
import { t } from './i18n/index.ts';
import { onLanguage } from './i18n/index.ts';
import { createMatch, joinMatch, rejoinMatch, type ConnectionEvents, type MatchConnection } from './net/match-connection.ts';
import { campaignLevels, fetchScenarios, type ScenarioSummary } from './net/scenarios.ts';
import { forgetSeat, savedSeat, seatMayStillBeHeld, touchSeat } from './net/session-store.ts';
import type { MatchSnapshot } from './net/snapshot.ts';
import { Briefing, CampaignMap } from './ui/campaign.ts';
import { Home, type HomeChoice } from './ui/home.ts';
import { MatchScreen } from './ui/match-screen.ts';
import { mountToasts } from './ui/toasts.ts';
import { isOpen, readProgress, recordRun } from './view/campaign-progress.ts';
import { MatchView } from './view/match-view.ts';
import { deniedEntries } from './view/permissions.ts';
import { PlayerActions } from './view/player-actions.ts';
import { PALETTE } from './view/placement.ts';
import { UtilisationHistory } from './view/utilisation-history.ts';

const root = document.getElementById('app')!;
const toast = mountToasts(document.body);

type Screen =
  | { kind: 'home'; error: string; busy: boolean }
  | { kind: 'campaign' }
  | { kind: 'briefing'; scenario: ScenarioSummary; busy: boolean }
  | { kind: 'match'; view: MatchView; actions: PlayerActions; connection: MatchConnection; utilisation: UtilisationHistory; scenario: ScenarioSummary | undefined };

let screen: Screen = { kind: 'home', error: '', busy: false };
let scenarios: ScenarioSummary[] = [];
let nickname = localStorage.getItem('five-nines.nickname') ?? '';
const hoverListeners = new Set<(h: { ref: string | null; x: number; y: number }) => void>();

function show(next: Screen): void {
  screen = next;
  draw();
}

function draw(): void {
  const s = screen;
  document.body.dataset.screen = s.kind;
  if (s.kind === 'home') render(h(Home, { scenarios, error: s.error, busy: s.busy, onChoice: choose }), root);
  else if (s.kind === 'campaign')
    render(h(CampaignMap, { scenarios: campaignLevels(scenarios), progress: readProgress(), onPick: (scenario) => show({ kind: 'briefing', scenario, busy: false }), onBack: () => show({ kind: 'home', error: '', busy: false }) }), root);
  else if (s.kind === 'briefing') {
    const locked = !isOpen(campaignLevels(scenarios).map((x) => x.id), s.scenario.id, readProgress());
    render(h(Briefing, { scenario: s.scenario, locked, busy: s.busy, onStart: () => void startSolo(s.scenario), onBack: () => show({ kind: 'campaign' }) }), root);
  } else {
    render(
      h(MatchScreen, {
        view: s.view,
        actions: s.actions,
        utilisation: s.utilisation,
        scenario: s.scenario,
        hover: { subscribe: (fn) => (hoverListeners.add(fn), () => hoverListeners.delete(fn)) },
        startBoard: async (host) => {
          const { startBoardGame } = await import('./board-game.ts');
          const controls = await startBoardGame(host, s.view, {
            place: (target, keep) => s.actions.place(target, keep),
            connect: (a, b) => s.actions.connect(a, b),
            drop: (ref, target, x, y) => dropPiece(s.view, s.actions, ref, target, x, y),
            hover: (ref, x, y) => hoverListeners.forEach((fn) => fn({ ref, x, y })),
          });
          onLanguage(() => controls.relabel());
          (window as unknown as { fiveNines: unknown }).fiveNines = { board: controls, view: s.view };
          document.body.dataset.ready = 'board';
          return controls;
        },
        allowed: (entry) => !deniedEntries(s.view.current.match).has(entry) && kindAllowed(s.scenario, entry),
        onLeave: () => void leave(),
        onReplay: s.view.current.match.mode === 'solo' && s.scenario ? () => void leave(s.scenario) : null,
      }),
      root,
    );
  }
}

/** A piece let go somewhere: into another subnet (an instance moves there), or to a spot in its own place. */
function dropPiece(view: MatchView, actions: PlayerActions, ref: string, target: { subnet?: string; zone?: string } | null, x: number, y: number): void {
  const r = view.current.model.byRef.get(ref);
  if (!r || !target) return;
  if (r.kind === 'instance' && target.subnet && target.subnet !== r.props.subnet) {
    actions.configure(ref, { subnet: target.subnet }, 'subnet');
    return;
  }
  if (r.kind === 'database' && target.zone && target.zone !== (r.zone || r.props.zone) && view.current.match.phase === 'build') {
    actions.configure(ref, { zone: target.zone }, 'zone');
    return;
  }
  actions.send({ type: 'move', target: ref, position: { x: Math.round(x), y: Math.round(y) } }, { undo: 'undo.move' });
}

function connectionEvents(onFirst: (snapshot: MatchSnapshot) => void): { events: ConnectionEvents; bind(view: MatchView, actions: PlayerActions, utilisation: UtilisationHistory): void } {
  let view: MatchView | null = null;
  let actions: PlayerActions | null = null;
  let utilisation: UtilisationHistory | null = null;
  let seenTimeline = -1;
  const events: ConnectionEvents = {
    onSnapshot: (snapshot) => {
      if (!view) return onFirst(snapshot);
      const previous = view.current.match;
      view.setMatch(snapshot);
      utilisation?.sample(snapshot);
      touchSeat();
      announce(snapshot, previous, seenTimeline);
      seenTimeline = snapshot.board.timeline.length ? snapshot.board.timeline[snapshot.board.timeline.length - 1]!.tS : seenTimeline;
      if (snapshot.phase === 'results' && previous.phase !== 'results') finished(snapshot);
    },
    onRefused: (refusal) => (actions ? actions.refused(refusal) : toast(refusal.message)),
    onNotice: (warnings) => {
      view?.notice(warnings);
      if (warnings.length) toast(t('cfn.deployedWithWarnings', { count: warnings.length }), 'info');
    },
    onLost: () => toast(t('net.lost'), 'error'),
    onBack: () => toast(t('net.back'), 'info'),
  };
  return {
    events,
    bind(v, a, u) {
      view = v;
      actions = a;
      utilisation = u;
      seenTimeline = v.current.match.board.timeline.at(-1)?.tS ?? -1;
    },
  };
}

/** Alarms, budget alerts and the scenario's announcements as toasts, once each. */
function announce(now: MatchSnapshot, before: MatchSnapshot, seenUntil: number): void {
  if (now.board.timeline === before.board.timeline) return;
  for (const e of now.board.timeline) {
    if (e.tS <= seenUntil) continue;
    if (e.kind === 'alarm' && / is ALARM/.test(e.message)) toast(e.message, 'alarm');
    if (e.kind === 'budget') toast(e.message, 'budget');
    if (e.kind === 'event' && e.tS > 0 && !/^over:/.test(e.message)) toast(e.message, 'info');
  }
}

function finished(snapshot: MatchSnapshot): void {
  if (snapshot.mode !== 'solo') return;
  const team = snapshot.teams.find((x) => x.id === snapshot.board.team) ?? snapshot.teams[0];
  if (team) recordRun(snapshot.scenarioId, { stars: team.stars, score: team.score });
}

async function seat(connect: (events: ConnectionEvents) => Promise<MatchConnection>): Promise<void> {
  let resolveFirst!: (s: MatchSnapshot) => void;
  const first = new Promise<MatchSnapshot>((resolve) => (resolveFirst = resolve));
  const wiring = connectionEvents((s) => resolveFirst(s));
  const connection = await connect(wiring.events);
  const snapshot = await first;
  const view = new MatchView(snapshot);
  const actions = new PlayerActions(connection, view, (text, tone) => toast(text, tone), (key, params) => t(key, params));
  const utilisation = new UtilisationHistory();
  wiring.bind(view, actions, utilisation);
  view.subscribe((next, previous) => next.match !== previous.match || draw === undefined ? undefined : undefined);
  history.replaceState(null, '', `?code=${connection.code}`);
  const scenario = scenarios.find((x) => x.id === snapshot.scenarioId);
  show({ kind: 'match', view, actions, connection, utilisation, scenario });
}

/** Whether the scenario lets players place what a palette entry stands for (all kinds when it does not say). */
function kindAllowed(scenario: ScenarioSummary | undefined, entry: string): boolean {
  const kinds = scenario?.allowedKinds;
  const kind = PALETTE.find((p) => p.id === entry)?.kind;
  return !kinds || !kind || kinds.includes(kind);
}

async function startSolo(scenario: ScenarioSummary): Promise<void> {
  show({ kind: 'briefing', scenario, busy: true });
  try {
    await seat((events) => createMatch(nickname || t('home.defaultNickname'), { mode: 'solo', scenario: scenario.id }, events));
  } catch (error) {
    toast(t('home.createFailed', { message: (error as Error).message }));
    show({ kind: 'briefing', scenario, busy: false });
  }
}

async function choose(choice: HomeChoice): Promise<void> {
  nickname = choice.nickname;
  const c = choice.choice;
  if (c.kind === 'campaign') return show({ kind: 'campaign' });
  show({ kind: 'home', error: '', busy: true });
  try {
    if (c.kind === 'create') await seat((events) => createMatch(nickname, { mode: 'team', scenario: c.scenario }, events));
    else await seat((events) => joinMatch(c.code, nickname, events));
  } catch (error) {
    const message = (error as Error).message;
    show({ kind: 'home', busy: false, error: c.kind === 'join' ? t('home.joinFailed', { code: c.code, message }) : t('home.createFailed', { message }) });
  }
}

async function leave(again?: ScenarioSummary): Promise<void> {
  if (screen.kind === 'match') await screen.connection.leave().catch(() => undefined);
  history.replaceState(null, '', location.pathname);
  if (again) return startSolo(again);
  show(screen.kind === 'match' && screen.view.current.match.mode === 'solo' ? { kind: 'campaign' } : { kind: 'home', error: '', busy: false });
}

onLanguage(() => draw());

async function boot(): Promise<void> {
  const listing = fetchScenarios()
    .then((list) => (scenarios = list))
    .catch(() => (scenarios = []));
  const seatSaved = savedSeat();
  if (seatSaved && seatMayStillBeHeld(seatSaved)) {
    try {
      await listing;
      await seat((events) => rejoinMatch(seatSaved.token, events));
      return;
    } catch {
      forgetSeat();
    }
  }
  show({ kind: 'home', error: '', busy: false });
  document.body.dataset.ready = 'lobby';
  await listing;
  if (screen.kind === 'home') draw();
}

void boot();
