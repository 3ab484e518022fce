import { refusal, type Refusal } from '../protocol/refusals.ts';

// One clock per match: every team's world advances by the same steps at the same moments, which is what
// makes a competition fair. The host drives it; the simulation never sees wall time, only step numbers.

export const PHASES = ['build', 'running', 'paused', 'results'] as const;
export type Phase = (typeof PHASES)[number];

export const MIN_SPEED = 1;
export const MAX_SPEED = 8;
/**
 * Simulation steps per real second at 1×. With 5-second steps, 1× runs 20 simulated seconds per real
 * second: a three-hour scenario plays in nine minutes, and 8× fast-forwards it in just over one.
 */
export const STEPS_PER_SECOND_AT_1X = 4;

export interface MatchClock {
  phase: Phase;
  speed: number;
  /** Steps taken so far: the simulated time is step × STEP_SECONDS. */
  step: number;
  /** The step at which the scenario ends and results are shown. */
  endStep: number;
  /**
   * Set when the host ended the match before the scenario's end: the step they did. A score must measure the
   * whole scenario (an early end must never score better than playing on), so the rest is played out as built,
   * at FINISH_SPEED, with no further actions: what the design would have done, shown on the charts.
   */
  endedAtStep?: number;
}

/** How fast the rest of an ended match is played out: 1,200 simulated seconds per real second with 5-second steps. */
export const FINISH_SPEED = 60;

/** Whether the match is being played out to its end after the host ended it early: no action applies any more. */
export function isFinishing(clock: MatchClock): boolean {
  return clock.endedAtStep !== undefined && clock.phase !== 'results';
}

export type ClockCommand = { command: 'start' | 'pause' | 'resume' | 'end' } | { command: 'speed'; speed: number };

export type ClockResult = { ok: true; clock: MatchClock } | { ok: false; refusal: Refusal };

export function newClock(endStep: number): MatchClock {
  return { phase: 'build', speed: 1, step: 0, endStep };
}

/** Applies a host's command; commands that make no sense in the current phase are refused, not ignored. */
export function commandClock(clock: MatchClock, c: ClockCommand): ClockResult {
  const wrong = (): ClockResult => ({ ok: false, refusal: refusal('wrong-phase', `${c.command} during ${clock.phase}`) });
  if (isFinishing(clock)) return { ok: false, refusal: refusal('wrong-phase', `${c.command}: the match is being played out to its end`) };
  switch (c.command) {
    case 'start':
      return clock.phase === 'build' ? { ok: true, clock: { ...clock, phase: 'running' } } : wrong();
    case 'pause':
      return clock.phase === 'running' ? { ok: true, clock: { ...clock, phase: 'paused' } } : wrong();
    case 'resume':
      return clock.phase === 'paused' ? { ok: true, clock: { ...clock, phase: 'running' } } : wrong();
    case 'end':
      if (clock.phase === 'results') return wrong();
      // Ended before the scenario's end: the rest is played out as built (see endedAtStep).
      return { ok: true, clock: clock.step >= clock.endStep ? { ...clock, phase: 'results' } : { ...clock, phase: 'running', endedAtStep: clock.step } };
    case 'speed':
      if (!Number.isInteger(c.speed) || c.speed < MIN_SPEED || c.speed > MAX_SPEED) {
        return { ok: false, refusal: refusal('invalid-properties', `speed must be ${MIN_SPEED} to ${MAX_SPEED}`) };
      }
      return clock.phase === 'results' ? wrong() : { ok: true, clock: { ...clock, speed: c.speed } };
  }
}

/**
 * The clock of a match restored after a server restart: a running match waits, paused, for its players to come
 * back. One being played out to its end is not paused: nobody may act on it, and a paused one could never resume
 * (every command is refused while it is played out).
 */
export function restoredClock(clock: MatchClock): MatchClock {
  return clock.phase === 'running' && !isFinishing(clock) ? { ...clock, phase: 'paused' } : clock;
}

/**
 * How many whole steps are owed after `elapsedMs` of real time. The fraction left over is carried in
 * `carry`, counted in thousandths of a step so that whole milliseconds add up exactly and rounding never
 * drifts: the server's loop calls this every tick.
 */
export function stepsOwed(clock: MatchClock, elapsedMs: number, carry: number): { steps: number; carry: number } {
  if (clock.phase !== 'running') return { steps: 0, carry: 0 };
  const total = carry + elapsedMs * STEPS_PER_SECOND_AT_1X * (isFinishing(clock) ? FINISH_SPEED : clock.speed);
  const steps = Math.min(Math.floor(total / 1000), clock.endStep - clock.step);
  return { steps, carry: total - steps * 1000 };
}

/** Advances the clock by one step, moving to results at the end. */
export function tickClock(clock: MatchClock): MatchClock {
  const step = clock.step + 1;
  return { ...clock, step, phase: step >= clock.endStep ? 'results' : clock.phase };
}
