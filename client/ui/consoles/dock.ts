// The consoles' dock under the board: one tab per console; a click opens or closes it. The teacher of a classroom
// competition has one more, first: the competition console (kept here, not in the view-model's consoles).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import type { SavedCompetition } from '../../net/competition-store.ts';
import type { ConsoleId, MatchView, MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { CloudFormation } from './cloudformation.ts';
import { Competition } from './competition.ts';
import { CloudTrail } from './trail.ts';
import { CloudWatch } from './cloudwatch.ts';
import { CostExplorer } from './cost.ts';
import { Iam } from './iam.ts';
import { Sns } from './sns.ts';
import { Teams } from './teams.ts';
import { Timeline } from './timeline.ts';
import { Vpc } from './vpc.ts';

const TABS: { id: ConsoleId; key: string }[] = [
  { id: 'cloudwatch', key: 'W' },
  { id: 'cost', key: 'B' },
  { id: 'trail', key: 'T' },
  { id: 'vpc', key: 'V' },
  { id: 'cloudformation', key: 'F' },
  { id: 'iam', key: 'I' },
  { id: 'sns', key: 'N' },
  { id: 'timeline', key: 'E' },
  { id: 'teams', key: 'L' },
];

export const CONSOLE_KEYS = Object.fromEntries(TABS.map((tab) => [tab.key.toLowerCase(), tab.id])) as Record<string, ConsoleId>;

/** The classroom host's competition: its console opens at first and again when the match ends. */
export interface DockCompetition {
  competition: SavedCompetition;
  onLeave(): void;
  /** The replay viewer for one team (its index in the match), given the competition's replay.json. */
  onWatchTeam: ((replay: unknown, team: number) => void) | null;
}

export function Dock({ state, view, actions, objectiveMs, competition }: { state: MatchViewState; view: MatchView; actions: PlayerActions; objectiveMs: number | undefined; competition?: DockCompetition | null }) {
  const [competitionOpen, setCompetitionOpen] = useState(!!competition);
  // Another console opened (a tab or its key): the competition console gives way.
  useEffect(() => {
    if (state.console !== null) setCompetitionOpen(false);
  }, [state.console]);
  useEffect(() => {
    if (competition && state.match.phase === 'results') {
      view.openConsole(null);
      setCompetitionOpen(true);
    }
  }, [state.match.phase]);
  const open = competition && competitionOpen ? 'competition' : state.console;
  const openCompetition = () => {
    if (competitionOpen) return setCompetitionOpen(false);
    if (state.console !== null) view.openConsole(null);
    setCompetitionOpen(true);
  };
  let body = null;
  if (open === 'competition' && competition) body = h(Competition, { view, actions, competition: competition.competition, onLeave: competition.onLeave, onWatchTeam: competition.onWatchTeam });
  if (open === 'cloudwatch') body = h(CloudWatch, { state, actions, objectiveMs });
  if (open === 'cost') body = h(CostExplorer, { state, actions });
  if (open === 'trail') body = h(CloudTrail, { state, actions });
  if (open === 'vpc') body = h(Vpc, { state, actions });
  if (open === 'cloudformation') body = h(CloudFormation, { state, actions });
  if (open === 'iam') body = h(Iam, { state, actions });
  if (open === 'sns') body = h(Sns, { state, actions });
  if (open === 'timeline') body = h(Timeline, { state });
  if (open === 'teams') body = h(Teams, { state, view });
  return h(
    'section',
    { class: `dock ${open ? 'open' : ''}`, 'aria-label': t('consoles.title') },
    h(
      'div',
      { class: `tabs ${competition ? 'with-competition' : ''}` },
      // A tablist holds tabs only (WAI-ARIA): the close button sits beside it, in the same row.
      h(
        'div',
        { class: 'tab-list', role: 'tablist', 'aria-label': t('consoles.title') },
      competition
        ? h(
            'button',
            { key: 'competition', type: 'button', role: 'tab', id: 'tab-competition', 'aria-selected': String(open === 'competition'), class: `competition-tab ${open === 'competition' ? 'on' : ''}`, onClick: openCompetition },
            t('teacher.tab'),
          )
        : null,
      TABS.filter((tab) => tab.id !== 'teams' || state.match.teams.length > 1).map((tab) =>
        h(
          'button',
          { key: tab.id, type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-selected': String(open === tab.id), class: open === tab.id ? 'on' : '', onClick: () => (setCompetitionOpen(false), view.openConsole(open === tab.id ? null : tab.id)) },
          t(`consoles.${tab.id}`),
          h('kbd', {}, tab.key),
        ),
      ),
      ),
      open ? h('button', { type: 'button', class: 'ghost dock-close', 'aria-label': t('common.close'), onClick: () => (setCompetitionOpen(false), view.openConsole(null)) }, '▾') : null,
    ),
    // The panel takes focus itself (tabindex 0), so a keyboard can scroll a console with nothing focusable in it.
    open ? h('div', { class: 'dock-body', role: 'tabpanel', id: `console-${open}`, 'aria-labelledby': `tab-${open}`, tabIndex: 0 }, body) : null,
  );
}
