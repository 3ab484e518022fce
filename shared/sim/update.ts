// Replacing the design of a running world (a stack update, a deletion): recompile the topology and carry
// the runtime state of every physical resource that survives, matched by stack name + logical id + generation
// (a resource CloudFormation replaced has a new generation: it is a new physical resource). New instances and
// groups boot; new databases are created (unavailable for the creation time, and empty); a database whose class
// changed in the design restarts as a class change does; an instance whose type (or another property EC2 changes
// only when stopped) changed stops and starts (physical.ts); a group's instances in a replaced VPC launch again
// in the new one; a group whose min/max/desired changed in the design takes the new values, otherwise it keeps
// what scaling made of them.

import { catalogue } from '../catalogue/index.ts';
import type { Design, Resource } from '../design/model.ts';
import { compileTopology } from './compile/index.ts';
import { AREA_COUNT, BOOTING, DB_FAILING_OVER, DB_RESTARTING, EMPTY } from './constants.ts';
import { allocateScratch } from './scratch.ts';
import { INSTANCE_TYPE_NAMES } from './compile/instance-types.ts';
import { startRefresh } from './refresh.ts';
import { rollingUpdatePolicy } from './rolling-update.ts';
import { allocateState, REFRESH_BY_STACK, REFRESH_FIELDS, T_BUDGET, T_NOW, type WorldState } from './state.ts';
import { warningSentence } from './timeline-text.ts';
import type { Topology } from './topology.ts';
import { note, type World } from './world.ts';
import { movedToNewVpc, noteReplacements, rebootIfInterrupted, stopStartIfInterrupted } from './physical.ts';

function indexByKey(topo: Topology, ids: Int32Array): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!m.has(topo.keys[id]!)) m.set(topo.keys[id]!, i);
  });
  return m;
}

