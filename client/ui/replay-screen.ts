// The replay viewer's screen: a top bar (the scenario, the team shown, the check of the end, close), the board
// (read-only), the team's standing and event timeline on the right, the CloudWatch charts below, and the player
// bar: play and pause, the speeds, the clock and a slider over the whole run with its chaos and failures marked.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardControls } from '../board-game.ts';
import { STEP_SECONDS } from '../../shared/sim/constants.ts';
import { formatClock, formatNumber, formatUsd, t } from '../i18n/index.ts';
import type { Marker, ReplayPlayer, ReplayPlayerState } from '../view/replay-player.ts';
import { REPLAY_SPEEDS, ReplayPlayer as Player } from '../view/replay-player.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { sayEntry } from '../i18n/timeline-entry.ts';
import { sayTeamName } from '../i18n/team-name.ts';
import { CloudWatch } from './consoles/cloudwatch.ts';
import { Timeline } from './consoles/timeline.ts';
import { useLanguage, useView, useViewSlice } from './hooks.ts';
import { LanguageSwitch } from './language-switch.ts';
import { Stars } from './stars.ts';
import { Tooltip } from './tooltip.ts';

export interface ReplayScreenProps {
  player: ReplayPlayer;
  actions: PlayerActions;
  title: string;
  startBoard(host: HTMLElement): Promise<BoardControls>;
  hover: { subscribe(fn: (h: { ref: string | null; x: number; y: number }) => void): () => void };
  onExit(): void;
}

function usePlayer(player: ReplayPlayer): ReplayPlayerState {
  const [state, setState] = useState(player.current);
  useEffect(() => player.subscribe(setState), [player]);
  return state;
}

function Verification({ state }: { state: ReplayPlayerState }) {
  const v = state.verification;
  const text = v === 'unfinished' ? t('replay.unfinished', { time: formatClock(state.finalStep * STEP_SECONDS) }) : t(`replay.${v}`);
  return h('span', { id: 'replay-verified', class: `verification ${v}`, 'data-verified': v, role: 'status' }, v === 'verified' ? `✓ ${text}` : v === 'pending' ? text : `⚠ ${text}`);
}

function Standing({ player }: { player: ReplayPlayer }) {
  useLanguage();
  const state = useViewSlice(player.view, (s) => `${s.match.step}|${s.match.board.team}`);
  const m = state.match;
  const team = m.teams.find((x) => x.id === m.board.team);
  if (!team) return null;
  // Before the first step nothing has been measured: an empty run is not a perfect one.
  if (m.simS === 0) return h('section', { class: 'replay-standing', id: 'replay-standing' }, h('h2', {}, t('replay.standing')), h('p', { class: 'muted' }, t('top.notStarted')));
  return h(
    'section',
    { class: 'replay-standing', id: 'replay-standing' },
    h('h2', {}, t('replay.standing')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('replay.score')),
      h('dd', {}, h('b', { id: 'replay-score' }, formatNumber(team.score)), ' ', h(Stars, { earned: team.stars })),
      h('dt', {}, t('replay.availability')),
      h('dd', {}, `${formatNumber(team.availability * 100, 2)}%`),
      h('dt', {}, t('replay.latency')),
      h('dd', {}, `${formatNumber(team.p95Ms)} ms`),
      h('dt', {}, t('replay.cost')),
      h('dd', {}, `${formatUsd(team.costUsd)} / ${formatUsd(team.budgetUsd, 0)}`),
    ),
  );
}

function Events({ player }: { player: ReplayPlayer }) {
  useLanguage();
  const state = useViewSlice(player.view, (s) => `${s.match.board.team}|${s.match.board.timeline.length}|${s.match.board.timeline.at(-1)?.tS}`);
  return h('section', { class: 'replay-events' }, h('h2', {}, t('replay.events')), h(Timeline, { state }));
}

