// What the room does about clients that send too much or read too little, before the rules see anything.
//
// Sending too much: the room takes MAX_INTENTS_PER_SECOND intents a second from one client. Past that, in the
// same one-second window, intents are dropped unread (not parsed, not queued, not logged) and counted, and the
// client is told once per window with the `rate-limited` refusal: a burst costs the server a counter per
// message and the client one message, and the sender's game goes on. Far past it, Colyseus itself closes the
// connection (MAX_MESSAGES_PER_SECOND, counted before a message is even decoded); the room's onDrop returns
// at once so that the socket really closes and the client sees it (and comes back with its token).
//
// Reading too little: a client whose socket holds more unsent bytes than SLOW_CLIENT_LIMIT_BYTES has stopped
// reading (or cannot keep up): it is dropped before its backlog grows the server's memory. Its seat is held for
// reconnection as for any drop.
import type { Client } from '@colyseus/core';

/**
 * The room's own limit: intents past this many a second are dropped, and their sender told. Each player gesture
 * is one intent (placing a whole VPC included), so this counts what a person does, and a refusal never leaves
 * half a gesture applied.
 */
export const MAX_INTENTS_PER_SECOND = 12;
/** Colyseus closes a client past this many messages (of any kind) a second: a flood, not a player. */
export const MAX_MESSAGES_PER_SECOND = 120;
export const SLOW_CLIENT_LIMIT_BYTES = Number(process.env.SLOW_CLIENT_LIMIT_BYTES) || 2 * 1024 * 1024;

const WINDOW_MS = 1000;

/** What to do with an intent: queue it, drop it and tell the sender (the window's first drop), or drop it. */
export type Admission = 'accept' | 'refuse' | 'drop';

interface Window {
  startedMs: number;
  accepted: number;
  dropped: number;
}

export class TransportGuard {
  private windows = new Map<string, Window>();

  admit(sessionId: string, nowMs: number): Admission {
    let window = this.windows.get(sessionId);
    if (!window || nowMs - window.startedMs >= WINDOW_MS) {
      window = { startedMs: nowMs, accepted: 0, dropped: 0 };
      this.windows.set(sessionId, window);
    }
    if (window.accepted < MAX_INTENTS_PER_SECOND) {
      window.accepted++;
      return 'accept';
    }
    window.dropped++;
    return window.dropped === 1 ? 'refuse' : 'drop';
  }

  /** The client left for good: its window goes with it. */
  forget(sessionId: string): void {
    this.windows.delete(sessionId);
  }

  /** Drops clients whose unsent backlog passed the limit. */
  dropSlowClients(clients: Iterable<Client>, roomId: string): void {
    for (const client of clients) {
      const socket = client.ref as { bufferedAmount?: number; terminate?: () => void } | undefined;
      if ((socket?.bufferedAmount ?? 0) <= SLOW_CLIENT_LIMIT_BYTES) continue;
      console.warn(`room ${roomId}: dropping ${client.sessionId}, ${socket?.bufferedAmount} bytes unsent`);
      // terminate(), not close(): a close frame would only queue behind the backlog.
      socket?.terminate?.();
    }
  }
}
