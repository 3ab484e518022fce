// Step 6, control (Auto Scaling): policies fired by alarms, target tracking, scheduled actions, and each
// group converging on its desired capacity — replacing failed instances (new ones in healthy zones),
// launching into the zone with fewest instances, terminating from the zone with most (newest first).
// A new instance boots for the catalogue's boot time and serves only after its health checks pass.

import { catalogue } from '../catalogue/index.ts';
import { BOOTING, EMPTY, FAILED, REBOOTING, RUNNING, STEP_SECONDS, zoneName } from './constants.ts';
import { checkPasses } from './health-check-path.ts';
import { T_NOW } from './state.ts';
import { note, type World } from './world.ts';

const BOOT_S = catalogue.ec2.bootS.value;
const STATUS_CHECK_S = catalogue.ec2.statusCheckS.value;
const GRACE_S = catalogue.ec2.healthCheckGraceS.value;
const TRACK_HIGH = catalogue.autoScaling.targetTrackingHighPeriods.value;
const TRACK_LOW = catalogue.autoScaling.targetTrackingLowPeriods.value;
const DEFAULT_COOLDOWN_S = catalogue.autoScaling.defaultCooldownS.value;

function clampDesired(world: World, g: number, desired: number): number {
  const s = world.state;
  return Math.min(s.asgMax[g]!, Math.max(s.asgMin[g]!, desired));
}

/** Why a group's desired capacity changes: the timeline code that says so, with what it names. */
type Why = { code: 'desiredByPolicy'; policy: string } | { code: 'desiredByHand' } | { code: 'desiredByTracking'; target: number } | { code: 'desiredBySchedule'; schedule: string };

function setDesired(world: World, g: number, desired: number, why: Why): boolean {
  const s = world.state;
  const next = clampDesired(world, g, desired);
  if (next === s.asgDesired[g]) return false;
  const { code, ...named } = why;
  note(world, code, { group: world.topo.labels[world.topo.asgResource[g]!]!, from: s.asgDesired[g]!, to: next, ...named });
  s.asgDesired[g] = next;
  return true;
}

/** Simple and step scaling: add the adjustment unless the group is cooling down. */
export function firePolicy(world: World, p: number): void {
  const topo = world.topo;
  const s = world.state;
  const g = topo.policyAsg[p]!;
  if (g < 0 || topo.policyType[p] === 2) return;
  const t = s.tally[T_NOW]!;
  if (t < s.asgCooldownUntil[g]!) return;
  if (setDesired(world, g, s.asgDesired[g]! + topo.policyAdjustment[p]!, { code: 'desiredByPolicy', policy: topo.labels[topo.policyResource[p]!]! })) {
    const cd = topo.policyCooldownS[p]!;
    s.asgCooldownUntil[g] = t + (cd >= 0 ? cd : topo.asgCooldownS[g]!);
  }
}

/** Set a group's desired capacity by hand (an action): no cooldown, within min and max. */
export function setDesiredByHand(world: World, g: number, desired: number): void {
  setDesired(world, g, desired, { code: 'desiredByHand' });
}

export function measureGroups(world: World): void {
  const topo = world.topo;
  const s = world.state;
  for (let g = 0; g < topo.asgCount; g++) {
    let sum = 0;
    let n = 0;
    const s0 = topo.asgSlotStart[g]!;
    for (let i = s0; i < s0 + topo.asgSlotCount[g]!; i++) {
      if (s.instState[i] === RUNNING) {
        sum += s.instCpu[i]!;
        n++;
      }
    }
    s.asgCpu[g] = n > 0 ? sum / n : 0;
  }
}

