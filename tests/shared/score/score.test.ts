import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NINES, ninesOf, scoreRun, type RunMeasures, type ScoringRules } from '../../../shared/score/index.ts';

describe('nines', () => {
  it('counts nines of availability', () => {
    expect(ninesOf(0.9)).toBeCloseTo(1, 2);
    expect(ninesOf(0.99)).toBeCloseTo(2, 2);
    expect(ninesOf(0.999)).toBeCloseTo(3, 2);
    expect(ninesOf(0.99999)).toBeCloseTo(5, 2);
    expect(ninesOf(0.995)).toBeCloseTo(2.301, 2);
    expect(ninesOf(1)).toBe(MAX_NINES);
    expect(ninesOf(0)).toBe(0);
    expect(ninesOf(Number.NaN)).toBe(0);
  });

  it('is within 0.01 of −log10(1 − a) and never decreases', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999999, noNaN: true }), fc.double({ min: 0.001, max: 0.999999, noNaN: true }), (a, b) => {
        const exact = -Math.log10(1 - a);
        if (Math.abs(ninesOf(a) - exact) > 0.01) return false;
        return a <= b ? ninesOf(a) <= ninesOf(b) + 1e-12 : ninesOf(a) >= ninesOf(b) - 1e-12;
      }),
    );
  });
});

const rules: ScoringRules = {
  latencyObjectiveMs: 200,
  budgetUsd: 100,
  objectives: [
    { id: 'up', primary: true, metric: 'availability', comparison: '>=', target: 0.99 },
    { id: 'fast', primary: false, metric: 'latencyP95', comparison: '<=', target: 200 },
    { id: 'profit', primary: false, metric: 'profit', comparison: '>', target: 0 },
  ],
  stars: [400, 600, 800],
};
const good: RunMeasures = { requests: 1e6, served: 999_000, latencyP50Ms: 50, latencyP95Ms: 150, latencyP99Ms: 300, costUsd: 50, revenueUsd: 80 };

describe('scoreRun', () => {
  it('scores availability, latency and cost', () => {
    const r = scoreRun(good, rules);
    expect(r.availability).toBeCloseTo(0.999, 12);
    expect(r.parts.availability).toBeCloseTo(300, 0);
    // Latency and cost count for the 99.9% of requests served.
    expect(r.parts.latency).toBeCloseTo(249.75, 9);
    expect(r.parts.cost).toBeCloseTo(249.75, 9);
    expect(r.score).toBeCloseTo(799.5, 1);
    expect(r.objectives.map((o) => o.met)).toEqual([true, true, true]);
    expect(r.objectives[2]!.value).toBe(30);
  });

  it('gives no star when a primary objective is missed, whatever the score', () => {
    const r = scoreRun({ ...good, served: 980_000 }, rules);
    expect(r.objectives[0]!.met).toBe(false);
    expect(r.score).toBeGreaterThan(400);
    expect(r.stars).toBe(0);
  });

  it('loses latency points beyond the objective and cost points beyond half the budget', () => {
    const slow = scoreRun({ ...good, latencyP95Ms: 400 }, rules);
    expect(slow.parts.latency).toBeCloseTo(125 * 0.999, 9);
    const dear = scoreRun({ ...good, costUsd: 100 }, rules);
    expect(dear.parts.cost).toBeCloseTo(125 * 0.999, 9);
    expect(scoreRun({ ...good, costUsd: 150 }, rules).parts.cost).toBe(0);
  });

  it('gives one star per threshold reached', () => {
    expect(scoreRun(good, { ...rules, stars: [100, 200, 900] }).stars).toBe(2);
    expect(scoreRun(good, { ...rules, stars: [100, 200, 300] }).stars).toBe(3);
  });

  it('gives latency and cost points only in proportion to the requests served', () => {
    // A design that serves nothing (a VPC alone): fast at "p95 0 ms" and cheap, and worth nothing for it.
    const nothing = scoreRun({ ...good, served: 0, latencyP50Ms: 0, latencyP95Ms: 0, latencyP99Ms: 0, costUsd: 0, revenueUsd: 0 }, rules);
    expect(nothing.score).toBe(0);
    expect(nothing.stars).toBe(0);
    // And its latency objective is missed, not met at "0 ms": nothing was measured.
    const latency = { id: 'latency', primary: false, metric: 'latencyP95' as const, comparison: '<=' as const, target: 120 };
    const withLatency = { ...rules, objectives: [...rules.objectives, latency] };
    expect(scoreRun({ ...good, served: 0, latencyP95Ms: 0 }, withLatency).objectives.find((o) => o.id === 'latency')!.met).toBe(false);
    expect(scoreRun({ ...good, latencyP95Ms: 80 }, withLatency).objectives.find((o) => o.id === 'latency')!.met).toBe(true);
    expect(scoreRun({ ...good, requests: 0, served: 0, latencyP95Ms: 0 }, withLatency).objectives.find((o) => o.id === 'latency')!.met).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (share, p95, cost) => {
        const r = scoreRun({ ...good, served: Math.floor(share * good.requests), latencyP95Ms: p95, costUsd: cost }, rules);
        // Under a fifth served: under a nine of availability (≤ ~97 points), and speed and thrift scaled by the share.
        return r.score < 200 && r.parts.latency <= 250 * share + 1e-9 && r.parts.cost <= 250 * share + 1e-9;
      }),
    );
  });

  it('counts a run without requests as available', () => {
    expect(scoreRun({ ...good, requests: 0, served: 0 }, rules).availability).toBe(1);
  });
});
