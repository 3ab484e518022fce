// Room codes are what players read aloud across a classroom: six characters from an alphabet without the
// letters and digits people confuse (0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V).
export const ROOM_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY3479';
export const ROOM_CODE_LENGTH = 6;

const ROOM_CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Upper-cases and trims what a player typed, so "  acd3fg " joins room "ACD3FG". */
export function normalizeRoomCode(typed: string): string {
  return typed.trim().toUpperCase();
}

export function isRoomCode(code: string): boolean {
  return ROOM_CODE_PATTERN.test(code);
}

/** Builds a code from random integers (the caller owns the randomness: shared/ has no entropy of its own). */
export function roomCodeFrom(randomInts: readonly number[]): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) {
    const n = randomInts[i] ?? 0;
    code += ROOM_CODE_ALPHABET[((n % ROOM_CODE_ALPHABET.length) + ROOM_CODE_ALPHABET.length) % ROOM_CODE_ALPHABET.length];
  }
  return code;
}
