// The proof of every shipped scenario: its reference design meets every primary objective, its naive design
// misses one, and the naive one fails the way a player can see coming (no collapse in the first minutes,
// warning signs first). Every live hint of a scenario shows in one of the two runs. One run per design, in
// this process (the CLI test checks the same list through `npm run sim`).

import { describe, expect, it } from 'vitest';
import { kindAllowed, startingManifest, type Scenario } from '../../../shared/scenario/index.ts';
import { runLevel } from '../../../shared/match/run-match.ts';
import type { RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, campaign, loadAssetDesign, assetPathOf } from './files.ts';

const SEED = 1;
const scenarios = allScenarios();
const runs = new Map<string, { reference: RunResult; naive: RunResult }>();

function runsOf(s: Scenario) {
  let r = runs.get(s.id);
  if (!r) {
    r = {
      // A level whose actions name players is played through the room's rules, as the CLI plays it.
      reference: runLevel(loadAssetDesign(s.solutions!.reference), s, { seed: SEED }),
      naive: runLevel(loadAssetDesign(s.solutions!.naive), s, { seed: SEED }),
    };
    runs.set(s.id, r);
  }
  return r;
}

const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);

/** The first minute in which more than 1% of the users' requests failed, or undefined. */
function firstFailingMinute(r: RunResult): number | undefined {
  return r.series.find((p) => p.requests > 0 && p.errors / p.requests > 0.01)?.tS;
}

/** The first sign a player could read: a live hint, an alarm, a budget alert, an announcement or event. */
function firstWarning(r: RunResult): number {
  const signs = [
    ...r.hintsShown.map((h) => h.tS),
    ...r.timeline.filter((e) => e.tS > 0 && (e.kind === 'alarm' || e.kind === 'budget' || e.kind === 'event')).map((e) => e.tS),
  ];
  return Math.min(Infinity, ...signs);
}

describe('every shipped scenario is proven', () => {
  it('names a reference and a naive design', () => {
    for (const s of scenarios) expect(s.solutions, s.id).toBeDefined();
  });

  for (const s of scenarios) {
    describe(s.id, () => {
      it('its reference design meets every primary objective', () => {
        const { reference } = runsOf(s);
        expect(missed(reference), `${s.id} reference`).toEqual([]);
        expect(reference.stars).toBeGreaterThan(0);
      });

      it('its naive design misses at least one primary objective', () => {
        const { naive } = runsOf(s);
        expect(missed(naive).length, `${s.id} naive`).toBeGreaterThan(0);
        expect(naive.stars).toBe(0);
      });

      it('builds its proofs and its starting board from the kinds it allows', () => {
        const paths = [assetPathOf(s.solutions!.reference), assetPathOf(s.solutions!.naive), ...(startingManifest(s) ? [startingManifest(s)!] : [])];
        for (const path of paths) {
          const kinds = new Set(loadAssetDesign(path).resources.map((r) => r.kind));
          expect([...kinds].filter((k) => !kindAllowed(s, k)), path).toEqual([]);
        }
      });

      it('shows every live hint in one of the two runs', () => {
        const { reference, naive } = runsOf(s);
        const shown = new Set([...reference.hintsShown, ...naive.hintsShown].map((h) => h.id));
        expect(s.liveHints.map((h) => h.id).filter((id) => !shown.has(id))).toEqual([]);
      });
    });
  }
});

describe('the campaign', () => {
  const levels = campaign();

  it('has at least twelve levels, numbered 1, 2, 3, … in teaching order', () => {
    expect(levels.length).toBeGreaterThanOrEqual(12);
    expect(levels.map((s) => s.campaign!.order)).toEqual(levels.map((_, i) => i + 1));
    expect(levels[0]!.id).toBe('one-web-server');
    expect(levels.at(-1)!.id).toBe('black-friday-in-three-regions');
  });

  it('plays each level in 6 to 15 real minutes at normal speed (20 simulated seconds a second)', () => {
    for (const s of levels) {
      expect(s.durationS / 20, s.id).toBeGreaterThanOrEqual(6 * 60);
      expect(s.durationS / 20, s.id).toBeLessThanOrEqual(15 * 60);
    }
  });

  it('speaks English and Korean: title, teaching goal, briefing hints, live hints, objectives', () => {
    for (const s of levels) {
      expect(s.ko?.title, s.id).toBeTruthy();
      expect(s.ko?.teachingGoal, s.id).toBeTruthy();
      expect(s.teachingGoal, s.id).toBeTruthy();
      expect(s.ko?.hints?.length, s.id).toBe(s.hints.length);
      for (const h of s.liveHints) expect(h.text.ko, `${s.id}/${h.id}`).toBeTruthy();
      for (const o of s.objectives) expect(o.descriptionKo, `${s.id}/${o.id}`).toBeTruthy();
      for (const e of s.events) {
        if (e.announce) expect(e.announce.messageKo, s.id).toBeTruthy();
        if (e.type === 'announcement') expect(e.params.messageKo, s.id).toBeTruthy();
      }
    }
  });

  for (const s of levels) {
    it(`${s.id}: the naive design does not collapse early, and warning signs come before its failure`, () => {
      const { naive } = runsOf(s);
      const first = naive.series.slice(0, 5);
      const requests = first.reduce((n, p) => n + p.requests, 0);
      const errors = first.reduce((n, p) => n + p.errors, 0);
      expect(errors / requests, 'errors in the first five minutes').toBeLessThan(0.01);
      const failure = firstFailingMinute(naive);
      if (failure !== undefined) expect(firstWarning(naive), `${s.id}: warning before the failure at ${failure} s`).toBeLessThan(failure);
      else expect(firstWarning(naive), `${s.id}: a warning before the end`).toBeLessThan(s.durationS);
    });
  }
});
