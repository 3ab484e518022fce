import { randomInt } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, roomCodeFrom } from '../../shared/protocol/room-code.ts';

// A room's code is its Colyseus room id, so "join by code" is the matchmaker's own joinById.
// 22^6 ≈ 113 million codes: collisions are rare, and checked against the rooms that exist.
export async function newRoomCode(): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = roomCodeFrom(Array.from({ length: ROOM_CODE_LENGTH }, () => randomInt(ROOM_CODE_ALPHABET.length)));
    const taken = await matchMaker.query({ roomId: code });
    if (taken.length === 0) return code;
  }
  throw new Error('could not find a free room code after 20 attempts');
}
