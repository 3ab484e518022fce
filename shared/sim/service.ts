// Step 4, service: every server turns offered load into utilisation; latency follows the queueing curve
// and what exceeds capacity is shed. Served dynamic requests make database queries: writes to the group's
// writer, reads to a replica in the instance's region if there is one. Then each instance slot gets, per
// class, the share of its requests that succeed end to end, the share shed, and their latency.

import { catalogue } from '../catalogue/index.ts';
import {
  CLASS_COUNT,
  DB_AVAILABLE,
  DB_PROMOTING,
  FLOOD,
  READ,
  REGION_COUNT,
  regionOf,
  RUNNING,
  STATIC,
  STEP_SECONDS,
  WRITE,
  ZONES_PER_REGION,
} from './constants.ts';
import { queueingFactor } from './latency.ts';
import { ZONE_PAIRS } from './compile/db-routes.ts';
import { REGION_RTT } from './paths.ts';
import { book, S_TRANSFER, S_TRANSIT_GATEWAY } from './bill.ts';
import { M_TRANSFER } from './scratch.ts';
import type { World } from './world.ts';
import { TYPE_BASE_MS, TYPE_CAPACITY } from './compile/instance-types.ts';

const READ_Q = catalogue.database.readQueriesPerRequest.value;
const WRITE_Q = catalogue.database.writeQueriesPerRequest.value;
const QUERY_GB = catalogue.requests.queryKb.value / 1e6;
const SAME_ZONE_MS = catalogue.service.sameZoneRttMs.value;
const CROSS_ZONE_MS = catalogue.service.crossZoneRttMs.value;
const CROSS_ZONE_PER_GB = catalogue.dataTransfer.crossZonePerGbEachWayUsd.value;
const INTER_REGION_PER_GB = catalogue.dataTransfer.interRegionPerGbUsd.value;
const TGW_PER_GB = catalogue.transitGateway.perGbUsd.value;

/**
 * The route tables' byte for instance slot i and database d (a member of its group) in the zones they are in now:
 * 0 dropped, 1 same VPC or nothing to route (another region's public endpoint), 2 peering, 3 Transit Gateway.
 * Decided at compile time (compile/db-routes.ts); the step reads one byte.
 */
function routeKind(world: World, i: number, d: number): number {
  const topo = world.topo;
  const at = topo.instRouteStart[i]!;
  if (at < 0) return 1;
  const zi = world.state.instZone[i]!;
  const zd = world.state.dbZone[d]!;
  return topo.instRoutes[at + topo.dbMember[d]! * ZONE_PAIRS + (zi < 0 ? 0 : zi % ZONES_PER_REGION) * ZONES_PER_REGION + (zd < 0 ? 0 : zd % ZONES_PER_REGION)]!;
}

/**
 * Whether instance slot i can reach database d: its subnet's route table and the database's must carry the
 * traffic both ways (a peering or a Transit Gateway route); across regions the game assumes a public endpoint
 * (see compile/storage.ts).
 */
export function reaches(world: World, i: number, d: number): boolean {
  return routeKind(world, i, d) > 0;
}

/** Answers queries: available, or a replica being promoted (it keeps serving reads meanwhile). */
function usable(world: World, d: number): boolean {
  const s = world.state;
  const st = s.dbState[d];
  return (st === DB_AVAILABLE || st === DB_PROMOTING) && s.zoneDown[s.dbZone[d]!] === 0;
}

/** Which database takes a group's writes and, per region, its reads, this step. */
export function assignDatabaseRoles(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  for (let g = 0; g < topo.groupCount; g++) {
    const m0 = topo.groupMemberStart[g]!;
    const m1 = topo.groupMemberStart[g + 1]!;
    // The writer: a promoted replica that is up (the application was pointed at it), else the primary.
    let writer = topo.groupMembers[m0]!;
    for (let k = m0 + 1; k < m1; k++) {
      const d = topo.groupMembers[k]!;
      if (s.dbPromoted[d] === 1 && (usable(world, d) || !usable(world, writer))) writer = d;
    }
    sc.groupWriter[g] = writer;
    for (let r = 0; r < REGION_COUNT; r++) {
      let reader = -1;
      for (let k = m0; k < m1 && reader < 0; k++) {
        const d = topo.groupMembers[k]!;
        if (topo.dbSource[d]! >= 0 && s.dbPromoted[d] === 0 && topo.dbRegion[d] === r && usable(world, d)) reader = d;
      }
      sc.groupReader[g * REGION_COUNT + r] = reader >= 0 ? reader : writer;
    }
  }
}