/** Recompiles a world for a new design (or new deletions) and carries its state over. */
export function rebuildWorld(world: World, design: Design, removed: Uint8Array): void {
  const old = world.topo;
  const os = world.state;
  const t = os.tally[T_NOW]!;
  const topo = compileTopology(design, removed);
  const s = allocateState(topo, world.plan.events.length, os.tally[T_BUDGET]!);
  s.tally.set(os.tally);
  s.rng.set(os.rng);
  s.eventPhase.set(os.eventPhase);
  s.zoneDown.set(os.zoneDown);
  s.regionDown.set(os.regionDown);
  s.runHist.set(os.runHist);
  s.spend.set(os.spend);
  s.savingsPlan = os.savingsPlan;
  s.recovery.set(os.recovery);
  s.reserved = os.reserved;
  const oldDesign = world.design;

  // Static instances: carried, or new (booting).
  const oldStatic = new Map<string, number>();
  for (let i = 0; i < old.instCount; i++) if (old.instAsg[i] === -1) oldStatic.set(old.keys[old.instResource[i]!]!, i);
  for (let i = 0; i < topo.instCount; i++) {
    if (topo.instAsg[i] !== -1) continue;
    const from = oldStatic.get(topo.keys[topo.instResource[i]!]!);
    if (from !== undefined) {
      copySlot(os, from, s, i);
      // A type changed at run time (modify-instance-type) holds until the design names a type again.
      if (s.instSpec[i] !== 0 && (old.instType[from] !== topo.instType[i] || s.instSpec[i]! - 1 === topo.instType[i])) s.instSpec[i] = 0;
      stopStartIfInterrupted(world, s, i, topo.labels[topo.instResource[i]!]!, oldDesign.resources[old.instResource[from]!]!, design.resources[topo.instResource[i]!]!, t);
    } else bootSlot(s, i, t);
  }
  // Groups and their slots (by slot number).
  const oldAsg = indexByKey(old, old.asgResource);
  for (let g = 0; g < topo.asgCount; g++) {
    const from = oldAsg.get(topo.keys[topo.asgResource[g]!]!);
    const s0 = topo.asgSlotStart[g]!;
    if (from === undefined) {
      for (let k = 0; k < topo.asgSlotCount[g]!; k++) if (s.instState[s0 + k] !== EMPTY) bootSlot(s, s0 + k, t);
      continue;
    }
    const before = oldDesign.resources[old.asgResource[from]!]!;
    const after = design.resources[topo.asgResource[g]!]!;
    const same = (k: 'min' | 'max' | 'desired') =>
      before.kind === 'autoScalingGroup' && after.kind === 'autoScalingGroup' && before.props[k] === after.props[k];
    s.asgMax[g] = same('max') ? Math.min(os.asgMax[from]!, topo.asgSlotCount[g]!) : topo.asgMax[g]!;
    s.asgMin[g] = Math.min(same('min') ? os.asgMin[from]! : topo.asgMin[g]!, s.asgMax[g]!);
    s.asgDesired[g] = Math.min(Math.max(same('desired') ? os.asgDesired[from]! : topo.asgDesired[g]!, s.asgMin[g]!), s.asgMax[g]!);
    s.asgCooldownUntil[g] = os.asgCooldownUntil[from]!;
    s.asgCpu[g] = os.asgCpu[from]!;
    s.asgTrackHigh[g] = os.asgTrackHigh[from]!;
    s.asgTrackLow[g] = os.asgTrackLow[from]!;
    s.asgTrackSum[g] = os.asgTrackSum[from]!;
    s.asgTrackCount[g] = os.asgTrackCount[from]!;
    s.asgStuck[g] = os.asgStuck[from]!;
    const o0 = old.asgSlotStart[from]!;
    let relaunched = 0;
    for (let k = 0; k < topo.asgSlotCount[g]!; k++) {
      if (k >= old.asgSlotCount[from]!) {
        s.instState[s0 + k] = EMPTY;
        continue;
      }
      copySlot(os, o0 + k, s, s0 + k);
      // Its subnets were replaced with their VPC: the group launches its instances again in the new ones.
      if (s.instState[s0 + k] !== EMPTY && movedToNewVpc(old, o0 + k, topo, s0 + k)) {
        bootSlot(s, s0 + k, t);
        relaunched++;
      }
    }
    if (relaunched > 0) note(world, 'groupRelaunched', { group: topo.labels[topo.asgResource[g]!]!, count: relaunched, seconds: catalogue.ec2.bootS.value });
    s.asgRefresh.set(os.asgRefresh.subarray(from * REFRESH_FIELDS, (from + 1) * REFRESH_FIELDS), g * REFRESH_FIELDS);
    keepLaunchSpecs(world, old, os, from, topo, s, g, after);
  }
  // Databases.
  const oldDb = indexByKey(old, old.dbResource);
  for (let d = 0; d < topo.dbCount; d++) {
    const from = oldDb.get(topo.keys[topo.dbResource[d]!]!);
    if (from === undefined) {
      // A new physical database (added, or replaced by a stack update): created, and empty.
      s.dbState[d] = DB_RESTARTING;
      s.dbTimer[d] = t + catalogue.database.creationS.value;
      continue;
    }
    s.dbState[d] = os.dbState[from]!;
    s.dbTimer[d] = os.dbTimer[from]!;
    s.dbClass[d] = os.dbClass[from]!;
    s.dbPendingClass[d] = os.dbPendingClass[from]!;
    s.dbZone[d] = os.dbZone[from]!;
    s.dbStandbyZone[d] = topo.dbMultiAz[d] === 1 ? (old.dbMultiAz[from] === 1 ? os.dbStandbyZone[from]! : -1) : -1;
    s.dbPromoted[d] = os.dbPromoted[from]!;
    s.dbCpu[d] = os.dbCpu[from]!;
    if (topo.dbClassDesign[d] !== old.dbClassDesign[from] && topo.dbClassDesign[d] !== s.dbClass[d]) {
      changeClass(world, s, topo, d, topo.dbClassDesign[d]!, t);
    }
    rebootIfInterrupted(world, s, d, topo.labels[topo.dbResource[d]!]!, oldDesign.resources[old.dbResource[from]!]!, design.resources[topo.dbResource[d]!]!, t);
  }
  // Health checks, endpoints, alarms, scheduled actions, budget notifications.
  carry(indexByKey(old, old.hcResource), topo, topo.hcResource, (to, from) => {
    s.hcHealthy[to] = os.hcHealthy[from]!;
    s.hcProbes[to] = os.hcProbes[from]!;
  });
  const epKey = (tp: Topology, p: number) => `${tp.keys[tp.frontResource[tp.epFront[p]!]!]}|${tp.egRegion[tp.epGroup[p]!]}`;
  const oldEp = new Map<string, number>();
  for (let p = 0; p < old.epCount; p++) oldEp.set(epKey(old, p), p);
  for (let p = 0; p < topo.epCount; p++) {
    const from = oldEp.get(epKey(topo, p));
    if (from === undefined) continue;
    s.epHealthy[p] = os.epHealthy[from]!;
    s.epProbes[p] = os.epProbes[from]!;
  }
  carry(indexByKey(old, old.alarmResource), topo, topo.alarmResource, (to, from) => {
    s.alarmState[to] = os.alarmState[from]!;
    if (old.alarmEvalPeriods[from] !== topo.alarmEvalPeriods[to] || old.alarmPeriodSteps[from] !== topo.alarmPeriodSteps[to]) return;
    for (let k = 0; k < 4; k++) s.alarmAcc[to * 4 + k] = os.alarmAcc[from * 4 + k]!;
    s.alarmStepInPeriod[to] = os.alarmStepInPeriod[from]!;
    s.alarmFill[to] = os.alarmFill[from]!;
    s.alarmCursor[to] = os.alarmCursor[from]!;
    for (let k = 0; k < topo.alarmEvalPeriods[to]!; k++) {
      s.alarmRing[topo.alarmRingStart[to]! + k] = os.alarmRing[old.alarmRingStart[from]! + k]!;
    }
  });
  carry(indexByKey(old, old.schedResource), topo, topo.schedResource, (to, from) => (s.schedDone[to] = os.schedDone[from]!));
  carry(indexByKey(old, old.budgetResource), topo, topo.budgetResource, (to, from) => {
    const n = Math.min(topo.notifStart[to + 1]! - topo.notifStart[to]!, old.notifStart[from + 1]! - old.notifStart[from]!);
    for (let k = 0; k < n; k++) s.notifDone[topo.notifStart[to]! + k] = os.notifDone[old.notifStart[from]! + k]!;
  });
  carry(indexByKey(old, old.bactResource), topo, topo.bactResource, (to, from) => (s.bactDone[to] = os.bactDone[from]!));
  // Cached DNS answers survive if the front-door records are the same ones; otherwise resolvers ask again.
  const sameRecords =
    topo.recCount === old.recCount && Array.from(topo.recResource).every((id, r) => topo.keys[id] === old.keys[old.recResource[r]!]);
  if (sameRecords) {
    s.dnsShare.set(os.dnsShare);
    s.dnsExpiry.set(os.dnsExpiry);
  } else {
    for (let a = 0; a < AREA_COUNT; a++) s.dnsExpiry[a] = -1;
  }

  noteReplacements(world, old, topo, design);
  const known = new Set(old.warnings.map(warningSentence));
  world.design = design;
  world.topo = topo;
  world.state = s;
  world.scratch = allocateScratch(topo);
  for (const w of topo.warnings) if (!known.has(warningSentence(w))) note(world, w.code, w.values);
}

