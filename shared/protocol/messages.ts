// Message type names on the wire, shared by the room and the client so neither spells them alone.
export const MESSAGE = {
  /** Client → server: one intent (see intents.ts). */
  intent: 'intent',
  /** Server → the sender: its intent was refused (see refusals.ts). */
  refused: 'refused',
} as const;

/** The room every mode plays in. */
export const MATCH_ROOM = 'match';

/** An intent whose JSON is longer than this is refused as too large (the transport's hard limit is far above). */
export const MAX_INTENT_BYTES = 4096;

/** Nicknames: what players call themselves in the lobby and the audit log. */
export const NICKNAME_MAX_LENGTH = 24;
