// The top bar: the scenario and its clock, the host's controls (start, pause, speed, end), the team's live
// standing, undo and help, the language, and who is in the room.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isFinishing, MAX_SPEED, MIN_SPEED } from '../../shared/match/clock.ts';
import { formatClock, formatNumber, formatUsd, t } from '../i18n/index.ts';
import { buildSecondsLeft, formatBuildTime } from '../view/build-countdown.ts';
import type { MatchViewState, MatchView } from '../view/match-view.ts';
import { watchesOnly } from '../view/permissions.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { LanguageSwitch } from './language-switch.ts';
import { Stars } from './stars.ts';
import { Chaos } from './chaos.ts';
import { CopyButton } from './copy-button.ts';

const SPEEDS = [1, 2, 4, 8].filter((s) => s >= MIN_SPEED && s <= MAX_SPEED);

/** A competition's planned build time, counted down each second for everyone in the room; at zero it says so. */
function BuildCountdown({ phase, endsAtMs }: { phase: string; endsAtMs: number }) {
  const [now, setNow] = useState(Date.now());
  const left = buildSecondsLeft(phase, endsAtMs, now);
  useEffect(() => {
    if (left === null || left === 0) return;
    // The next whole second of what is left, so the figure turns over on time.
    const timer = setTimeout(() => setNow(Date.now()), ((endsAtMs - Date.now()) % 1000) + 20);
    return () => clearTimeout(timer);
  }, [now, endsAtMs, phase]);
  if (left === null) return null;
  return h(
    'span',
    { id: 'build-countdown', class: `build-countdown ${left === 0 ? 'up' : left <= 60 ? 'soon' : ''}`, 'data-left': left, title: t('top.buildTimeHint'), role: 'timer' },
    left === 0 ? t('top.buildTimeUp') : t('top.buildTime', { time: formatBuildTime(left) }),
  );
}

export function TopBar({ state, view, actions, canUndo, title }: { state: MatchViewState; view: MatchView; actions: PlayerActions; canUndo: boolean; title: string }) {
  const m = state.match;
  const host = m.me?.host === true;
  const team = m.teams.find((x) => x.id === m.board.team) ?? m.teams[0];
  const progress = m.durationS > 0 ? Math.min(1, m.simS / m.durationS) : 0;
  const clock = (command: 'start' | 'pause' | 'resume' | 'end') => actions.send({ type: 'clock', command });
  // Ended early: the rest is being played out as built, and nothing can be changed any more.
  const finishing = isFinishing(m);
  const phase = finishing ? 'finishing' : m.phase;
  // A host's bar with the chaos controls in it: the one that has to give up the most when narrow (styles.css).
  const crowded = host && m.mode !== 'solo' && (m.phase === 'running' || m.phase === 'paused');
  return h(
    'header',
    { class: `topbar ${crowded ? 'crowded' : ''} ${watchesOnly(m) ? 'teacher' : ''}` },
    h('span', { class: 'brand' }, t('app.name')),
    h('span', { class: 'scenario-title', title }, title),
    h('span', { id: 'phase', class: `phase ${phase}`, 'data-phase': phase }, t(`phase.${phase}`)),
    h(
      'div',
      { class: 'clock', title: `${t('top.clockHint')}: ${formatClock(m.simS)} / ${formatClock(m.durationS)}` },
      h('span', { id: 'sim-clock' }, formatClock(m.simS), h('span', { class: 'clock-length' }, ` / ${formatClock(m.durationS)}`)),
      h('span', { class: 'progress', 'aria-hidden': 'true' }, h('span', { style: { width: `${progress * 100}%` } })),
    ),
    h(BuildCountdown, { phase: m.phase, endsAtMs: m.buildEndsAtMs }),
    host && !finishing
      ? h(
          'div',
          { class: 'host-controls', role: 'group', 'aria-label': t('top.hostControls') },
          m.phase === 'build' ? h('button', { id: 'clock-start', type: 'button', class: 'primary', onClick: () => clock('start') }, `▶ ${t('top.start')}`) : null,
          m.phase === 'running' ? h('button', { id: 'clock-pause', type: 'button', title: t('top.pause'), 'aria-label': t('top.pause'), onClick: () => clock('pause') }, '❚❚ ', h('span', { class: 'label' }, t('top.pause'))) : null,
          m.phase === 'paused' ? h('button', { id: 'clock-resume', type: 'button', class: 'primary', title: t('top.resume'), 'aria-label': t('top.resume'), onClick: () => clock('resume') }, '▶ ', h('span', { class: 'label' }, t('top.resume'))) : null,
          m.phase !== 'results'
            ? h(
                'div',
                { class: 'speeds', role: 'group', 'aria-label': t('top.speed') },
                SPEEDS.map((s) => h('button', { key: s, type: 'button', class: m.speed === s ? 'on' : '', 'aria-pressed': String(m.speed === s), 'data-speed': s, onClick: () => actions.send({ type: 'speed', speed: s }) }, `${s}×`)),
              )
            : null,
          (m.phase === 'running' || m.phase === 'paused') && m.mode !== 'solo' ? h(Chaos, { state, actions }) : null,
          m.phase === 'running' || m.phase === 'paused' ? h('button', { id: 'clock-end', type: 'button', class: 'ghost', onClick: () => confirm(t('top.endConfirm')) && clock('end') }, t('top.end')) : null,
        )
      : finishing
        ? null
        : h('span', { class: 'muted speed-readout' }, `${m.speed}×`),
    team && m.phase !== 'build'
      ? h(
          'div',
          { class: 'standing', id: 'standing' },
          h('span', { title: t('top.scoreHint') }, h('b', {}, formatNumber(team.score)), h('span', { class: 'pts-label' }, ` ${t('top.points')}`)),
          h(Stars, { earned: team.stars }),
          h('span', { title: t('top.availabilityHint') }, `${formatNumber(team.availability * 100, 2)}%`),
          h('span', { class: 'p95', title: t('top.latencyHint') }, `p95 ${formatNumber(team.p95Ms)} ms`),
          h('span', { class: team.budgetUsd > 0 && team.costUsd > team.budgetUsd ? 'over' : '', title: t('top.costHint') }, `${formatUsd(team.costUsd)} / ${formatUsd(team.budgetUsd, 0)}`),
        )
      : h('div', { class: 'standing muted', id: 'standing' }, t('top.notStarted')),
    h(
      'div',
      { class: 'top-tools' },
      // A classroom's teacher builds nothing, so has nothing to undo.
      watchesOnly(m) ? null : h('button', { id: 'undo', type: 'button', class: 'ghost', disabled: !canUndo, title: t('top.undoHint'), onClick: () => actions.undo() }, '↶'),
      h('button', { id: 'help', type: 'button', class: 'ghost', title: t('help.title'), onClick: () => view.toggleHelp() }, '?'),
      h(LanguageSwitch, {}),
      // The room's code, named, with a copy button: what a player reads out or pastes to bring others in.
      h(
        'span',
        { class: 'room', id: 'room-code' },
        h('span', { class: 'room-label' }, t('top.roomCode')),
        h('strong', { id: 'room-code-display', class: 'code', title: t('top.roomCode') }, m.code),
        h(CopyButton, { text: m.code, id: 'room-code-copy', label: t('top.roomCode'), compact: true }),
      ),
      h(Players, { players: m.players }),
    ),
  );
}