function carry(oldIndex: Map<string, number>, topo: Topology, ids: Int32Array, copy: (to: number, from: number) => void): void {
  ids.forEach((id, to) => {
    const from = oldIndex.get(topo.keys[id]!);
    if (from !== undefined) copy(to, from);
  });
}

/**
 * A new launch template (version) applies to the instances a group launches afterwards: every running instance
 * of group `g` keeps the type it was launched with (instSpec). With UpdatePolicy AutoScalingRollingUpdate,
 * CloudFormation then replaces them in batches (refresh.ts).
 */
function keepLaunchSpecs(world: World, old: Topology, os: WorldState, from: number, topo: Topology, s: WorldState, g: number, after: Resource): void {
  const s0 = topo.asgSlotStart[g]!;
  const o0 = old.asgSlotStart[from]!;
  const n = Math.min(topo.asgSlotCount[g]!, old.asgSlotCount[from]!);
  if (n === 0) return;
  const changed = old.instType[o0] !== topo.instType[s0];
  let kept = 0;
  for (let k = 0; k < n; k++) {
    if (s.instState[s0 + k] === EMPTY || (s.instSpec[s0 + k] === 0 && !changed)) continue;
    const spec = os.instSpec[o0 + k]!;
    const runs = spec > 0 ? spec - 1 : old.instType[o0 + k]!;
    s.instSpec[s0 + k] = runs === topo.instType[s0 + k] ? 0 : runs + 1;
    if (s.instSpec[s0 + k] !== 0 && spec === 0) kept++;
  }
  if (!changed) return;
  const group = topo.labels[topo.asgResource[g]!]!;
  if (kept > 0) note(world, 'groupKeepsOldType', { group, count: kept, instanceType: INSTANCE_TYPE_NAMES[topo.instType[s0]!]! });
  const policy = rollingUpdatePolicy(after);
  if (policy && kept > 0) {
    startRefresh(s, topo, g, REFRESH_BY_STACK, policy.minInService, policy.maxBatch, policy.pauseS);
    note(world, 'rollingUpdateStarted', { group, batch: policy.maxBatch, minInService: policy.minInService, pauseS: policy.pauseS });
  }
}

