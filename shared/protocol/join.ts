import { z } from 'zod';
import { levelChoiceSchema } from './levels.ts';
import { NICKNAME_MAX_LENGTH } from './messages.ts';

// What a player sends when creating or joining a room. Checked by the room before it seats anyone.

const nickname = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(NICKNAME_MAX_LENGTH));

export const joinOptionsSchema = z.object({
  nickname,
  /** Classroom: the team the student picks (by id); omitted, the room assigns the smallest team. */
  team: z.string().min(1).max(64).optional(),
  /** A competition's host token: whoever presents it takes the teacher's seat. */
  hostToken: z.string().min(1).max(128).optional(),
  /** The seat credential the room gave this player (message `seat`): back to that seat, after a restart too. */
  seat: z.string().min(16).max(128).optional(),
});

/** Most teams in one classroom match, and most players in one room. */
export const MAX_TEAMS = 40;
export const MAX_PLAYERS = 130;

export const createOptionsSchema = joinOptionsSchema.extend({
  /** Optional here: the server creates competition rooms itself, before anyone joins. */
  nickname: nickname.optional(),
  mode: z.enum(['solo', 'team', 'classroom']).default('team'),
  scenario: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).default('az-outage'),
  /** A published level to play instead of `scenario` (its latest version unless one is named). */
  level: levelChoiceSchema.optional(),
  /** Starting design: an example under assets/designs; omitted, the scenario's own or an empty board. */
  design: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  teams: z.number().int().min(1).max(MAX_TEAMS).optional(),
  /** Classroom: the competition this room runs (set by the teacher's console). */
  competition: z.string().max(64).optional(),
});

export type JoinOptions = z.infer<typeof joinOptionsSchema>;
export type CreateOptions = z.infer<typeof createOptionsSchema>;

export const JOIN_REFUSED_MESSAGE = `Choose a nickname of 1 to ${NICKNAME_MAX_LENGTH} characters.`;
