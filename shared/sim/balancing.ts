// Step 3, balancing: a load balancer has a node in each zone it enables; DNS answers with the nodes that
// have a healthy target and users spread evenly over them. Each target group decides cross-zone (an ALB's
// default is on, an NLB's and a classic ELB's their own attribute). Cross-zone on: every node sends to every
// routable target, so each gets an equal share (least outstanding requests: by capacity / response time, so
// away from slow targets). Cross-zone off: each node sends only to its own zone's targets, so each zone with a
// routable target gets an equal share first and a zone with fewer targets overloads them. Targets in zones the load balancer does not
// enable get nothing. A target the health checks still believe healthy gets traffic even if it is dead (those
// requests fail). With no healthy target in a group an ALB or NLB fails open to every registered one (a
// classic ELB does not: its requests fail).

import { catalogue } from '../catalogue/index.ts';
import {
  AREA_COUNT,
  BOOTING,
  CLASS_COUNT,
  EMPTY,
  FRONT_INSTANCE,
  FRONT_LB,
} from './constants.ts';
import { heldConnections } from './flow-hash.ts';
import { applyWaf } from './routing.ts';
import { loseSessions, sessionsHeld } from './sessions.ts';
import { inspectFront } from './gateway-inspection.ts';
import { keepSessions, mitigateAnomalies } from './target-weights.ts';
import type { World } from './world.ts';
import { TYPE_BASE_MS, TYPE_CAPACITY } from './compile/instance-types.ts';
import { queueingFactor } from './latency.ts';

const CPU_WEIGHT = Float64Array.from([
  catalogue.requests.staticCpuWeight.value,
  catalogue.requests.readCpuWeight.value,
  catalogue.requests.writeCpuWeight.value,
  catalogue.requests.floodCpuWeight.value,
]);
const TLS_ON_INSTANCE = catalogue.loadBalancing.tlsOnTargetCpuFactor.value;

export function offerLoad(world: World): void {
  const topo = world.topo;
  const sc = world.scratch;
  sc.instOffered.fill(0);
  sc.instUnits.fill(0);
  if (world.plan.sessionShare > 0) sc.instSessionFail.fill(0);
  for (let f = 0; f < topo.frontCount; f++) {
    const totals = sc.frontTotals;
    const fc = f * CLASS_COUNT;
    // Web ACL on a load balancer: applied per area before anything is counted.
    if (topo.frontKind[f] === FRONT_LB && topo.lbWaf[topo.frontRef[f]!]! >= 0) {
      for (let a = 0; a < AREA_COUNT; a++) filterLane(world, f, a, topo.lbWaf[topo.frontRef[f]!]!);
    }
    // (Routing summed the lanes into frontTotals; a web ACL above adjusted them.)
    let any = 0;
    for (let c = 0; c < CLASS_COUNT; c++) any += totals[fc + c]!;
    if (any === 0) continue;
    const kind = topo.frontKind[f]!;
    if (kind === FRONT_LB) {
      const lb = topo.frontRef[f]!;
      if (world.state.regionDown[topo.lbRegion[lb]!] === 1) {
        for (let e = topo.lbEdgeStart[lb]!; e < topo.lbEdgeStart[lb + 1]!; e++) sc.edgeShare[e] = 0;
        continue;
      }
      // Behind a Gateway Load Balancer endpoint, the appliances decide what reaches the front (gateway-inspection.ts).
      if (topo.lbInspect[lb]! >= 0) inspectFront(world, f, lb);
      computeShares(world, lb);
      const uniform = topo.lbUniformClasses[lb] === 1;
      for (let e = topo.lbEdgeStart[lb]!; e < topo.lbEdgeStart[lb + 1]!; e++) {
        const w = sc.edgeShare[e]!;
        // A connection the security groups forbid never reaches the instance (its requests time out: completion.ts).
        if (!(w > 0) || topo.edgeBlocked[e] !== 0) continue;
        if (uniform) offerEven(world, topo.edgeInst[e]!, totals, fc, w, topo.edgeCpuFactor[e]!);
        else offerTo(world, topo.edgeInst[e]!, totals, fc, sc.edgeClassShare, e * CLASS_COUNT, topo.edgeCpuFactor[e]!);
      }
    } else if (kind === FRONT_INSTANCE) {
      // Reached directly, the instance terminates TLS itself.
      offerEven(world, topo.frontRef[f]!, totals, fc, 1, TLS_ON_INSTANCE);
    }
  }
}