function copySlot(from: WorldState, i: number, to: WorldState, j: number): void {
  to.instState[j] = from.instState[i]!;
  to.instZone[j] = from.instZone[i]!;
  to.instTimer[j] = from.instTimer[i]!;
  to.instHealthy[j] = from.instHealthy[i]!;
  to.instProbes[j] = from.instProbes[i]!;
  to.instZoneFailed[j] = from.instZoneFailed[i]!;
  to.instLaunchedAt[j] = from.instLaunchedAt[i]!;
  to.instCpu[j] = from.instCpu[i]!;
  to.instSpec[j] = from.instSpec[i]!;
  to.instOld[j] = from.instOld[i]!;
  to.instCheck[j] = from.instCheck[i]!;
}

function bootSlot(s: WorldState, i: number, t: number): void {
  s.instState[i] = BOOTING;
  s.instTimer[i] = t + catalogue.ec2.bootS.value;
  s.instHealthy[i] = 0;
  s.instProbes[i] = 0;
  s.instLaunchedAt[i] = t;
  s.instSpec[i] = 0;
  s.instOld[i] = 0;
  s.instCheck[i] = 0;
}

/**
 * Scaling a database up or down restarts it: a single-AZ one for the class-change restart time, a Multi-AZ
 * one only for a failover (its standby is changed first).
 */
export function changeClass(world: World, s: WorldState, topo: Topology, d: number, cls: number, t: number): void {
  s.dbPendingClass[d] = cls;
  const label = topo.labels[topo.dbResource[d]!]!;
  if (topo.dbMultiAz[d] === 1 && s.dbStandbyZone[d]! >= 0) {
    s.dbState[d] = DB_FAILING_OVER;
    s.dbTimer[d] = t + catalogue.database.failoverS.value;
    note(world, 'dbClassByFailover', { db: label, dbClass: topo.classNames[cls]!, seconds: catalogue.database.failoverS.value });
  } else {
    s.dbState[d] = DB_RESTARTING;
    s.dbTimer[d] = t + catalogue.database.classChangeRestartS.value;
    note(world, 'dbClassByRestart', { db: label, dbClass: topo.classNames[cls]!, seconds: catalogue.database.classChangeRestartS.value });
  }
}