export function serveInstances(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  sc.dbQueries.fill(0);
  let transferUsd = 0;
  for (let i = 0; i < topo.instCount; i++) {
    const units = sc.instUnits[i]!;
    if (s.instState[i] !== RUNNING) {
      sc.instServed[i] = 0;
      sc.instLatMs[i] = 0;
      sc.instRps[i] = 0;
      s.instCpu[i] = 0;
      continue;
    }
    // A slot launched under an older launch template keeps that type's figures (instSpec > 0).
    const spec = s.instSpec[i]!;
    const u = units / (spec === 0 ? topo.instCapacity[i]! : TYPE_CAPACITY[spec - 1]!);
    const served = u > 1 ? 1 / u : 1;
    sc.instServed[i] = served;
    const o = i * CLASS_COUNT;
    sc.instRps[i] = units === 0 ? 0 : (sc.instOffered[o]! + sc.instOffered[o + 1]! + sc.instOffered[o + 2]! + sc.instOffered[o + 3]!) * served;
    sc.instLatMs[i] = (spec === 0 ? topo.instBaseMs[i]! : TYPE_BASE_MS[spec - 1]!) * queueingFactor(u);
    s.instCpu[i] = u > 1 ? 100 : u * 100;
    const g = topo.instDbGroup[i]!;
    if (g < 0 || units === 0) continue;
    const reader = sc.groupReader[g * REGION_COUNT + topo.instRegion[i]!]!;
    const writer = sc.groupWriter[g]!;
    const readWay = routeKind(world, i, reader);
    const writeWay = routeKind(world, i, writer);
    const readQ = readWay > 0 ? sc.instOffered[i * CLASS_COUNT + READ]! * served * READ_Q : 0;
    const writeQ = writeWay > 0 ? sc.instOffered[i * CLASS_COUNT + WRITE]! * served * WRITE_Q : 0;
    sc.dbQueries[reader] = sc.dbQueries[reader]! + readQ;
    sc.dbQueries[writer] = sc.dbQueries[writer]! + writeQ;
    const linkUsd = readQ * linkPerGb(world, i, reader, readWay) + writeQ * linkPerGb(world, i, writer, writeWay);
    transferUsd += linkUsd;
    // What a Transit Gateway processed is billed to it (Cost Explorer's "Transit Gateway"), the rest to data transfer.
    const hubUsd = (readWay === 3 ? readQ : 0) * 2 * TGW_PER_GB + (writeWay === 3 ? writeQ : 0) * 2 * TGW_PER_GB;
    if (hubUsd > 0) book(sc, M_TRANSFER, S_TRANSIT_GATEWAY, topo.instRegion[i]!, hubUsd * QUERY_GB * STEP_SECONDS);
    book(sc, M_TRANSFER, S_TRANSFER, topo.instRegion[i]!, (linkUsd - hubUsd) * QUERY_GB * STEP_SECONDS);
  }
  sc.stepCost[M_TRANSFER] = sc.stepCost[M_TRANSFER]! + transferUsd * QUERY_GB * STEP_SECONDS;
}

/** USD per GB of query traffic between an instance and a database, both directions (`way`: routeKind's byte). */
function linkPerGb(world: World, i: number, d: number, way: number): number {
  const zi = world.state.instZone[i]!;
  const zd = world.state.dbZone[d]!;
  let usd = 0;
  // (Same zone first: the usual case needs no region lookups.)
  if (zi !== zd) usd += regionOf(zi) !== regionOf(zd) ? 2 * INTER_REGION_PER_GB : 2 * CROSS_ZONE_PER_GB;
  if (way === 3) usd += 2 * TGW_PER_GB;
  return usd;
}

