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

type Audience = { host: boolean; team: string | null; everyBoard?: boolean };

/**
 * The views of one room, one per audience, shared by everyone in it: Colyseus encodes a patch once per
 * distinct view, so thirty teammates cost one encoding instead of thirty. A view is filled once, when made
 * (a room's boards are all there from its start), and never changed afterwards: a shared view must not be,
 * because a view's pending changes go to the first of its clients encoded while no state has changed.
 */
export class SharedViews {
  private readonly byAudience = new Map<string, StateView>();

  for(state: MatchState, seat: Audience): StateView {
    const key = seat.host ? 'host' : seat.everyBoard ? 'every-board' : `team:${seat.team}`;
    let view = this.byAudience.get(key);
    if (!view) {
      view = viewFor(state, seat);
      this.byAudience.set(key, view);
    }
    return view;
  }
}
