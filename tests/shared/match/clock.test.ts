import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandClock, FINISH_SPEED, isFinishing, newClock, restoredClock, stepsOwed, tickClock, STEPS_PER_SECOND_AT_1X, type MatchClock } from '../../../shared/match/clock.ts';

describe('the match clock', () => {
  it('goes build → running → paused → running, and ending early plays the rest out before the results', () => {
    let clock = newClock(100);
    for (const command of ['start', 'pause', 'resume'] as const) {
      const result = commandClock(clock, { command });
      expect(result.ok).toBe(true);
      if (result.ok) clock = result.clock;
    }
    clock = { ...clock, step: 40 };
    const ended = commandClock(clock, { command: 'end' });
    if (!ended.ok) throw new Error('end refused');
    clock = ended.clock;
    // Ended at step 40 of 100: still running, at the finishing speed, to the scenario's end.
    expect(clock).toMatchObject({ phase: 'running', endedAtStep: 40 });
    expect(isFinishing(clock)).toBe(true);
    expect(stepsOwed(clock, 1000, 0).steps).toBe(Math.min(60, STEPS_PER_SECOND_AT_1X * FINISH_SPEED));
    while (clock.phase !== 'results') clock = tickClock(clock);
    expect(clock.step).toBe(100);
    expect(isFinishing(clock)).toBe(false);
  });

  it('restores a running match paused, but one being played out running on to its end', () => {
    const running: MatchClock = { ...newClock(100), phase: 'running', step: 10 };
    expect(restoredClock(running).phase).toBe('paused');
    const finishing: MatchClock = { ...running, endedAtStep: 10 };
    expect(restoredClock(finishing)).toEqual(finishing);
    expect(stepsOwed(restoredClock(finishing), 1000, 0).steps).toBeGreaterThan(0);
  });

  it('refuses every clock command while an ended match is played out', () => {
    const finishing: MatchClock = { ...newClock(100), phase: 'running', step: 10, endedAtStep: 10 };
    for (const command of ['start', 'pause', 'resume', 'end'] as const) {
      expect(commandClock(finishing, { command })).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    }
    expect(commandClock(finishing, { command: 'speed', speed: 2 })).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
  });

  it('refuses commands out of phase and speeds out of range', () => {
    const clock = newClock(100);
    expect(commandClock(clock, { command: 'pause' })).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    expect(commandClock(clock, { command: 'resume' })).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    expect(commandClock(clock, { command: 'speed', speed: 9 })).toMatchObject({ ok: false });
    expect(commandClock(clock, { command: 'speed', speed: 1.5 })).toMatchObject({ ok: false });
    expect(commandClock(clock, { command: 'speed', speed: 8 })).toMatchObject({ ok: true, clock: { speed: 8 } });
  });

  it('owes no steps unless running, and ends in results at the last step', () => {
    const clock = newClock(3);
    expect(stepsOwed(clock, 10_000, 0).steps).toBe(0);
    const running = { ...clock, phase: 'running' as const };
    expect(stepsOwed(running, 10_000, 0).steps).toBe(3);
    expect(tickClock(tickClock(tickClock(running))).phase).toBe('results');
  });

  it('never drifts: however real time is sliced, the steps add up to elapsed × rate', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (slices, speed) => {
        let clock = { ...newClock(1_000_000), phase: 'running' as const, speed };
        let carry = 0;
        let steps = 0;
        for (const ms of slices) {
          const owed = stepsOwed(clock, ms, carry);
          carry = owed.carry;
          steps += owed.steps;
          clock = { ...clock, step: clock.step + owed.steps };
        }
        const total = slices.reduce((a, b) => a + b, 0);
        expect(steps).toBe(Math.floor((total * STEPS_PER_SECOND_AT_1X * speed) / 1000));
      }),
    );
  });
});
