// The weighted-canary level fails its naive design precisely for the bad release reaching all traffic: without the
// release both designs pass; with it, the switch of all traffic loses the release's error rate, a 10% canary kept
// in service loses a tenth of it (still too much), and the canary rolled back after ten minutes wins.

import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'weighted-canary')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);
const release = level.events.find((e) => e.type === 'release')!;
const errorShare = release.type === 'release' ? release.params.errorPct / 100 : 0;
const after = (level.durationS - release.atS) / level.durationS;

describe('weighted-canary', () => {
  const allAtOnce = runScenario(naive, level, { seed: 1 });
  const canary = runScenario(reference, level, { seed: 1 });

  it('without the bad release both designs pass: the naive one fails only because the release reaches all traffic', () => {
    const good = { ...level, events: level.events.filter((e) => e.type !== 'release') };
    expect(missed(runScenario(naive, good, { seed: 1 }))).toEqual([]);
    expect(missed(allAtOnce)).toEqual(['availability']);
    expect(1 - allAtOnce.availability).toBeCloseTo(errorShare * after, 3);
  });

  it('a canary left in service loses a tenth of it, still too much; rolled back within minutes it wins', () => {
    const kept = runScenario({ ...reference, actions: [] }, level, { seed: 1 });
    expect(1 - kept.availability).toBeCloseTo(0.1 * errorShare * after, 3);
    expect(missed(kept)).toEqual(['availability']);
    expect(missed(canary)).toEqual([]);
    expect(canary.score).toBeGreaterThan(allAtOnce.score);
    expect(canary.stars).toBe(3);
  });
});