/** Offers one target its shares (w[at + class]) of a front's requests. */
function offerTo(world: World, s: number, totals: Float64Array, fc: number, w: Float64Array, at: number, factor: number): void {
  const sc = world.scratch;
  const offered = sc.instOffered;
  const base = s * CLASS_COUNT;
  let units = 0;
  for (let c = 0; c < CLASS_COUNT; c++) {
    const r = totals[fc + c]! * w[at + c]!;
    offered[base + c] = offered[base + c]! + r;
    units += r * CPU_WEIGHT[c]!;
  }
  sc.instUnits[s] = sc.instUnits[s]! + units * factor;
}

/** offerTo with one share w for every class (edgeShare of a load balancer with lbUniformClasses). */
function offerEven(world: World, s: number, totals: Float64Array, fc: number, w: number, factor: number): void {
  const sc = world.scratch;
  const offered = sc.instOffered;
  const base = s * CLASS_COUNT;
  let units = 0;
  for (let c = 0; c < CLASS_COUNT; c++) {
    const r = totals[fc + c]! * w;
    offered[base + c] = offered[base + c]! + r;
    units += r * CPU_WEIGHT[c]!;
  }
  sc.instUnits[s] = sc.instUnits[s]! + units * factor;
}

function filterLane(world: World, f: number, a: number, waf: number): void {
  const sc = world.scratch;
  const base = (f * AREA_COUNT + a) * CLASS_COUNT;
  let any = 0;
  for (let c = 0; c < CLASS_COUNT; c++) {
    sc.flows[c] = sc.laneFlow[base + c]!;
    any += sc.flows[c]!;
  }
  if (any === 0) return;
  applyWaf(world, waf, a, sc.flows);
  for (let c = 0; c < CLASS_COUNT; c++) {
    const before = sc.laneFlow[base + c]!;
    if (before > 0) sc.laneLat[base + c] = (sc.laneLat[base + c]! * sc.flows[c]!) / before;
    sc.laneFlow[base + c] = sc.flows[c]!;
    sc.frontTotals[f * CLASS_COUNT + c] = sc.frontTotals[f * CLASS_COUNT + c]! - before + sc.flows[c]!;
  }
}

/**
 * Least outstanding requests: each request goes to the target with the fewest requests in flight. By Little's
 * law a target holds (its rate × its response time) in flight, so at balance a target's rate is inversely
 * proportional to its response time, and one with more vCPUs works through its in-flight requests in parallel:
 * the weight is capacity / response time. The response time is the target's own base latency × the queueing
 * factor at the utilisation it ran at in the last step, so a slow target (a slower type, or one loaded or
 * degraded) accumulates requests and receives fewer new ones. Equal targets get equal shares.
 */
function leastOutstandingWeight(world: World, i: number): number {
  const topo = world.topo;
  const s = world.state;
  const spec = s.instSpec[i]!;
  const cap = spec === 0 ? topo.instCapacity[i]! : TYPE_CAPACITY[spec - 1]!;
  const baseMs = spec === 0 ? topo.instBaseMs[i]! : TYPE_BASE_MS[spec - 1]!;
  return cap / (baseMs * queueingFactor(s.instCpu[i]! / 100));
}

