// A test server's clock (TEST_TIME_SCALE, TEST_PAUSE_AT_S in server/config.ts): time runs faster than the speed a
// room shows, and every room stops once at one simulated second as if its host had paused it there, so a browser
// test reaches an hour of usage or a seeded colleague's change in seconds and is at that moment however loaded its
// machine is. Both come from the server's environment only: no client can ask for them, and a production server
// (NODE_ENV=production) refuses to start with them. Unset, this changes nothing.
import { isFinishing, type MatchClock } from '../../shared/match/clock.ts';
import { STEP_SECONDS } from '../../shared/sim/constants.ts';

export class TestClock {
  private readonly scale: number;
  /** The step to stop at, until the clock has stopped there once. */
  private pauseStep: number | undefined;

  constructor(settings: { timeScale: number; pauseAtS?: number }, clock: MatchClock) {
    this.scale = settings.timeScale;
    const step = settings.pauseAtS === undefined ? undefined : Math.ceil(settings.pauseAtS / STEP_SECONDS);
    // A match already past it (restored from a checkpoint) is not stopped again.
    this.pauseStep = step !== undefined && step > clock.step ? step : undefined;
  }

  /** Real milliseconds as this server's clocks count them. */
  elapsedMs(realMs: number): number {
    return realMs * this.scale;
  }

  /** The most steps the clock may take this turn: up to the pause step. A match being played out is never held. */
  stepLimit(clock: MatchClock): number {
    return this.pauseStep === undefined || isFinishing(clock) ? Infinity : Math.max(0, this.pauseStep - clock.step);
  }

  /** True once, when the running clock has reached the pause step: the room pauses the match, as a host would. */
  duePause(clock: MatchClock): boolean {
    if (this.pauseStep === undefined || clock.step < this.pauseStep) return false;
    this.pauseStep = undefined;
    return clock.phase === 'running' && !isFinishing(clock);
  }
}
