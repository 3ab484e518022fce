// Reading a world in tests: per-instance traffic and state by logical id, runs with a callback per step.

import { CLASS_COUNT } from '../../../shared/sim/constants.ts';
import { step } from '../../../shared/sim/step.ts';
import { T_NOW } from '../../../shared/sim/state.ts';
import type { World } from '../../../shared/sim/world.ts';

/** Slots of a static instance or of a group, by logical id. */
export function slotsOf(world: World, logicalId: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < world.topo.instCount; i++) {
    if (world.design.resources[world.topo.instResource[i]!]!.logicalId === logicalId) out.push(i);
  }
  return out;
}

/** Requests per second offered to a slot in the last step (all classes). */
export function offeredTo(world: World, slot: number): number {
  let sum = 0;
  for (let c = 0; c < CLASS_COUNT; c++) sum += world.scratch.instOffered[slot * CLASS_COUNT + c]!;
  return sum;
}

export function now(world: World): number {
  return world.state.tally[T_NOW]!;
}

/** Steps until tS, calling `each` after every step with the step's start time. */
export function runUntil(world: World, tS: number, each?: (tS: number) => void): void {
  while (now(world) < tS) {
    const t = now(world);
    step(world);
    each?.(t);
  }
}
