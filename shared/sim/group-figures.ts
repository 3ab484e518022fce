// An Auto Scaling group as AWS's console shows it: the capacity it holds now (desired, min, max: a scaling
// policy, a scheduled action or SetDesiredCapacity changes them during a run, so the design's figures are
// only where it started) and its instances by lifecycle state. Running can differ from desired for a while:
// a scale-out's instances are Pending until they boot, an instance refresh launches replacements before it
// terminates the old ones (launched from an older template), and a failed instance is InService but Unhealthy
// until the group replaces it.
import { BOOTING, FAILED, REBOOTING, RUNNING } from './constants.ts';
import { refreshing } from './refresh.ts';
import type { World } from './world.ts';

export interface GroupFigures {
  desired: number;
  min: number;
  max: number;
  /** Lifecycle InService and health Healthy (rebooting instances stay InService). */
  inService: number;
  /** Lifecycle Pending: launched, still booting. */
  pending: number;
  /** InService but Unhealthy: failed, to be replaced. */
  unhealthy: number;
  /** Instances launched from an older launch template, or before the refresh under way: to be replaced. */
  oldTemplate: number;
  /** An instance refresh is under way. */
  refreshing: boolean;
}

export function groupFigures(world: World, g: number): GroupFigures {
  const { topo, state: s } = world;
  const figures: GroupFigures = { desired: s.asgDesired[g]!, min: s.asgMin[g]!, max: s.asgMax[g]!, inService: 0, pending: 0, unhealthy: 0, oldTemplate: 0, refreshing: refreshing(s, g) };
  const start = topo.asgSlotStart[g]!;
  for (let k = 0; k < topo.asgSlotCount[g]!; k++) {
    const slot = start + k;
    const st = s.instState[slot];
    if (st === BOOTING) figures.pending++;
    else if (st === RUNNING || st === REBOOTING) figures.inService++;
    else if (st === FAILED) figures.unhealthy++;
    else continue;
    if (s.instOld[slot] === 1 || s.instSpec[slot] !== 0) figures.oldTemplate++;
  }
  return figures;
}
