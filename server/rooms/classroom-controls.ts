// The teacher's controls of a classroom's room (shared/protocol/classroom.ts): remove a player, let one back,
// rename one, lock the room to late joiners; and the build time that starts the match by itself. The rules are
// shared/'s; this file carries them out on the room's seats and keeps what a restart must not lose.
import type { Client } from '@colyseus/core';
import { admitsNewPlayer, checkClassroomCommand, parseClassroomCommand, type ClassroomAnswer } from '../../shared/protocol/classroom.ts';
import { CLOSE } from '../../shared/protocol/close-codes.ts';
import type { MatchClock } from '../../shared/match/clock.ts';
import type { SeatPolicy } from './seats.ts';

/** What a checkpoint keeps of a classroom's room: its lock and its build-time deadline (epoch ms; 0: none yet). */
export interface ClassroomSettings {
  lateJoins: boolean;
  autoStart: boolean;
  buildEndsAtMs: number;
}

export const OPEN_ROOM: ClassroomSettings = { lateJoins: true, autoStart: false, buildEndsAtMs: 0 };

/** Settings read back from a checkpoint: anything missing or odd is the open room's default. */
export function storedSettings(raw: unknown): ClassroomSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ClassroomSettings, unknown>>;
  return {
    lateJoins: typeof r.lateJoins === 'boolean' ? r.lateJoins : OPEN_ROOM.lateJoins,
    autoStart: r.autoStart === true,
    buildEndsAtMs: typeof r.buildEndsAtMs === 'number' && Number.isFinite(r.buildEndsAtMs) ? r.buildEndsAtMs : 0,
  };
}

export interface ClassroomRoom {
  seats: SeatPolicy;
  settings: ClassroomSettings;
  clientBySession(sessionId: string): Client | undefined;
  /** A renamed player's competition record (their row in the exports). */
  recordRename(recordedAs: string, nickname: string): void;
  changed(): void;
}

/** One command from a client: refused unless the sender is the host and the rules allow it; a refusal changes nothing. */
export function applyClassroomCommand(room: ClassroomRoom, sender: { host: boolean } | undefined, payload: unknown): ClassroomAnswer {
  const parsed = parseClassroomCommand(payload);
  if (!parsed.ok) return { ok: false, refusal: parsed.refusal };
  const { command } = parsed;
  const refused = checkClassroomCommand(sender, command, room.seats.roster());
  if (refused) return { ok: false, refusal: refused };
  switch (command.op) {
    case 'lateJoins':
      room.settings.lateJoins = command.allowed;
      break;
    case 'remove': {
      const connected = room.seats.remove(command.player);
      // Told why, and not reconnected: the page shows "removed by your instructor".
      if (connected) room.clientBySession(connected)?.leave(CLOSE.removedByHost, 'Your instructor removed you from this room.');
      break;
    }
    case 'letBack':
      room.seats.letBack(command.player);
      break;
    case 'rename': {
      const seat = room.seats.rename(command.player, command.nickname);
      if (seat?.recordedAs) room.recordRename(seat.recordedAs, command.nickname);
      break;
    }
  }
  room.changed();
  return { ok: true };
}

/** Whether the room takes a new player now. */
export function admitsNew(settings: ClassroomSettings, clock: MatchClock): boolean {
  return admitsNewPlayer({ lateJoins: settings.lateJoins, phase: clock.phase });
}

/**
 * Whether the build time has run out and the match should start by itself: the teacher chose it, the clock
 * still waits in the build phase, and somebody is in the room to play (a restored room whose deadline passed
 * while the server was down starts when its first player is back, not in an empty room).
 */
export function buildTimeIsUp(settings: ClassroomSettings, clock: MatchClock, nowMs: number, present: number): boolean {
  return settings.autoStart && clock.phase === 'build' && settings.buildEndsAtMs > 0 && nowMs >= settings.buildEndsAtMs && present > 0;
}
