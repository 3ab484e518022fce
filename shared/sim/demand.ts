// Step 1, demand: requests per second from each area and class = baseline × daily curve × active spikes ×
// seeded noise, split by the scenario's mix; floods come on top as their own class.

import { catalogue } from '../catalogue/index.ts';
import { AREA_COUNT, CLASS_COUNT, FLOOD, USER_CLASS_COUNT } from './constants.ts';
import { nextRandom } from './rng.ts';
import { T_NOW } from './state.ts';
import type { World } from './world.ts';

const NOISE = catalogue.requests.noiseShare.value;

/** The daily curve of an area at a time: linear between the hourly points, wrapping at midnight. */
export function dailyFactor(curve: Float64Array, area: number, startHour: number, tS: number): number {
  let hour = startHour + tS / 3600;
  hour -= Math.floor(hour / 24) * 24;
  const h0 = Math.floor(hour);
  const frac = hour - h0;
  const a = curve[area * 24 + h0]!;
  const b = curve[area * 24 + ((h0 + 1) % 24)]!;
  return a + (b - a) * frac;
}

export function computeDemand(world: World): void {
  const plan = world.plan;
  const sc = world.scratch;
  const t = world.state.tally[T_NOW]!;
  const demand = sc.demand;
  for (let a = 0; a < AREA_COUNT; a++) {
    const row = a * CLASS_COUNT;
    let rps = 0;
    if (plan.hasTraffic[a] === 1) {
      // One draw per area with traffic, in area order, every step: the sequence never depends on load.
      const noise = 1 + NOISE * (2 * nextRandom(world.state.rng) - 1);
      rps = plan.baseline[a]! * dailyFactor(plan.curve, a, plan.startHour, t) * sc.spike[a]! * noise;
    }
    for (let c = 0; c < USER_CLASS_COUNT; c++) demand[row + c] = rps * plan.mix[c]!;
    demand[row + FLOOD] = sc.floodRps[a]!;
  }
}
