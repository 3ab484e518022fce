// A slowing dependency behind a connection pool: attempts beyond the pool's capacity fail, retries add attempts,
// and a user's request fails only when every attempt does.
import { describe, expect, it } from 'vitest';
import { attemptFailShare, dependencyLatencyMs, erlangB } from '../../../shared/sim/dependency.ts';

describe('dependency slowdown', () => {
  it('ramps the latency from fromMs to toMs over rampS, then holds', () => {
    const p = { fromMs: 40, toMs: 440, rampS: 4000 };
    expect(dependencyLatencyMs(p, 1000, 1000)).toBe(40);
    expect(dependencyLatencyMs(p, 1000, 3000)).toBe(240);
    expect(dependencyLatencyMs(p, 1000, 9000)).toBe(440);
  });

  it("Erlang's loss formula: the share of calls that find every connection busy", () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 9);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 9);
  });

  it('fails almost nothing while the pool is lightly used, more and more as it fills', () => {
    // 20 connections, calls of 1 s: 8 calls a second keep 40% busy.
    expect(attemptFailShare(8, 1000, 20, 2)).toBeLessThan(0.001);
    expect(attemptFailShare(12, 1000, 20, 2)).toBeGreaterThan(attemptFailShare(8, 1000, 20, 2));
    expect(attemptFailShare(0, 1000, 20, 2)).toBe(0);
  });

  it('retries are attempts too: the share solves p = B(c, calls × (1 + p + p²) × latency)', () => {
    const p = attemptFailShare(18, 1000, 20, 2);
    expect(erlangB(20, 18 * (1 + p + p * p))).toBeCloseTo(p, 6);
    expect(p).toBeGreaterThan(erlangB(20, 18));
  });

  it('users see far fewer failures than the log shows: p^(retries+1)', () => {
    // 60% busy: about 1% of the calls log an ERROR, about one request in a million fails.
    const p = attemptFailShare(12, 1000, 20, 2);
    expect(p).toBeGreaterThan(0.005);
    expect(p ** 3).toBeLessThan(0.00001);
  });
});
