import { z } from 'zod';
import { NICKNAME_MAX_LENGTH } from './messages.ts';

// What a player sends when creating or joining a room. Checked by the room before it seats anyone.
export const joinOptionsSchema = z.object({
  nickname: z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1).max(NICKNAME_MAX_LENGTH)),
});

export type JoinOptions = z.infer<typeof joinOptionsSchema>;

export const JOIN_REFUSED_MESSAGE = `Choose a nickname of 1 to ${NICKNAME_MAX_LENGTH} characters.`;