export function trackTargets(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const t = s.tally[T_NOW]!;
  const minuteEnds = (t + STEP_SECONDS) % 60 === 0;
  for (let g = 0; g < topo.asgCount; g++) {
    const p = topo.asgTracking[g]!;
    if (p < 0) continue;
    s.asgTrackSum[g] = s.asgTrackSum[g]! + s.asgCpu[g]!;
    s.asgTrackCount[g] = s.asgTrackCount[g]! + 1;
    if (!minuteEnds) continue;
    const avg = s.asgTrackSum[g]! / s.asgTrackCount[g]!;
    s.asgTrackSum[g] = 0;
    s.asgTrackCount[g] = 0;
    const target = topo.policyTarget[p]!;
    let running = 0;
    const s0 = topo.asgSlotStart[g]!;
    for (let i = s0; i < s0 + topo.asgSlotCount[g]!; i++) if (s.instState[i] === RUNNING) running++;
    if (avg > target) {
      s.asgTrackHigh[g] = s.asgTrackHigh[g]! + 1;
      s.asgTrackLow[g] = 0;
    } else if (avg < 0.9 * target) {
      s.asgTrackLow[g] = s.asgTrackLow[g]! + 1;
      s.asgTrackHigh[g] = 0;
    } else {
      s.asgTrackHigh[g] = 0;
      s.asgTrackLow[g] = 0;
    }
    const label: Why = { code: 'desiredByTracking', target };
    if (s.asgTrackHigh[g]! >= TRACK_HIGH && t >= s.asgCooldownUntil[g]!) {
      s.asgTrackHigh[g] = 0;
      const want = Math.ceil((Math.max(running, 1) * avg) / target);
      if (want > s.asgDesired[g]! && setDesired(world, g, want, label)) {
        const cd = topo.policyCooldownS[p]!;
        s.asgCooldownUntil[g] = t + (cd >= 0 ? cd : DEFAULT_COOLDOWN_S);
      }
    } else if (s.asgTrackLow[g]! >= TRACK_LOW) {
      s.asgTrackLow[g] = 0;
      const want = Math.ceil((running * avg) / target);
      if (want < s.asgDesired[g]!) setDesired(world, g, Math.max(want, 1), label);
    }
  }
}

export function runScheduledActions(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const t = s.tally[T_NOW]!;
  for (let k = 0; k < topo.schedCount; k++) {
    if (s.schedDone[k] === 1 || t < topo.schedAtS[k]!) continue;
    s.schedDone[k] = 1;
    const g = topo.schedAsg[k]!;
    if (g < 0) continue;
    const cap = topo.asgSlotCount[g]!;
    if (topo.schedMax[k]! >= 0) s.asgMax[g] = Math.min(cap, topo.schedMax[k]!);
    if (topo.schedMin[k]! >= 0) s.asgMin[g] = Math.min(s.asgMax[g]!, topo.schedMin[k]!);
    const desired = topo.schedDesired[k]! >= 0 ? topo.schedDesired[k]! : s.asgDesired[g]!;
    const schedule = topo.labels[topo.schedResource[k]!]!;
    if (!setDesired(world, g, desired, { code: 'desiredBySchedule', schedule })) {
      note(world, 'scheduleRan', { schedule, min: s.asgMin[g]!, max: s.asgMax[g]! });
    }
  }
}

