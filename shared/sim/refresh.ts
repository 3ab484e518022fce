// Instance refreshes: replacing a group's running instances with ones from its current launch template, in
// batches, as Amazon EC2 Auto Scaling (StartInstanceRefresh) and CloudFormation (UpdatePolicy
// AutoScalingRollingUpdate) do. A launch template change alone touches no running instance (update.ts keeps their
// type in WorldState.instSpec); only a refresh, a rolling update or ordinary scaling replaces them.
//
// Each step, before the group converges on its desired capacity (scaling.ts reconcileGroups launches the
// replacements from the current template):
// - By API: at least ceil(MinHealthyPercentage × desired) instances stay in service; each batch terminates
//   the in-service instances above that minimum (at least one: AWS always makes progress, so a group of one has
//   none in service while it is replaced), then waits until the new ones are in service and warm.
// - By stack: batches of at most MaxBatchSize, keeping MinInstancesInService; when the group cannot spare one,
//   CloudFormation launches new instances first (above desired capacity, up to the group's maximum) and gives
//   that capacity back as the old ones go. PauseTime is the wait after each batch is in service.
// A new instance counts once it is running, passes its target group's health checks and has served its warm-up.

import { BOOTING, EMPTY, REBOOTING, RUNNING } from './constants.ts';
import {
  R_BATCH,
  R_KIND,
  R_MIN,
  R_REPLACED,
  R_SURGE,
  R_WARMUP_S,
  REFRESH_BY_API,
  REFRESH_FIELDS,
  T_NOW,
  type WorldState,
} from './state.ts';
import type { Topology } from './topology.ts';
import { note, type World } from './world.ts';

function live(st: number): boolean {
  return st === BOOTING || st === RUNNING || st === REBOOTING;
}

/** Whether group `g` has a refresh under way. */
export function refreshing(s: WorldState, g: number): boolean {
  return s.asgRefresh[g * REFRESH_FIELDS + R_KIND] !== 0;
}

/**
 * Starts a refresh of group `g`: every instance it runs now is to be replaced. `min` is the minimum healthy
 * percentage (by API) or MinInstancesInService (by stack); `batch` MaxBatchSize (by stack, else 0).
 */
export function startRefresh(s: WorldState, topo: Topology, g: number, kind: number, min: number, batch: number, warmupS: number): void {
  const o = g * REFRESH_FIELDS;
  s.asgRefresh[o + R_KIND] = kind;
  s.asgRefresh[o + R_MIN] = min;
  s.asgRefresh[o + R_BATCH] = batch;
  s.asgRefresh[o + R_WARMUP_S] = warmupS;
  s.asgRefresh[o + R_SURGE] = 0;
  s.asgRefresh[o + R_REPLACED] = 0;
  const s0 = topo.asgSlotStart[g]!;
  for (let i = s0; i < s0 + topo.asgSlotCount[g]!; i++) s.instOld[i] = live(s.instState[i]!) ? 1 : 0;
}

export function advanceRefreshes(world: World): void {
  const topo = world.topo;
  const s = world.state;
  for (let g = 0; g < topo.asgCount; g++) if (s.asgRefresh[g * REFRESH_FIELDS + R_KIND] !== 0) advanceRefresh(world, g);
}

function advanceRefresh(world: World, g: number): void {
  const topo = world.topo;
  const s = world.state;
  const t = s.tally[T_NOW]!;
  const o = g * REFRESH_FIELDS;
  const kind = s.asgRefresh[o + R_KIND]!;
  const warmupS = s.asgRefresh[o + R_WARMUP_S]!;
  const s0 = topo.asgSlotStart[g]!;
  const s1 = s0 + topo.asgSlotCount[g]!;
  const label = topo.labels[topo.asgResource[g]!]!;
  let old = 0;
  let pending = 0;
  let inService = 0;
  let liveCount = 0;
  for (let i = s0; i < s1; i++) {
    const st = s.instState[i]!;
    if (!live(st)) continue;
    liveCount++;
    const serving = st === RUNNING && (topo.instTg[i]! < 0 || s.instHealthy[i] === 1);
    if (s.instOld[i] === 1) {
      old++;
      if (serving) inService++;
    } else if (serving && t >= s.instTimer[i]! + warmupS) inService++;
    else pending++;
  }
  // Done when the last replacement is in service and warm (what AWS reports as 100% complete).
  if (old === 0) {
    if (pending > 0) return;
    const surge = s.asgRefresh[o + R_SURGE]!;
    if (surge > 0) s.asgDesired[g] = Math.max(s.asgMin[g]!, s.asgDesired[g]! - surge);
    note(world, 'refreshDone', { group: label, count: s.asgRefresh[o + R_REPLACED]! });
    s.asgRefresh.fill(0, o, o + REFRESH_FIELDS);
    return;
  }
  // A batch is still launching or warming up, or the group has not launched its replacements yet.
  if (pending > 0 || liveCount < s.asgDesired[g]!) return;
  const desired = s.asgDesired[g]! - s.asgRefresh[o + R_SURGE]!;
  let minimum: number;
  let batch: number;
  if (kind === REFRESH_BY_API) {
    minimum = Math.ceil((s.asgRefresh[o + R_MIN]! * desired) / 100);
    batch = Math.min(old, Math.max(1, inService - minimum));
  } else {
    minimum = s.asgRefresh[o + R_MIN]!;
    const most = Math.max(1, s.asgRefresh[o + R_BATCH]!);
    batch = Math.min(old, most, inService - minimum);
    if (batch < 1) {
      const surge = Math.min(most, old, s.asgMax[g]! - liveCount);
      if (surge >= 1) {
        s.asgRefresh[o + R_SURGE] = s.asgRefresh[o + R_SURGE]! + surge;
        s.asgDesired[g] = s.asgDesired[g]! + surge;
        note(world, 'refreshSurge', { group: label, count: surge, minimum });
        return;
      }
      // No room above desired capacity: CloudFormation replaces one at a time below its minimum.
      batch = 1;
    }
  }
  // Terminate the batch: old instances not in service first, then the oldest launched.
  let done = 0;
  while (done < batch) {
    let victim = -1;
    for (let i = s0; i < s1; i++) {
      if (s.instOld[i] !== 1 || !live(s.instState[i]!)) continue;
      if (victim < 0) {
        victim = i;
        continue;
      }
      const idle = s.instState[i] !== RUNNING ? 1 : 0;
      const victimIdle = s.instState[victim] !== RUNNING ? 1 : 0;
      if (idle > victimIdle || (idle === victimIdle && s.instLaunchedAt[i]! < s.instLaunchedAt[victim]!)) victim = i;
    }
    if (victim < 0) break;
    s.instState[victim] = EMPTY;
    s.instHealthy[victim] = 0;
    s.instOld[victim] = 0;
    done++;
  }
  // Capacity launched above desired for the rolling update is given back with the old instances it covered.
  const giveBack = Math.min(s.asgRefresh[o + R_SURGE]!, done);
  if (giveBack > 0) {
    s.asgRefresh[o + R_SURGE] = s.asgRefresh[o + R_SURGE]! - giveBack;
    s.asgDesired[g] = s.asgDesired[g]! - giveBack;
  }
  s.asgRefresh[o + R_REPLACED] = s.asgRefresh[o + R_REPLACED]! + done;
  note(world, 'refreshBatch', { group: label, count: done, inService, minimum });
}
