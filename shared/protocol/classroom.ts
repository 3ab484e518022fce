import { z } from 'zod';
import { NICKNAME_MAX_LENGTH } from './messages.ts';
import { REFUSALS, refusal, type Refusal } from './refusals.ts';

// The teacher's controls of a classroom's room, as opposed to its match: who may sit in it (remove a player,
// let one back, rename one) and whether it takes students once the clock has started. Pausing everyone is the
// match clock's own pause (shared/match/clock.ts: one clock for every team). Only the host may send these; the
// room checks the shape here and decides with the rules below, so a refusal is one of REFUSALS' codes.

const playerId = z.string().min(1).max(64);
const nickname = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(NICKNAME_MAX_LENGTH));

export const classroomCommandSchema = z.discriminatedUnion('op', [
  /** Takes a player out of the room: disconnected now, and their seat refuses them until they are let back. */
  z.strictObject({ op: z.literal('remove'), player: playerId }),
  /** Lets a removed player come back to their own seat (with the seat credential their browser keeps). */
  z.strictObject({ op: z.literal('letBack'), player: playerId }),
  /** A player's name as everyone sees it: the lobby, the teams, the leaderboard and the exports. */
  z.strictObject({ op: z.literal('rename'), player: playerId, nickname }),
  /** Whether new students may still join once the clock has started (before it, anyone with the code may). */
  z.strictObject({ op: z.literal('lateJoins'), allowed: z.boolean() }),
]);

export type ClassroomCommand = z.infer<typeof classroomCommandSchema>;

/** The answer to a classroom command, sent to the teacher who made it. */
export type ClassroomAnswer = { ok: true } | { ok: false; refusal: Refusal };

export function parseClassroomCommand(payload: unknown): { ok: true; command: ClassroomCommand } | { ok: false; refusal: Refusal } {
  const parsed = classroomCommandSchema.safeParse(payload);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, refusal: refusal('malformed', issue ? `${issue.path.join('.') || 'op'}: ${issue.message}` : undefined) };
}

/** A seat as the classroom rules see it. */
export interface RosterSeat {
  id: string;
  host: boolean;
  /** Set while the player is removed: the id the teacher lets them back by. */
  removed: boolean;
}

/** Whether a command may be made, and on which seat: the rules, apart from the room that carries them out. */
export function checkClassroomCommand(sender: { host: boolean } | undefined, command: ClassroomCommand, seats: readonly RosterSeat[]): Refusal | undefined {
  if (!sender?.host) return refusal('host-only');
  if (command.op === 'lateJoins') return undefined;
  const seat = seats.find((s) => s.id === command.player);
  if (!seat) return refusal('unknown-player', command.player);
  if (seat.host) return refusal('host-seat', command.op);
  if (command.op === 'remove' && seat.removed) return refusal('already-removed', command.player);
  if (command.op === 'letBack' && !seat.removed) return refusal('not-removed', command.player);
  if (command.op === 'rename' && seat.removed) return refusal('already-removed', command.player);
  return undefined;
}

/**
 * Why a join is refused by the classroom's rules, as a stable code the page translates (refusals.<code>, by shared/protocol/join-refusal.ts):
 * a room locked after the start, or a removed player's seat. Sent as the join error's status, in a range of
 * its own so the page never mistakes it for a transport error.
 */
export const JOIN_REFUSAL = { 'room-locked': 4423, removed: 4403 } as const;
export type JoinRefusalCode = keyof typeof JOIN_REFUSAL;

/** The server's sentence for each, the refusals table's own (the page says it from the code). */
export const JOIN_REFUSAL_TEXT: Record<JoinRefusalCode, string> = { 'room-locked': REFUSALS['room-locked'], removed: REFUSALS.removed };

export function joinRefusalOf(status: unknown): JoinRefusalCode | undefined {
  return (Object.keys(JOIN_REFUSAL) as JoinRefusalCode[]).find((code) => JOIN_REFUSAL[code] === status);
}

/** Whether a new player (not one coming back to a seat) may sit down now. */
export function admitsNewPlayer(room: { lateJoins: boolean; phase: string }): boolean {
  return room.lateJoins || room.phase === 'build';
}
