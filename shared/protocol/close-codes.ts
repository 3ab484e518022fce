// WebSocket close codes the server ends a connection with, and what the client makes of each: shared so the
// room and the page never spell them apart. Colyseus's own (CloseCode in @colyseus/shared-types) come first.

export const CLOSE = {
  /** A normal close: sent for a leave the client asked for. */
  normal: 1000,
  /** The client asked to leave (Colyseus's CONSENTED); unasked, the room was closed on the server's side. */
  consented: 4000,
  /** The server is shutting down (Colyseus's SERVER_SHUTDOWN): its matches are checkpointed and come back. */
  serverShutdown: 4001,
  /** Colyseus ended the connection for an error (a flood past maxMessagesPerSecond, a stale duplicate). */
  withError: 4002,
  /** The seat was taken back with its credential from a newer connection (another window of the same player). */
  seatTakenElsewhere: 4409,
  /** The teacher removed the player from the room (shared/protocol/classroom.ts): final, no reconnection. */
  removedByHost: 4403,
  /** The room hit a fault and closed (see MatchRoom.onUncaughtException). */
  roomFault: 4500,
} as const;

/** What an ended connection means for the player. */
export type Ending = 'left' | 'restarting' | 'lost' | 'taken-elsewhere' | 'room-closed' | 'removed';

export function endingOf(code: number, askedToLeave: boolean): Ending {
  if (askedToLeave) return 'left';
  if (code === CLOSE.serverShutdown) return 'restarting';
  if (code === CLOSE.seatTakenElsewhere) return 'taken-elsewhere';
  if (code === CLOSE.removedByHost) return 'removed';
  if (code === CLOSE.consented || code === CLOSE.normal || code === CLOSE.roomFault) return 'room-closed';
  // A dropped network, a proxy gone, an error close: the seat is held; come back to it.
  return 'lost';
}
