// Who sees what of the wire state: a team's members their own board, the host every board and the IAM
// account, everyone the leaderboard. Colyseus sends view-tagged fields only to clients whose view holds them.
import { StateView } from '@colyseus/schema';
import type { MatchState } from './match-state.ts';

export function viewFor(state: MatchState, seat: { host: boolean; team: string | null; everyBoard?: boolean }): StateView {
  const view = new StateView();
  for (const [team, board] of state.boards) if (seat.host || seat.everyBoard || seat.team === team) view.add(board);
  if (seat.host) for (const account of state.account.values()) view.add(account);
  return view;
}
