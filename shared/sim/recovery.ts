// Time to recovery after a colleague's security group change (colleague.ts): from the first step after the change
// at which service broke (more than catalogue.recovery.brokenErrorShare of the users' requests failed) to the
// first step after that at which it was restored. A change that broke nothing costs no time; service still broken
// at the end counts until now. Runs after measuring, so it reads this step's own figures (world.last).

import { catalogue } from '../catalogue/index.ts';
import { STEP_SECONDS } from './constants.ts';
import { RC_BROKEN, RC_CHANGED, RC_RESTORED, T_NOW } from './state.ts';
import type { World } from './world.ts';

export function trackRecovery(world: World): void {
  const rc = world.state.recovery;
  if (rc[RC_CHANGED] === 0 || rc[RC_RESTORED] !== 0) return;
  const m = world.last;
  const broken = m.requests > 0 && m.errors / m.requests > catalogue.recovery.brokenErrorShare.value;
  const t = world.state.tally[T_NOW]!;
  if (rc[RC_BROKEN] === 0) {
    if (broken) rc[RC_BROKEN] = t + 1;
  } else if (!broken) rc[RC_RESTORED] = t + 1;
}

/** Seconds from broken to restored so far; 0 without a change or when it broke nothing. `nowS`: the clock. */
export function timeToRecoveryS(recovery: Float64Array, nowS: number): number {
  const broken = recovery[RC_BROKEN]!;
  if (broken === 0) return 0;
  const restored = recovery[RC_RESTORED]!;
  // Until restored, the step under way counts as broken too (the clock is at its end once it has run).
  return (restored !== 0 ? restored : Math.max(nowS, broken - 1 + STEP_SECONDS) + 1) - broken;
}
