// The projector view: what the teacher puts on the classroom's big screen. Before the match, the join code (with
// its label and a copy button) and link in large type and the lobby filling up by name, team by team; once it
// runs, a large leaderboard in the server's ranking, which the teacher may hide (only on this screen: students'
// screens do not change) and show again; at the end, every team's board side by side. It shows only what the
// server sent (players, teams, ranks, scores) and computes nothing.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n/index.ts';
import { sayTeamName } from '../i18n/team-name.ts';
import type { SavedCompetition } from '../net/competition-store.ts';
import type { MatchView, MatchViewState } from '../view/match-view.ts';
import { CopyButton } from './copy-button.ts';
import { BoardsSideBySide, byRank } from './debrief-boards.ts';
import { useViewSlice } from './hooks.ts';
import { Stars } from './stars.ts';
import './classroom-screens.css';

function projectorKey(s: MatchViewState): string {
  const m = s.match;
  return [
    m.phase,
    m.players.map((p) => `${p.sessionId}:${p.nickname}:${p.team}:${p.host}:${p.connected}`).join(),
    m.teams.map((x) => `${x.id}:${x.name}:${x.rank}:${x.score}:${x.stars}:${x.availability}`).join(),
    m.boards.map((b) => `${b.team}:${b.revision}`).join(),
  ].join('|');
}

function JoinBlock({ competition, large }: { competition: SavedCompetition; large: boolean }) {
  return h(
    'div',
    { class: `projector-join ${large ? 'large' : ''}` },
    h(
      'div',
      { class: 'projector-code' },
      h('span', { class: 'label', id: 'projector-code-label' }, t('teacher.code')),
      h('div', { class: 'row' }, h('strong', { id: 'projector-code', 'aria-labelledby': 'projector-code-label' }, competition.code), h(CopyButton, { text: competition.code, id: 'projector-copy-code', label: t('teacher.code') })),
    ),
    h('div', { class: 'projector-link' }, h('span', { class: 'label' }, t('projector.joinAt')), h('strong', { id: 'projector-link' }, competition.joinUrl)),
  );
}

function Lobby({ state }: { state: MatchViewState }) {
  const m = state.match;
  const students = m.players.filter((p) => !p.host);
  return h(
    'section',
    { class: 'projector-lobby', id: 'projector-lobby', 'aria-live': 'polite' },
    h('h2', {}, students.length ? t('projector.joined', { count: students.length }) : t('projector.nobody')),
    h(
      'ul',
      { class: 'projector-teams' },
      m.teams.map((team) =>
        h(
          'li',
          { key: team.id, 'data-team': team.id },
          h('h3', {}, sayTeamName(team.name)),
          h('ul', { class: 'projector-names' }, students.filter((p) => p.team === team.id).map((p) => h('li', { key: p.sessionId, class: p.connected ? '' : 'away' }, p.nickname))),
        ),
      ),
    ),
  );
}

function Leaderboard({ state }: { state: MatchViewState }) {
  return h(
    'ol',
    { class: 'projector-leaderboard', id: 'projector-leaderboard' },
    byRank(state.match.teams).map((team) =>
      h(
        'li',
        { key: team.id, 'data-team': team.id, 'data-rank': team.rank },
        h('span', { class: 'rank-badge' }, `#${team.rank}`),
        h('strong', { class: 'projector-team' }, sayTeamName(team.name)),
        h(Stars, { earned: team.stars, size: 'large' }),
        h('span', { class: 'projector-availability' }, `${formatNumber(team.availability * 100, 3)}%`),
        h('span', { class: 'projector-score' }, t('teacher.points', { points: formatNumber(team.score) })),
      ),
    ),
  );
}

export function Projector({ view, competition, title, onClose }: { view: MatchView; competition: SavedCompetition; title: string; onClose: () => void }) {
  const state = useViewSlice(view, projectorKey);
  const [board, setBoard] = useState(true);
  const root = useRef<HTMLDivElement>(null);
  const m = state.match;
  const lobby = m.phase === 'build';
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && !document.fullscreenElement && (e.stopPropagation(), onClose());
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [onClose]);
  const fullscreen = () => void root.current?.requestFullscreen?.().catch(() => undefined);
  return h(
    'div',
    { class: 'projector', id: 'projector', ref: root, role: 'dialog', 'aria-modal': 'true', 'aria-label': t('projector.title'), 'data-phase': m.phase },
    h(
      'div',
      { class: 'projector-controls' },
      h('span', { class: `phase ${m.phase}` }, t(`phase.${m.phase}`)),
      lobby ? null : h('button', { type: 'button', id: 'projector-toggle', 'aria-pressed': String(!board), onClick: () => setBoard(!board) }, board ? t('projector.hide') : t('projector.show')),
      h('button', { type: 'button', id: 'projector-fullscreen', onClick: fullscreen }, t('projector.fullscreen')),
      h('button', { type: 'button', class: 'close-x', id: 'projector-close', 'aria-label': t('projector.close'), title: t('projector.close'), onClick: onClose }, '×'),
    ),
    h('h1', { class: 'projector-title' }, title),
    h(JoinBlock, { competition, large: lobby }),
    lobby
      ? h(Lobby, { state })
      : board
        ? h('section', { class: 'projector-board' }, h('h2', {}, t('projector.leaderboard')), h(Leaderboard, { state }), m.phase === 'results' ? h('div', { class: 'projector-debrief' }, h('h2', {}, t('projector.boards')), h(BoardsSideBySide, { match: m })) : null)
        : h('p', { class: 'projector-hidden', id: 'projector-hidden' }, t('projector.hidden')),
  );
}