/** Each group converges on its desired capacity. */
export function reconcileGroups(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const t = s.tally[T_NOW]!;
  for (let g = 0; g < topo.asgCount; g++) {
    const s0 = topo.asgSlotStart[g]!;
    const s1 = s0 + topo.asgSlotCount[g]!;
    const label = topo.labels[topo.asgResource[g]!]!;
    let replaced = 0;
    let live = 0;
    for (let i = s0; i < s1; i++) {
      const st = s.instState[i]!;
      if (st === FAILED) {
        const seen = t - s.instTimer[i]! >= STATUS_CHECK_S || (topo.asgElbHealth[g] === 1 && s.instHealthy[i] === 0);
        if (seen) {
          s.instState[i] = EMPTY;
          s.instHealthy[i] = 0;
          replaced++;
        }
      } else if (st === RUNNING && elbFailing(world, g, i, t)) {
        // The load balancer calls a running instance unhealthy (its health check fails on it): with ELB
        // health checks the group terminates and replaces it once its grace period is over.
        s.instState[i] = EMPTY;
        s.instHealthy[i] = 0;
        replaced++;
      } else if (st === BOOTING || st === RUNNING || st === REBOOTING) {
        live++;
      }
    }
    if (replaced > 0) note(world, 'instancesReplaced', { group: label, count: replaced });
    const desired = s.asgDesired[g]!;
    if (live < desired) {
      let launched = 0;
      const zones: string[] = [];
      for (let k = live; k < desired; k++) {
        const zone = pickZone(world, g, true);
        if (zone < 0) {
          if (s.asgStuck[g] === 0) note(world, 'cannotLaunch', { group: label });
          s.asgStuck[g] = 1;
          break;
        }
        let slot = -1;
        for (let i = s0; i < s1 && slot < 0; i++) if (s.instState[i] === EMPTY) slot = i;
        if (slot < 0) break;
        s.instState[slot] = BOOTING;
        s.instTimer[slot] = t + BOOT_S;
        s.instZone[slot] = zone;
        s.instHealthy[slot] = 0;
        s.instProbes[slot] = 0;
        s.instZoneFailed[slot] = 0;
        s.instLaunchedAt[slot] = t;
        s.instCpu[slot] = 0;
        // A new instance is launched from the group's current launch template.
        s.instSpec[slot] = 0;
        s.instOld[slot] = 0;
        s.instCheck[slot] = 0;
        launched++;
        zones.push(zoneName(zone));
        s.asgStuck[g] = 0;
      }
      if (launched > 0) note(world, 'instancesLaunched', { group: label, count: launched, zones });
    } else if (live > desired) {
      for (let k = desired; k < live; k++) {
        const zone = pickZone(world, g, false);
        let victim = -1;
        for (let i = s0; i < s1; i++) {
          const st = s.instState[i]!;
          if (s.instZone[i] !== zone || (st !== BOOTING && st !== RUNNING && st !== REBOOTING)) continue;
          // AWS's default termination policy: in that zone, instances from an older launch template go first.
          const older = victim < 0 ? 0 : (s.instSpec[i] !== 0 ? 1 : 0) - (s.instSpec[victim] !== 0 ? 1 : 0);
          if (victim < 0 || older > 0 || (older === 0 && s.instLaunchedAt[i]! >= s.instLaunchedAt[victim]!)) victim = i;
        }
        if (victim < 0) break;
        s.instState[victim] = EMPTY;
        s.instHealthy[victim] = 0;
      }
      note(world, 'instancesTerminated', { group: label, count: live - desired });
    }
  }
}

/**
 * A running instance of group `g` that the load balancer has marked unhealthy while its health check fails on a
 * running instance (a wrong path or Matcher: health-check-path.ts; a security group that drops the checks:
 * compile/security-groups.ts), past the group's grace period since launch.
 * (A running instance that is merely not yet healthy again after a reboot passes its checks and is left alone.)
 */
function elbFailing(world: World, g: number, i: number, t: number): boolean {
  const topo = world.topo;
  if (topo.asgElbHealth[g] !== 1 || world.state.instHealthy[i] !== 0) return false;
  const tg = topo.instTg[i]!;
  // Its checks fail on a running instance: a wrong path or Matcher, or a security group that drops them.
  if (tg < 0 || (checkPasses(world)[tg] === 1 && topo.instCheckBlocked[i] === 0)) return false;
  return t - world.state.instLaunchedAt[i]! >= GRACE_S;
}

/** For a launch: the healthy zone with fewest live instances; for a termination: the zone with most. */
function pickZone(world: World, g: number, forLaunch: boolean): number {
  const topo = world.topo;
  const s = world.state;
  const s0 = topo.asgSlotStart[g]!;
  const s1 = s0 + topo.asgSlotCount[g]!;
  let best = -1;
  let bestCount = 0;
  for (let k = topo.asgZoneStart[g]!; k < topo.asgZoneStart[g + 1]!; k++) {
    const z = topo.asgZones[k]!;
    if (forLaunch && s.zoneDown[z] === 1) continue;
    let count = 0;
    for (let i = s0; i < s1; i++) {
      const st = s.instState[i]!;
      if (s.instZone[i] === z && (st === BOOTING || st === RUNNING || st === REBOOTING)) count++;
    }
    if (best < 0 || (forLaunch ? count < bestCount : count > bestCount)) {
      best = z;
      bestCount = count;
    }
  }
  return best;
}