function Charts({ player, actions, objectiveMs }: { player: ReplayPlayer; actions: PlayerActions; objectiveMs: number }) {
  useLanguage();
  const state = useViewSlice(player.view, (s) => `${s.match.board.team}|${s.match.board.series.length}|${s.match.board.series.at(-1)?.tS}|${s.match.board.revision}|${Math.floor(s.match.simS / 30)}`);
  return h('section', { class: 'dock open replay-charts', 'aria-label': t('replay.charts') }, h('div', { class: 'dock-body', id: 'console-cloudwatch' }, h(CloudWatch, { state, actions, objectiveMs, utilisationTitle: t('replay.utilisation') })));
}

function markerText(m: Marker): string {
  return t(`replay.marker.${m.kind}`, { time: formatClock(m.tS), what: sayEntry(m) });
}

/** One mark per step: what happened at the same moment is told in one title (a failure's colour wins). */
function markersByStep(markers: readonly Marker[]): { step: number; kind: Marker['kind']; text: string }[] {
  const byStep = new Map<number, Marker[]>();
  for (const m of markers) byStep.set(m.step, [...(byStep.get(m.step) ?? []), m]);
  return [...byStep.entries()].map(([step, list]) => ({ step, kind: list.some((m) => m.kind === 'failure') ? 'failure' : 'event', text: list.map(markerText).join('\n') }));
}

function PlayerBar({ player, state }: { player: ReplayPlayer; state: ReplayPlayerState }) {
  const last = Math.max(1, state.finalStep);
  const simS = state.step * STEP_SECONDS;
  return h(
    'footer',
    { class: 'replay-bar', id: 'replay-bar', 'data-step': state.step, 'data-playing': String(state.playing) },
    h('button', { id: 'replay-play', type: 'button', class: 'primary', 'aria-pressed': String(state.playing), onClick: () => player.toggle() }, state.playing ? `❚❚ ${t('replay.pause')}` : `▶ ${t('replay.play')}`),
    h(
      'div',
      { class: 'speeds', role: 'group', 'aria-label': t('replay.speed'), title: t('replay.speedHint') },
      REPLAY_SPEEDS.map((s) =>
        h('button', { key: s, type: 'button', class: state.speed === s ? 'on' : '', 'aria-pressed': String(state.speed === s), 'data-speed': s, title: `${formatNumber(Player.simSecondsPerSecond(s))} s/s`, onClick: () => player.setSpeed(s) }, `${s}×`),
      ),
    ),
    h('span', { id: 'replay-clock', class: 'replay-clock', 'data-sim-s': simS }, t('replay.clock', { now: formatClock(simS), end: formatClock(state.finalStep * STEP_SECONDS) })),
    h(
      'div',
      { class: 'replay-track' },
      h('input', {
        id: 'replay-slider',
        type: 'range',
        min: 0,
        max: state.finalStep,
        step: 1,
        value: state.step,
        'aria-label': t('replay.slider'),
        'aria-valuetext': formatClock(simS),
        onInput: (e: Event) => player.seek(Number((e.target as HTMLInputElement).value)),
      }),
      h(
        'div',
        { class: 'replay-markers', 'aria-label': t('replay.markers') },
        markersByStep(state.markers).map(({ step, kind, text }) =>
          h('button', {
            key: step,
            type: 'button',
            class: `replay-marker ${kind}`,
            'data-step': step,
            style: { left: `${(Math.min(step, last) / last) * 100}%` },
            title: text,
            'aria-label': text,
            onClick: () => player.seek(step),
          }),
        ),
      ),
    ),
  );
}

function TooltipSlice({ player, hover }: { player: ReplayPlayer; hover: { ref: string; x: number; y: number } }) {
  useLanguage();
  const state = useView(player.view);
  const r = state.model.byRef.get(hover.ref);
  return r ? h(Tooltip, { r, parts: state.model.pieces.get(r.ref)?.parts ?? [], x: hover.x, y: hover.y }) : null;
}

