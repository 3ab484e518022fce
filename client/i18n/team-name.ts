// A team's name in the player's language. The server names teams "Team 1" … "Team N" when nobody chose a name
// (server/rooms/match-setup.ts, server/http/competition-routes.ts); those are said as the language numbers teams.
// A name someone chose is shown as written.
import { t } from './index.ts';

const DEFAULT_NAME = /^Team (\d+)$/;

export function sayTeamName(name: string): string {
  const numbered = DEFAULT_NAME.exec(name);
  return numbered ? t('teams.numbered', { number: numbered[1] }) : name;
}
