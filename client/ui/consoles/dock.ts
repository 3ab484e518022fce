// The consoles' dock under the board: one tab per console; a click opens or closes it.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import type { ConsoleId, MatchView, MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import type { UtilisationHistory } from '../../view/utilisation-history.ts';
import { CloudFormation } from './cloudformation.ts';
import { CloudTrail } from './trail.ts';
import { CloudWatch } from './cloudwatch.ts';
import { CostExplorer } from './cost.ts';
import { Iam } from './iam.ts';
import { Teams } from './teams.ts';
import { Timeline } from './timeline.ts';

const TABS: { id: ConsoleId; key: string }[] = [
  { id: 'cloudwatch', key: 'W' },
  { id: 'cost', key: 'B' },
  { id: 'trail', key: 'T' },
  { id: 'cloudformation', key: 'F' },
  { id: 'iam', key: 'I' },
  { id: 'timeline', key: 'E' },
  { id: 'teams', key: 'L' },
];

export const CONSOLE_KEYS = Object.fromEntries(TABS.map((tab) => [tab.key.toLowerCase(), tab.id])) as Record<string, ConsoleId>;

export function Dock({ state, view, actions, utilisation, objectiveMs }: { state: MatchViewState; view: MatchView; actions: PlayerActions; utilisation: UtilisationHistory; objectiveMs: number | undefined }) {
  const open = state.console;
  let body = null;
  if (open === 'cloudwatch') body = h(CloudWatch, { state, actions, utilisation, objectiveMs });
  if (open === 'cost') body = h(CostExplorer, { state });
  if (open === 'trail') body = h(CloudTrail, { state, actions });
  if (open === 'cloudformation') body = h(CloudFormation, { state, actions });
  if (open === 'iam') body = h(Iam, { state, actions });
  if (open === 'timeline') body = h(Timeline, { state });
  if (open === 'teams') body = h(Teams, { state, view });
  return h(
    'section',
    { class: `dock ${open ? 'open' : ''}`, 'aria-label': t('consoles.title') },
    h(
      'div',
      { class: 'tabs', role: 'tablist' },
      TABS.filter((tab) => tab.id !== 'teams' || state.match.teams.length > 1).map((tab) =>
        h(
          'button',
          { key: tab.id, type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-selected': String(open === tab.id), class: open === tab.id ? 'on' : '', onClick: () => view.openConsole(tab.id) },
          t(`consoles.${tab.id}`),
          h('kbd', {}, tab.key),
        ),
      ),
      open ? h('button', { type: 'button', class: 'ghost dock-close', 'aria-label': t('common.close'), onClick: () => view.openConsole(null) }, '▾') : null,
    ),
    open ? h('div', { class: 'dock-body', role: 'tabpanel', id: `console-${open}` }, body) : null,
  );
}