export function serveDatabases(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  for (let d = 0; d < topo.dbCount; d++) {
    if (!usable(world, d)) {
      sc.dbOk[d] = -1; // down: every query fails
      sc.dbQueryMs[d] = 0;
      s.dbCpu[d] = 0;
      continue;
    }
    const cls = s.dbClass[d]!;
    const u = sc.dbQueries[d]! / topo.classCapacity[cls]!;
    sc.dbOk[d] = u > 1 ? 1 / u : 1;
    sc.dbQueryMs[d] = topo.classBaseMs[cls]! * queueingFactor(u);
    s.dbCpu[d] = u > 1 ? 100 : u * 100;
  }
}

/** Per instance slot and class: share that succeeds, share shed, latency of the successes. */
export function finishInstances(world: World): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  for (let i = 0; i < topo.instCount; i++) {
    const base = i * CLASS_COUNT;
    // A slot nothing was sent to is never read by the completion: skip it.
    if (sc.instUnits[i] === 0) continue;
    if (s.instState[i] !== RUNNING) {
      for (let c = 0; c < CLASS_COUNT; c++) {
        sc.instSucc[base + c] = 0;
        sc.instShed[base + c] = 0;
        sc.instLat[base + c] = 0;
      }
      continue;
    }
    const served = sc.instServed[i]!;
    const ms = sc.instLatMs[i]!;
    sc.instSucc[base + STATIC] = served;
    sc.instShed[base + STATIC] = 1 - served;
    sc.instLat[base + STATIC] = ms;
    sc.instSucc[base + FLOOD] = served;
    sc.instShed[base + FLOOD] = 1 - served;
    sc.instLat[base + FLOOD] = ms;
    const g = topo.instDbGroup[i]!;
    if (g === -1) {
      // No database in the design: dynamic requests are served by the instance alone.
      sc.instSucc[base + READ] = served;
      sc.instShed[base + READ] = 1 - served;
      sc.instLat[base + READ] = ms;
      sc.instSucc[base + WRITE] = served;
      sc.instShed[base + WRITE] = 1 - served;
      sc.instLat[base + WRITE] = ms;
      continue;
    }
    const reader = g < 0 ? -1 : sc.groupReader[g * REGION_COUNT + topo.instRegion[i]!]!;
    const writer = g < 0 ? -1 : sc.groupWriter[g]!;
    databaseLeg(world, i, reader, READ_Q, base + READ, served, ms);
    databaseLeg(world, i, writer, WRITE_Q, base + WRITE, served, ms);
  }
}

/** One dynamic class of an instance: its requests succeed if the database answers all q queries. */
function databaseLeg(world: World, i: number, d: number, q: number, at: number, served: number, ms: number): void {
  const sc = world.scratch;
  const ok = d >= 0 && reaches(world, i, d) ? sc.dbOk[d]! : -1;
  if (ok < 0) {
    // No database reachable, or it is down: the request fails (not shed).
    sc.instSucc[at] = 0;
    sc.instShed[at] = 1 - served;
    sc.instLat[at] = 0;
    return;
  }
  const zi = world.state.instZone[i]!;
  const zd = world.state.dbZone[d]!;
  let rtt = zi === zd ? SAME_ZONE_MS : CROSS_ZONE_MS;
  let arrive = 1;
  const ri = (zi / ZONES_PER_REGION) | 0;
  const rd = (zd / ZONES_PER_REGION) | 0;
  if (ri !== rd) {
    rtt = REGION_RTT[ri * REGION_COUNT + rd]! + sc.regionExtraMs[ri]! + sc.regionExtraMs[rd]!;
    // A lost packet on one of q queries fails the request (no retries in the game).
    const lost = (sc.regionLoss[ri]! + sc.regionLoss[rd]!) * q;
    arrive = lost < 1 ? 1 - lost : 0;
  }
  sc.instSucc[at] = served * ok * arrive;
  sc.instShed[at] = 1 - served + served * (1 - ok);
  sc.instLat[at] = ms + q * (rtt + sc.dbQueryMs[d]!);
}
