import { describe, expect, it } from 'vitest';
import { MAX_INTENTS_PER_SECOND, TransportGuard } from '../../server/rooms/transport-guard.ts';

// The room's own rate window: a bounded counter per client, one answer per window, whatever the burst.
describe('the transport guard', () => {
  it('accepts up to the limit in a second, answers the first intent past it, drops the rest, and starts afresh the next second', () => {
    const guard = new TransportGuard();
    const burst = Array.from({ length: 200 }, () => guard.admit('flooder', 1_000));
    expect(burst.filter((a) => a === 'accept')).toHaveLength(MAX_INTENTS_PER_SECOND);
    expect(burst.filter((a) => a === 'refuse')).toHaveLength(1);
    expect(burst.filter((a) => a === 'drop')).toHaveLength(200 - MAX_INTENTS_PER_SECOND - 1);
    // Another client is not held back by the flooder.
    expect(guard.admit('bystander', 1_010)).toBe('accept');
    expect(guard.admit('flooder', 1_999)).toBe('drop');
    expect(guard.admit('flooder', 2_000)).toBe('accept');
  });
});
