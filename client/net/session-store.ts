// Where a seated player's reconnection token is kept: in this tab's sessionStorage, so reloading the page
// returns the player to their seat (the room holds it for a minute) while another tab is another player.
const KEY = 'five-nines.seat';

export interface SavedSeat {
  code: string;
  token: string;
  savedAt: number;
}

/** How long the room keeps a dropped seat (server/rooms/match-room.ts RECONNECT_SECONDS). */
const SEAT_KEPT_MS = 60_000;

export function saveSeat(code: string, token: string): void {
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify({ code, token, savedAt: Date.now() } satisfies SavedSeat));
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
  if (seat) saveSeat(seat.code, seat.token);
}

export function seatMayStillBeHeld(seat: SavedSeat, now = Date.now()): boolean {
  return now - seat.savedAt < SEAT_KEPT_MS;
}
