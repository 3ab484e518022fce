import { describe, expect, it } from 'vitest';
import { CLOSE, endingOf } from '../../../shared/protocol/close-codes.ts';

// What the page makes of each way its connection ends: repaired by itself, or told as final.
describe('the close codes', () => {
  it.each([
    [1006, 'lost'], // the network went, or the server died
    [1001, 'lost'],
    [4010, 'lost'], // the browser went offline (the SDK's MAY_TRY_RECONNECT)
    [CLOSE.withError, 'lost'], // Colyseus cut a flood: the seat is held, come back
    [CLOSE.serverShutdown, 'restarting'],
    [CLOSE.consented, 'room-closed'], // closed on the server's side without being asked
    [CLOSE.roomFault, 'room-closed'],
    [CLOSE.seatTakenElsewhere, 'taken-elsewhere'],
  ] as const)('reads %i as %s', (code, ending) => {
    expect(endingOf(code, false)).toBe(ending);
  });

  it('reads any close after the player asked to leave as a leave', () => {
    expect(endingOf(1006, true)).toBe('left');
    expect(endingOf(CLOSE.consented, true)).toBe('left');
  });
});
