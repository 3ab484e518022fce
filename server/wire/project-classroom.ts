// The classroom's room settings on the wire: whether it takes late joiners, whether the build time starts the
// match, and the players the teacher removed (by the id they are let back by). Written here only (DESIGN §7.4).
import type { ClassroomSettings } from '../rooms/classroom-controls.ts';
import { PlayerState, type MatchState } from './match-state.ts';
import type { SeatView } from './project.ts';

export function projectClassroom(state: MatchState, settings: ClassroomSettings, removed: readonly SeatView[]): void {
  if (state.lateJoins !== settings.lateJoins) state.lateJoins = settings.lateJoins;
  if (state.autoStart !== settings.autoStart) state.autoStart = settings.autoStart;
  const present = new Set(removed.map((s) => s.sessionId));
  for (const seat of removed) {
    const player = state.removedPlayers.get(seat.sessionId) ?? new PlayerState();
    if (player.nickname !== seat.nickname) player.nickname = seat.nickname;
    if (player.team !== (seat.team ?? '')) player.team = seat.team ?? '';
    if (!state.removedPlayers.has(seat.sessionId)) state.removedPlayers.set(seat.sessionId, player);
  }
  for (const id of [...state.removedPlayers.keys()]) if (!present.has(id)) state.removedPlayers.delete(id);
}
