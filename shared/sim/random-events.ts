// Seeded random events: each `random:` entry of a scenario becomes between count[0] and count[1] concrete
// events at times drawn between its two times. Drawn once, from the world's own generator, when the world is
// created: the same seed gives the same events, and they become part of the world's scenario, so snapshots,
// restores and injected events keep them exactly.

import type { RandomEvent, ScenarioEvent } from '../scenario/schema.ts';
import { STEP_SECONDS } from './constants.ts';
import { nextRandom } from './rng.ts';

/** A whole number in [lo, hi] from the generator. */
function between(rng: Uint32Array, lo: number, hi: number): number {
  return lo + Math.floor(nextRandom(rng) * (hi - lo + 1));
}

/** Draws the concrete events of a scenario's random entries, in entry order then time order. */
export function drawRandomEvents(random: readonly RandomEvent[], rng: Uint32Array): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (const spec of random) {
    const count = between(rng, spec.count[0], spec.count[1]);
    const times: number[] = [];
    for (let k = 0; k < count; k++) {
      // On the step grid, so an event starts exactly at its time.
      const first = Math.ceil(spec.within[0] / STEP_SECONDS);
      const last = Math.floor(spec.within[1] / STEP_SECONDS);
      times.push(between(rng, first, Math.max(first, last)) * STEP_SECONDS);
    }
    times.sort((a, b) => a - b);
    for (const atS of times) out.push({ ...structuredClone(spec.event), atS } as ScenarioEvent);
  }
  return out;
}
