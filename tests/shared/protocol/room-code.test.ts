import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOM_CODE_ALPHABET, isRoomCode, normalizeRoomCode, roomCodeFrom } from '../../../shared/protocol/room-code.ts';

describe('room codes', () => {
  it('use no ambiguous characters', () => {
    for (const c of '0O1IL5S2Z8BUV') expect(ROOM_CODE_ALPHABET).not.toContain(c);
    expect(new Set(ROOM_CODE_ALPHABET).size).toBe(ROOM_CODE_ALPHABET.length);
  });

  it('are six characters of the alphabet, whatever integers they come from', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 6, maxLength: 6 }), (ints) => {
        expect(isRoomCode(roomCodeFrom(ints))).toBe(true);
      }),
    );
  });

  it('accept what a player typed in lower case with spaces, and nothing else', () => {
    expect(isRoomCode(normalizeRoomCode('  acd3fg '))).toBe(true);
    expect(isRoomCode('ACD3F')).toBe(false);
    expect(isRoomCode('ACD3FO')).toBe(false);
    expect(isRoomCode('ACD3FGH')).toBe(false);
  });
});
