// The debrief's side-by-side boards (README: "A team never receives another team's board until the debrief,
// when every board is shown side by side"): each team's final design drawn small and read-only, with its rank
// and figures as the server sent them, in the server's ranking. For the students (from their results) and the
// teacher (from the console and the projector). It draws; it ranks and computes nothing.
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { formatNumber, formatUsd, t } from '../i18n/index.ts';
import { sayTeamName } from '../i18n/team-name.ts';
import type { MatchSnapshot, TeamSummary } from '../net/snapshot.ts';
import { MiniBoard } from './mini-board.ts';
import { Stars } from './stars.ts';
import './classroom-screens.css';

/** The teams in the server's order: by its rank, equal ranks in the match's team order. */
export function byRank(teams: readonly TeamSummary[]): TeamSummary[] {
  return teams.map((team, index) => ({ team, index })).sort((a, b) => a.team.rank - b.team.rank || a.index - b.index).map((x) => x.team);
}

export function BoardsSideBySide({ match }: { match: MatchSnapshot }) {
  const mine = match.me?.host ? null : match.board.team;
  return h(
    'ol',
    { class: 'debrief-boards', id: 'debrief-boards' },
    byRank(match.teams).map((team) => {
      const board = match.boards.find((b) => b.team === team.id);
      return h(
        'li',
        { key: team.id, class: `debrief-board ${team.id === mine ? 'mine' : ''}`, 'data-team': team.id, 'data-rank': team.rank },
        h(
          'div',
          { class: 'debrief-board-head' },
          h('span', { class: 'rank-badge' }, `#${team.rank}`),
          h('strong', {}, sayTeamName(team.name)),
          team.id === mine ? h('span', { class: 'pill' }, t('debrief.yours')) : null,
          h('span', { class: 'debrief-score' }, t('teacher.points', { points: formatNumber(team.score) })),
          h(Stars, { earned: team.stars }),
        ),
        h('p', { class: 'muted debrief-figures' }, t('debrief.figures', { pct: formatNumber(team.availability * 100, 3), ms: formatNumber(team.p95Ms), cost: formatUsd(team.costUsd) })),
        board ? (board.resources.length ? h(MiniBoard, { board, label: sayTeamName(team.name) }) : h('p', { class: 'muted debrief-empty' }, t('debrief.empty'))) : h('p', { class: 'muted debrief-empty' }, t('debrief.noBoard')),
      );
    }),
  );
}

/** The side-by-side boards over everything, closed with its button or Escape (back to where it was opened). */
export function DebriefBoards({ match, onClose }: { match: MatchSnapshot; onClose: () => void }) {
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), onClose());
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [onClose]);
  return h(
    'div',
    { class: 'debrief-backdrop' },
    h(
      'section',
      { class: 'debrief-sheet', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'debrief-boards-title' },
      h(
        'header',
        { class: 'debrief-sheet-head' },
        h('div', {}, h('h1', { id: 'debrief-boards-title' }, t('debrief.title')), h('p', { class: 'muted' }, t('debrief.intro'))),
        h('button', { type: 'button', class: 'close-x', id: 'debrief-boards-close', 'aria-label': t('common.close'), title: t('common.close'), onClick: onClose }, '×'),
      ),
      h(BoardsSideBySide, { match }),
    ),
  );
}
