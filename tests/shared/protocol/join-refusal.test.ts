import { describe, expect, it } from 'vitest';
import { joinRefusal, MATCHMAKE_INVALID_ROOM_ID } from '../../../shared/protocol/join-refusal.ts';
import { LEVEL_JOIN_REFUSAL } from '../../../shared/protocol/levels.ts';

// A join that did not seat the player has a stable code the page translates; the matchmaker's own sentence
// (`room "X" not found`) is never the message.
describe('a refused join', () => {
  it('says a code that names no room in its own words', () => {
    const r = joinRefusal(MATCHMAKE_INVALID_ROOM_ID, 'room "ZZZZZZ" not found');
    expect(r.code).toBe('room-not-found');
    expect(r.message).not.toContain('ZZZZZZ');
    expect(r.detail).toBeUndefined();
  });

  it('tells a locked room, an unreachable server and a room refusal apart', () => {
    expect(joinRefusal(MATCHMAKE_INVALID_ROOM_ID, 'room "ABCDEF" is locked').code).toBe('room-locked');
    expect(joinRefusal(undefined, 'Failed to fetch').code).toBe('server-unreachable');
    expect(joinRefusal(409, 'That seat is in use by a connected player.')).toMatchObject({ code: 'join-refused', detail: 'That seat is in use by a connected player.' });
  });

  it('says a published level that is not there, or a version it never had, by its own code', () => {
    expect(joinRefusal(LEVEL_JOIN_REFUSAL['unknown-level'], 'There is no published level with that code').code).toBe('unknown-level');
    expect(joinRefusal(LEVEL_JOIN_REFUSAL['unknown-level-version'], 'That level has no such version').code).toBe('unknown-level-version');
  });
});