/** Two heads, drawn (no emoji font on every machine). */
const peopleIcon = () =>
  h(
    'svg',
    { width: 14, height: 12, viewBox: '0 0 18 14', 'aria-hidden': 'true', fill: 'currentColor', style: { verticalAlign: '-1px' } },
    h('circle', { cx: 6, cy: 4, r: 3 }),
    h('path', { d: 'M0 13c0-3.3 2.7-5 6-5s6 1.7 6 5z' }),
    h('circle', { cx: 13, cy: 4.5, r: 2.5 }),
    h('path', { d: 'M11.5 8.3c.5-.2 1-.3 1.5-.3 2.8 0 5 1.4 5 4.5h-4.6c-.3-1.8-1-3.2-1.9-4.2z' }),
  );

/** Up to this many players the chips fit beside the room code; more, and they fold into a count with a list. */
const CHIPS_SHOWN = 2;

function Players({ players }: { players: MatchViewState['match']['players'] }) {
  const chips = h(
    'ul',
    { id: 'players', class: 'players', 'aria-label': t('top.players') },
    players.map((p) =>
      h('li', { key: p.sessionId, class: p.connected ? '' : 'away', title: `${p.principal}${p.host ? ` · ${t('top.host')}` : ''}` }, `${p.host ? '★ ' : ''}${p.nickname}${p.connected ? '' : ` (${t('top.away')})`}`),
    ),
  );
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = menu.current;
      if (el?.open && (e.type === 'keydown' ? (e as KeyboardEvent).key === 'Escape' : !el.contains(e.target as Node))) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  if (players.length <= CHIPS_SHOWN) return chips;
  const away = players.filter((p) => !p.connected).length;
  // A disclosure: the count always fits the bar, the whole list opens under it (Esc or a click outside closes it).
  return h(
    'details',
    { class: 'players-menu', id: 'players-menu', ref: menu },
    // Named by its words, not an aria-label: a label must contain the visible text, and Korean's "…3명" does not
    // contain a lone "3" (axe's label-content-name-mismatch).
    h(
      'summary',
      { title: t('top.playersCount', { count: players.length }) },
      peopleIcon(),
      h('span', { 'aria-hidden': 'true' }, ` ${players.length}`),
      h('span', { class: 'visually-hidden' }, t('top.playersCount', { count: players.length })),
      away > 0 ? h('span', { class: 'away-count' }, ` (${away} ${t('top.away')})`) : null,
    ),
    chips,
  );
}
