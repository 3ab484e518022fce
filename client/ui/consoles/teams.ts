// The leaderboard of a match with several teams: each team's score, stars, availability, latency and spend;
// the host can look at any team's board from here.
import { h } from 'preact';
import { formatNumber, formatUsd, t } from '../../i18n/index.ts';
import { sayTeamName } from '../../i18n/team-name.ts';
import type { MatchView, MatchViewState } from '../../view/match-view.ts';
import { byRank } from '../debrief-boards.ts';
import { Stars } from '../stars.ts';

export function Teams({ state, view }: { state: MatchViewState; view: MatchView }) {
  // In the server's ranking (shared/match/team-rank.ts), not sorted here.
  const teams = byRank(state.match.teams);
  const host = state.match.me?.host === true;
  const seen = new Set(state.match.boards.map((b) => b.team));
  return h(
    'div',
    { class: 'console teams' },
    h(
      'table',
      { class: 'table', id: 'leaderboard' },
      h('thead', {}, h('tr', {}, ['#', t('teams.team'), t('teams.score'), t('teams.stars'), t('teams.availability'), 'p95', t('teams.cost'), t('teams.members'), ''].map((c, i) => h('th', { key: i }, c)))),
      h(
        'tbody',
        {},
        teams.map((team) =>
          h(
            'tr',
            { key: team.id, class: team.id === state.match.board.team ? 'current' : '' },
            h('td', {}, String(team.rank)),
            h('td', {}, sayTeamName(team.name)),
            h('td', {}, h('strong', {}, formatNumber(team.score))),
            h('td', {}, h(Stars, { earned: team.stars })),
            h('td', {}, `${formatNumber(team.availability * 100, 2)}%`),
            h('td', {}, `${formatNumber(team.p95Ms)} ms`),
            h('td', {}, `${formatUsd(team.costUsd)} / ${formatUsd(team.budgetUsd, 0)}`),
            h('td', {}, String(team.members)),
            h('td', {}, host && seen.has(team.id) ? h('button', { type: 'button', disabled: team.id === state.match.board.team, onClick: () => view.viewBoardOf(team.id) }, t('teams.view')) : null),
          ),
        ),
      ),
    ),
  );
}
