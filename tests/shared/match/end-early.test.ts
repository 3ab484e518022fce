import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatch } from '../../../shared/match/create.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Actor, Match } from '../../../shared/match/match.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { standingOf } from '../../../shared/sim/standing.ts';
import { exampleDesign, exampleScenario, host } from '../../support/match-fixtures.ts';

// Ending a match early must never score better than playing it out (issue 16: a match ended after 55
// simulated seconds showed 1,000 points). The rest is played out as built, so the score measures the whole
// scenario: the same worlds, the same score, as if nobody had pressed End.

function newMatch(): Match {
  return createMatch({ mode: 'solo', scenario: exampleScenario('az-outage'), seed: 11, design: exampleDesign('single-instance'), teams: [{ id: 'red', name: 'red' }] });
}

function tick(match: Match, actor: Actor, intents: MatchIntent[], steps: number) {
  return runTick(match, intents.map((intent, seq) => ({ seq, actor, intent, wallMs: 0 })), steps, 0, new Map());
}

describe('ending a match early', () => {
  const playedOut = newMatch();
  tick(playedOut, host(), [{ type: 'clock', command: 'start' }], playedOut.clock.endStep);
  const full = standingOf(playedOut.teams[0]!.world);

  it('plays the rest out as built: the same worlds and score as playing on without actions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: playedOut.clock.endStep - 1 }), fc.integer({ min: 1, max: 400 }), (endAt, chunk) => {
        const match = newMatch();
        tick(match, host(), [{ type: 'clock', command: 'start' }], endAt);
        tick(match, host(), [{ type: 'clock', command: 'end' }], 0);
        expect(match.clock).toMatchObject({ phase: 'running', endedAtStep: endAt });
        // Played out in chunks, as the room's turns do at the finishing speed.
        while (match.clock.phase !== 'results') tick(match, host(), [], chunk);
        expect(match.clock.step).toBe(match.clock.endStep);
        const ended = standingOf(match.teams[0]!.world);
        expect(ended.score).toBe(full.score);
        expect(ended.stars).toBe(full.stars);
        expect(hashWorld(match.teams[0]!.world)).toBe(hashWorld(playedOut.teams[0]!.world));
      }),
      { numRuns: 4 },
    );
  }, 60_000);

  it('refuses every change while the rest is played out, and the refusal changes nothing', () => {
    const match = newMatch();
    tick(match, host(), [{ type: 'clock', command: 'start' }], 100);
    tick(match, host(), [{ type: 'clock', command: 'end' }], 0);
    const before = hashWorld(match.teams[0]!.world);
    const stack = match.teams[0]!.world.design.stacks[0]!.name;
    const attempts: MatchIntent[] = [
      { type: 'createResource', stack, kind: 'bucket', logicalId: 'Late', props: { websiteHosting: false } },
      { type: 'clock', command: 'pause' },
      { type: 'speed', speed: 8 },
      { type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 600, params: { zone: 'us-east-1a' } }, teams: ['red'] },
    ];
    const { applied } = tick(match, host(), attempts, 0);
    for (const { result } of applied) expect(result).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    expect(match.clock).toMatchObject({ phase: 'running', step: 100, endedAtStep: 100 });
  });

  it('a design that serves nothing scores near zero, however early or late it ends', () => {
    const match = createMatch({ mode: 'solo', scenario: exampleScenario('az-outage'), seed: 11, design: { stacks: [], resources: [], unmodelled: [], actions: [] }, teams: [{ id: 'red', name: 'red' }] });
    tick(match, host(), [{ type: 'clock', command: 'start' }], 30);
    tick(match, host(), [{ type: 'clock', command: 'end' }], match.clock.endStep);
    expect(match.clock.phase).toBe('results');
    expect(standingOf(match.teams[0]!.world).score).toBeLessThan(100);
  });
});
