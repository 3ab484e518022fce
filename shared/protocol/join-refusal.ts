// Why a join did not seat the player, as a stable code the page translates: the matchmaker answers a code that
// names no room with its own English sentence (`room "X" not found`), which a player must never be shown raw.
import { joinRefusalOf } from './classroom.ts';
import { levelJoinRefusalOf } from './levels.ts';
import { refusal, type Refusal } from './refusals.ts';

/** Colyseus's matchmaking answer for a room id it does not hold (MATCHMAKE_INVALID_ROOM_ID): gone, or locked. */
export const MATCHMAKE_INVALID_ROOM_ID = 522;

/**
 * `status` is the error's code as the SDK throws it (undefined when no answer came at all), `message` its text.
 * The room's own refusals (a bad nickname, a seat in use) keep their sentence as the detail.
 */
export function joinRefusal(status: number | undefined, message: string): Refusal {
  // The classroom's own refusals (a room locked after the start, a removed player's seat) by their status.
  const classroom = joinRefusalOf(status);
  if (classroom) return refusal(classroom);
  // A room asked for a published level that is not there (deleted, mistyped, or a version it never had).
  const level = levelJoinRefusalOf(status);
  if (level) return refusal(level);
  if (status === MATCHMAKE_INVALID_ROOM_ID) return refusal(/\blocked\b/.test(message) ? 'room-locked' : 'room-not-found');
  if (status === undefined || status === 0) return refusal('server-unreachable');
  return refusal('join-refused', message.slice(0, 200));
}