export function ReplayScreen(props: ReplayScreenProps) {
  const { player } = props;
  const lang = useLanguage();
  const state = usePlayer(player);
  const host = useRef<HTMLDivElement>(null);
  const board = useRef<BoardControls | null>(null);
  const [hover, setHover] = useState<{ ref: string | null; x: number; y: number }>({ ref: null, x: 0, y: 0 });
  const [busy, setBusy] = useState(false);

  useEffect(() => props.hover.subscribe(setHover), []);
  useEffect(() => {
    let gone = false;
    if (host.current) void props.startBoard(host.current).then((controls) => (gone ? controls.destroy() : (board.current = controls)));
    return () => {
      gone = true;
      board.current?.destroy();
    };
  }, []);
  useEffect(() => {
    const keys = (e: KeyboardEvent): void => {
      if (e.target instanceof HTMLInputElement && e.target.type !== 'range') return;
      // A focused button or list answers its own keys (Space presses the button).
      if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return;
      if (e.key === ' ') {
        e.preventDefault();
        player.toggle();
      } else if (e.key === 'Escape') props.onExit();
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, []);

  const scenario = player.cursor.match.scenario;
  const title = lang === 'ko' && scenario.ko?.title ? scenario.ko.title : props.title;
  const teams = player.cursor.match.teams;
  return h(
    'div',
    { class: 'replay' },
    h(
      'header',
      { class: 'topbar replay-top' },
      h('span', { class: 'pill replay-pill' }, t('replay.title')),
      h('span', { class: 'scenario-title', title }, title),
      player.rows.length > 1
        ? h(
            'label',
            { class: 'replay-team' },
            `${t('replay.team')} `,
            h(
              'select',
              {
                id: 'replay-team',
                value: state.row,
                disabled: busy,
                onChange: (e: Event) => {
                  setBusy(true);
                  void player.setRow(Number((e.target as HTMLSelectElement).value)).finally(() => setBusy(false));
                },
              },
              player.rows.map((r, i) => h('option', { key: i, value: i }, sayTeamName(teams[r.teamIndex]?.name ?? `#${r.teamIndex + 1}`))),
            ),
          )
        : h('span', { class: 'muted' }, sayTeamName(teams[player.row.teamIndex]?.name ?? '')),
      h(Verification, { state }),
      h('div', { class: 'top-tools' }, h(LanguageSwitch, {}), h('button', { id: 'replay-exit', type: 'button', onClick: props.onExit }, `✕ ${t('replay.exit')}`)),
    ),
    h(
      'div',
      { class: 'board-wrap' },
      h('div', { id: 'board', class: 'board', ref: host }),
      hover.ref ? h(TooltipSlice, { player, hover: { ref: hover.ref, x: hover.x, y: hover.y } }) : null,
    ),
    h('aside', { class: 'right replay-right' }, h('p', { class: 'muted replay-note' }, t('replay.readOnly')), h(Standing, { player }), h(Events, { player })),
    h(Charts, { player, actions: props.actions, objectiveMs: scenario.latencyObjectiveMs }),
    h(PlayerBar, { player, state }),
  );
}

/** While the replay is being prepared, or when it cannot be shown. */
export function ReplayNotice({ progress, error, onExit }: { progress: number | null; error: { code: string; message: string; detail?: string } | null; onExit(): void }) {
  useLanguage();
  return h(
    'main',
    { class: 'replay-notice' },
    h(
      'section',
      { class: 'briefing-card', role: error ? 'alert' : 'status' },
      error
        ? [
            h('h1', { key: 'h' }, t('replay.errorTitle')),
            h('p', { key: 'p', id: 'replay-error', 'data-code': error.code }, t(`replay.errors.${error.code}`, { defaultValue: error.message })),
            error.detail ? h('p', { key: 'd', class: 'muted' }, error.detail) : null,
            h('div', { key: 'b', class: 'buttons' }, h('button', { id: 'replay-exit', type: 'button', class: 'primary', onClick: onExit }, t('replay.back'))),
          ]
        : h('p', { id: 'replay-loading' }, t('replay.loading', { pct: formatNumber((progress ?? 0) * 100) })),
    ),
  );
}
