// The top bar: the scenario and its clock, the host's controls (start, pause, speed, end), the team's live
// standing, undo and help, the language, and who is in the room.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isFinishing, MAX_SPEED, MIN_SPEED } from '../../shared/match/clock.ts';
import { formatClock, formatNumber, formatUsd, t } from '../i18n/index.ts';
import { buildSecondsLeft, formatBuildTime } from '../view/build-countdown.ts';
import type { MatchViewState, MatchView } from '../view/match-view.ts';
import { watchesOnly } from '../view/permissions.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { LanguageSwitch } from './language-switch.ts';
import { Stars } from './stars.ts';
import { Chaos } from './chaos.ts';

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
          h('span', { title: t('top.latencyHint') }, `p95 ${formatNumber(team.p95Ms)} ms`),
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
      h('span', { class: 'room', title: t('top.room') }, h('strong', { id: 'room-code-display', class: 'code' }, m.code)),
      h(
        'ul',
        { id: 'players', class: 'players', 'aria-label': t('top.players') },
        m.players.map((p) =>
          h('li', { key: p.sessionId, class: p.connected ? '' : 'away', title: `${p.principal}${p.host ? ` · ${t('top.host')}` : ''}` }, `${p.host ? '★ ' : ''}${p.nickname}${p.connected ? '' : ` (${t('top.away')})`}`),
        ),
      ),
    ),
  );
}
