// The room's seats: who is connected as whom. A seat outlives a dropped connection (reconnection keeps it)
// and maps a client to the Actor the rules see.
import type { Actor } from '../../shared/match/match.ts';
import type { SeatView } from '../wire/project.ts';

export interface Seat {
  sessionId: string;
  actor: Actor;
  connected: boolean;
  /** Intents accepted into the queue in the current one-second window (the room's own rate limit). */
  window: { startedMs: number; count: number };
}

/** An IAM user name from a nickname: IAM allows letters, digits and +=,.@_- up to 64 characters. */
export function iamNameFor(nickname: string, taken: (name: string) => boolean): string {
  const base = nickname.replace(/[^\w+=,.@-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'player';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export function principalLabel(actor: Actor): string {
  if (actor.session) return `role/${actor.session.role}`;
  return actor.identity.kind === 'root' ? 'root' : `user/${actor.identity.name}`;
}

export function seatViews(seats: Iterable<Seat>): SeatView[] {
  return [...seats].map((s) => ({
    sessionId: s.sessionId,
    nickname: s.actor.nickname,
    team: s.actor.team,
    host: s.actor.host,
    connected: s.connected,
    principal: principalLabel(s.actor),
  }));
}

/** The team a new player joins: the one asked for if it exists, else the one with fewest players. */
export function teamForNewPlayer(teams: readonly { id: string }[], seats: Iterable<Seat>, asked: string | undefined): string | null {
  if (teams.length === 0) return null;
  if (asked && teams.some((t) => t.id === asked)) return asked;
  const counts = new Map(teams.map((t) => [t.id, 0]));
  for (const seat of seats) if (seat.actor.team && counts.has(seat.actor.team)) counts.set(seat.actor.team, counts.get(seat.actor.team)! + 1);
  return [...counts.entries()].sort((a, b) => a[1] - b[1])[0]![0];
}