/** Fills edgeShare (and edgeSlot) for one load balancer's edges; shares add up to 1 if any target is routable. */
export function computeShares(world: World, lb: number): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  const z0 = topo.lbZoneStart[lb]!;
  const nz = topo.lbZoneStart[lb + 1]! - z0;
  const e0 = topo.lbEdgeStart[lb]!;
  const e1 = topo.lbEdgeStart[lb + 1]!;
  // The load balancer's nodes in dark zones are gone (ELB takes them out of its DNS at once); with none
  // left nothing gets through.
  let nodesUp = 0;
  for (let k = 0; k < nz; k++) if (s.zoneDown[topo.lbZones[z0 + k]!] === 0) nodesUp++;
  // Zone slot of each target: its zone's index among the enabled zones, or -1.
  for (let e = e0; e < e1; e++) {
    const z = s.instZone[topo.edgeInst[e]!]!;
    let slot = -1;
    for (let k = 0; k < nz; k++) if (topo.lbZones[z0 + k] === z) slot = k;
    sc.edgeSlot[e] = nodesUp > 0 ? slot : -1;
  }
  // Every class weighs alike (lbUniformClasses): one sum for all of them, and one share per edge below.
  const uniform = topo.lbUniformClasses[lb] === 1;
  let liveWeight = 0;
  const live = sc.classLive;
  if (!uniform) for (let c = 0; c < CLASS_COUNT; c++) live[c] = 0;
  const weight = topo.edgeClassWeight;
  const sessionsOn = sessionsHeld(world);
  let e = e0;
  while (e < e1) {
    // One run of edges per target group.
    const tg = topo.edgeTg[e]!;
    let end = e;
    while (end < e1 && topo.edgeTg[end] === tg) end++;
    const flow = topo.lbNetwork[lb] === 1;
    let ok = shareRun(world, e, end, false, flow);
    if (!ok && topo.lbFailOpen[lb] === 1) ok = shareRun(world, e, end, true, flow);
    if (ok) {
      if (topo.tgAnomalyMitigation[tg] === 1) mitigateAnomalies(world, e, end);
      const sticky = topo.tgStickyTurnover[tg]! > 0;
      const lost = sticky ? keepSessions(world, e, end, topo.tgStickyTurnover[tg]!) : 0;
      if (sessionsOn) loseSessions(world, e, end, sticky, lost);
      if (uniform) liveWeight += weight[e * CLASS_COUNT]!;
      else for (let c = 0; c < CLASS_COUNT; c++) live[c] = live[c]! + weight[e * CLASS_COUNT + c]!;
    }
    e = end;
  }
  // Each class over the live target groups its listener rule forwards it to (none live: it fails).
  if (uniform) {
    // The same arithmetic as per class, done once: the share is left in edgeShare (offerEven, accumulateEven).
    for (let k = e0; k < e1; k++) {
      const w = sc.edgeShare[k]!;
      if (w > 0) sc.edgeShare[k] = liveWeight > 0 ? (w * weight[k * CLASS_COUNT]!) / liveWeight : 0;
    }
    return;
  }
  const out = sc.edgeClassShare;
  for (let k = e0; k < e1; k++) {
    const w = sc.edgeShare[k]!;
    const kc = k * CLASS_COUNT;
    for (let c = 0; c < CLASS_COUNT; c++) out[kc + c] = w > 0 && live[c]! > 0 ? (w * weight[kc + c]!) / live[c]! : 0;
  }
}

/**
 * Shares inside one target group's run of edges; false if it has no target to send to. An NLB (`flow`) weighs
 * each target by the connections it holds (flow-hash.ts), least outstanding requests by leastOutstandingWeight.
 */
function shareRun(world: World, e0: number, e1: number, failOpen: boolean, flow: boolean): boolean {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  const tg = topo.edgeTg[e0]!;
  const byCapacity = topo.tgByCapacity[tg] === 1 || flow;
  // The target group decides (its own attribute, or its load balancer's: compile/compute.ts).
  const cross = topo.edgeCrossZone[e0] === 1;
  // Per zone slot: routable count and capacity (at most 3 zones: kept in locals).
  let n0 = 0, n1 = 0, n2 = 0, c0 = 0, c1 = 0, c2 = 0;
  for (let e = e0; e < e1; e++) {
    const i = topo.edgeInst[e]!;
    const slot = sc.edgeSlot[e]!;
    const st = s.instState[i]!;
    // Cross-zone off: a target is reached only through its own zone's node, gone if the zone is dark.
    // Cross-zone on: nodes elsewhere still send to it until its health checks fail.
    const reachable = slot >= 0 && (cross || s.zoneDown[s.instZone[i]!] === 0);
    // Failing open, the load balancer sends to every registered target, one still booting too (its share fails).
    const routable = reachable && st !== EMPTY && (failOpen || (st !== BOOTING && s.instHealthy[i] === 1));
    if (!routable) {
      sc.edgeShare[e] = 0;
      continue;
    }
    sc.edgeShare[e] = -1; // marked; share computed below
    const cap = flow ? heldConnections(world, i) : byCapacity ? leastOutstandingWeight(world, i) : 1;
    if (slot === 0) { n0++; c0 += cap; } else if (slot === 1) { n1++; c1 += cap; } else { n2++; c2 += cap; }
  }
  const n = n0 + n1 + n2;
  if (n === 0) return false;
  const capTotal = c0 + c1 + c2;
  const zonesWithTargets = (n0 > 0 ? 1 : 0) + (n1 > 0 ? 1 : 0) + (n2 > 0 ? 1 : 0);
  for (let e = e0; e < e1; e++) {
    if (sc.edgeShare[e] !== -1) continue;
    const t = topo.edgeInst[e]!;
    const cap = flow ? heldConnections(world, t) : byCapacity ? leastOutstandingWeight(world, t) : 1;
    const slot = sc.edgeSlot[e]!;
    if (cross) {
      sc.edgeShare[e] = byCapacity ? cap / capTotal : 1 / n;
    } else {
      const zn = slot === 0 ? n0 : slot === 1 ? n1 : n2;
      const zc = slot === 0 ? c0 : slot === 1 ? c1 : c2;
      sc.edgeShare[e] = (byCapacity ? cap / zc : 1 / zn) / zonesWithTargets;
    }
  }
  return true;
}
