// Where a seated player's way back to their seat is kept: in this tab's sessionStorage, so reloading the page
// returns the player to their seat while another tab is another player. Two keys: the SDK's reconnection
// token (the room holds a dropped seat a minute for it) and the seat credential the room sent this client
// alone (good for as long as the room lives, across a server restart too), with the nickname to present it.
const KEY = 'five-nines.seat';

export interface SavedSeat {
  code: string;
  token: string;
  credential?: string;
  nickname?: string;
  savedAt: number;
}

/** How long the room keeps a dropped seat for its token (server/rooms/match-room.ts RECONNECT_SECONDS). */
const SEAT_KEPT_MS = 60_000;

export function saveSeat(seat: Omit<SavedSeat, 'savedAt'>): void {
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify({ ...seat, savedAt: Date.now() } satisfies SavedSeat));
}

export function savedSeat(): SavedSeat | null {
  try {
    const seat = JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? 'null') as SavedSeat | null;
    if (!seat || typeof seat.token !== 'string' || typeof seat.code !== 'string') return null;
    return seat;
  } catch {
    return null;
  }
}

export function forgetSeat(): void {
  globalThis.sessionStorage?.removeItem(KEY);
}

let lastTouch = 0;

/** Keeps the saved time fresh while the page is open, so a reload within the minute finds the seat. */
export function touchSeat(now = Date.now()): void {
  if (now - lastTouch < 5000) return;
  lastTouch = now;
  const seat = savedSeat();
  if (seat) saveSeat(seat);
}

/** Whether a reload should try to sit down again: with a credential always (the room says if it is gone). */
export function seatMayStillBeHeld(seat: SavedSeat, now = Date.now()): boolean {
  return (seat.credential !== undefined && seat.nickname !== undefined) || now - seat.savedAt < SEAT_KEPT_MS;
}

/**
 * Whether a failed return to the saved seat means the seat is gone for good (the room no longer exists, the
 * credential is not its, the token expired with no credential to follow), rather than a server unreachable or
 * restarting, after which the next load tries again. Matchmaking answers carry Colyseus's codes (522: no such
 * room, 524: token expired) or the room's own (403: not this room's seat).
 */
export function seatIsGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 522 || code === 524 || code === 403 || code === 400;
}
