// Step 2, entry: where each area's requests go. Route 53 answers from the per-area cache (re-resolving
// over healthy records when the TTL expires), CloudFront serves hits at the edge and sends misses to its
// origin over the backbone, Global Accelerator picks the nearest healthy endpoint group (no TTL), and
// anything else goes straight to a public front. What reaches a front lands in its lanes (area × class)
// with the round-trip time so far.

import { catalogue } from '../catalogue/index.ts';
import { AREAS } from '../geography/regions.ts';
import {
  AREA_COUNT,
  CLASS_COUNT,
  FLOOD,
  FRONT_LB,
  REGION_COUNT,
  STATIC,
  STEP_SECONDS,
  TO_ACCELERATOR,
  TO_DISTRIBUTION,
  TO_DNS,
  TO_FRONT,
  USER_CLASS_COUNT,
} from './constants.ts';
import { bucketOf } from './latency.ts';
import { book, GLOBAL_SLOT, S_CLOUDFRONT, S_ROUTE53, S_WAF } from './bill.ts';
import { C_BLOCKED, C_EDGE_HITS, C_EDGE_REQUESTS, C_FAILED, C_FLOOD_DROPPED, C_FLOOD_OFFERED, C_FLOOD_REJECTED, C_OFFERED, C_SERVED, M_EDGE, M_OTHER } from './scratch.ts';
import { T_NOW } from './state.ts';
import { resolve } from './dns.ts';
import { noteStaleNodes, staleNodeShare } from './node-addresses.ts';
import { hasFixedAddresses } from './allow-list.ts';
import { AREA_REGION_RTT, backboneRttMs, EDGE_RTT } from './paths.ts';
import type { World } from './world.ts';

const CF_EGRESS_PER_GB = Float64Array.from(AREAS.map((a) => catalogue.cloudFront.egressPerGbUsdByArea.value[a.code]));
const CF_PER_REQUEST = Float64Array.from(AREAS.map((a) => catalogue.cloudFront.perTenThousandRequestsUsdByArea.value[a.code] / 1e4));
const GA_PREMIUM_PER_GB = Float64Array.from(AREAS.map((a) => catalogue.globalAccelerator.premiumPerGbUsdByArea.value[a.code]));
const EDGE_SERVICE_MS = catalogue.cloudFront.edgeServiceMs.value;
const OUTSIDE_CLASS_MS = catalogue.cloudFront.outsidePriceClassExtraMs.value;
const FLOOD_ABSORBED = catalogue.cloudFront.floodAbsorbedShare.value;
const STATIC_GB = catalogue.requests.staticResponseKb.value / 1e6;
const USER_RATE = catalogue.waf.userRequestsPer5MinPerSource.value;
const WAF_PER_REQUEST = catalogue.waf.perMillionRequestsUsd.value / 1e6;
const DNS_QUERIES_AT_60 = catalogue.route53.queriesPerRequestAtTtl60.value;
const GA_ADDED_MS = catalogue.globalAccelerator.addedLatencyMs.value;

export function routeDemand(world: World): void {
  const topo = world.topo;
  const sc = world.scratch;
  sc.laneFlow.fill(0);
  sc.laneLat.fill(0);
  sc.frontTotals.fill(0);
  sc.viaInternet.fill(0);
  sc.viaEdgePrice.fill(0);
  sc.viaPremium.fill(0);
  sc.distRequests.fill(0);
  sc.distHits.fill(0);
  sc.distErrors.fill(0);
  const t = world.state.tally[T_NOW]!;
  const changed = t >= world.plan.addressesChangeAtS;
  noteStaleNodes(world);
  for (let a = 0; a < AREA_COUNT; a++) {
    const row = a * CLASS_COUNT;
    let users = 0;
    for (let c = 0; c < USER_CLASS_COUNT; c++) users += sc.demand[row + c]!;
    const flood = sc.demand[row + FLOOD]!;
    if (users + flood === 0) continue;
    // The share of this area a partner's allow-list holds to addresses that no longer answer (allow-list.ts).
    const held = changed ? world.plan.allowListShare[a]! : 0;
    sc.stepCounts[C_OFFERED] = sc.stepCounts[C_OFFERED]! + users;
    sc.stepCounts[C_FLOOD_OFFERED] = sc.stepCounts[C_FLOOD_OFFERED]! + flood;
    if (topo.entryKind === TO_DNS) {
      if (t >= world.state.dnsExpiry[a]!) resolve(world, a);
      const ttl = topo.dnsTtlS;
      const perRequest = Math.min(1, (DNS_QUERIES_AT_60 * 60) / ttl);
      sc.stepCost[M_OTHER] = sc.stepCost[M_OTHER]! + users * perRequest * topo.dnsPerQueryUsd * STEP_SECONDS;
      book(sc, M_OTHER, S_ROUTE53, GLOBAL_SLOT, users * perRequest * topo.dnsPerQueryUsd * STEP_SECONDS);
      for (let r = 0; r < topo.recCount; r++) {
        const share = world.state.dnsShare[a * topo.recCount + r]!;
        if (share > 0) sendTo(world, a, topo.recTargetKind[r]!, topo.recTarget[r]!, share, held);
      }
    } else {
      sendTo(world, a, topo.entryKind, topo.entryIndex, 1, held);
    }
  }
}

function failShare(world: World, a: number, share: number, blocked: boolean): void {
  const sc = world.scratch;
  const row = a * CLASS_COUNT;
  let users = 0;
  for (let c = 0; c < USER_CLASS_COUNT; c++) users += sc.demand[row + c]! * share;
  sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + users;
  if (blocked) sc.stepCounts[C_BLOCKED] = sc.stepCounts[C_BLOCKED]! + users;
  sc.stepCounts[C_FLOOD_REJECTED] = sc.stepCounts[C_FLOOD_REJECTED]! + sc.demand[row + FLOOD]! * share;
}

function sendTo(world: World, a: number, kind: number, index: number, whole: number, held: number): void {
  const topo = world.topo;
  let share = whole;
  if (held > 0 && hasFixedAddresses(topo, kind, index) === 0) {
    failShare(world, a, whole * held, false);
    share = whole * (1 - held);
    if (share <= 0) return;
  }
  if (kind === TO_FRONT && index >= 0) {
    if (topo.frontPublic[index] !== 1) return failShare(world, a, share, false);
    // Users who resolved a load balancer's name before one of its AZs went dark still hold that node's address
    // for up to a TTL: those requests fail (node-addresses.ts). Global Accelerator's path never comes here.
    if (world.scratch.anyZoneDark[0] === 1 && topo.frontKind[index] === FRONT_LB) {
      const stale = staleNodeShare(world, topo.frontRef[index]!);
      if (stale > 0) {
        failShare(world, a, share * stale, false);
        share *= 1 - stale;
      }
    }
    const flows = world.scratch.flows;
    for (let c = 0; c < CLASS_COUNT; c++) flows[c] = world.scratch.demand[a * CLASS_COUNT + c]! * share;
    addLane(world, index, a, flows, AREA_REGION_RTT[a * REGION_COUNT + topo.frontRegion[index]!]!, 1, 0, 0);
  } else if (kind === TO_DISTRIBUTION && index >= 0) {
    toDistribution(world, a, index, share);
  } else if (kind === TO_ACCELERATOR && index >= 0) {
    toAccelerator(world, a, index, share);
  } else {
    failShare(world, a, share, false);
  }
}

/** Adds flows (rps per class) to a front's lanes, with their round trip and how their responses are billed. */
function addLane(world: World, f: number, a: number, flows: Float64Array, rttMs: number, internet: number, edgePrice: number, premium: number): void {
  const sc = world.scratch;
  const base = (f * AREA_COUNT + a) * CLASS_COUNT;
  const fc = f * CLASS_COUNT;
  for (let c = 0; c < CLASS_COUNT; c++) {
    const F = flows[c]!;
    if (F === 0) continue;
    sc.laneFlow[base + c] = sc.laneFlow[base + c]! + F;
    sc.laneLat[base + c] = sc.laneLat[base + c]! + F * rttMs;
    sc.frontTotals[fc + c] = sc.frontTotals[fc + c]! + F;
    if (internet === 1) sc.viaInternet[fc + c] = sc.viaInternet[fc + c]! + F;
    sc.viaEdgePrice[fc + c] = sc.viaEdgePrice[fc + c]! + F * edgePrice;
    sc.viaPremium[fc + c] = sc.viaPremium[fc + c]! + F * premium;
  }
}

function toDistribution(world: World, a: number, d: number, share: number): void {
  const topo = world.topo;
  const sc = world.scratch;
  const flows = sc.flows;
  let total = 0;
  for (let c = 0; c < CLASS_COUNT; c++) {
    flows[c] = sc.demand[a * CLASS_COUNT + c]! * share;
    total += flows[c]!;
  }
  const users = total - flows[FLOOD]!;
  sc.distRequests[d] = sc.distRequests[d]! + total;
  sc.stepCounts[C_EDGE_REQUESTS] = sc.stepCounts[C_EDGE_REQUESTS]! + users;
  sc.stepCost[M_EDGE] = sc.stepCost[M_EDGE]! + total * CF_PER_REQUEST[a]! * STEP_SECONDS;
  book(sc, M_EDGE, S_CLOUDFRONT, GLOBAL_SLOT, total * CF_PER_REQUEST[a]! * STEP_SECONDS);
  const w = topo.distWaf[d]!;
  if (w >= 0) applyWaf(world, w, a, flows);
  const edgeMs = EDGE_RTT[a]! + (((topo.distAreaMask[d]! >> a) & 1) === 1 ? 0 : OUTSIDE_CLASS_MS);

  // Hits are served at the edge.
  const hits = flows[STATIC]! * topo.distStaticHit[d]!;
  flows[STATIC] = flows[STATIC]! - hits;
  sc.distHits[d] = sc.distHits[d]! + hits;
  sc.stepCounts[C_EDGE_HITS] = sc.stepCounts[C_EDGE_HITS]! + hits;
  sc.stepCounts[C_SERVED] = sc.stepCounts[C_SERVED]! + hits;
  sc.stepHist[bucketOf(edgeMs + EDGE_SERVICE_MS)] = sc.stepHist[bucketOf(edgeMs + EDGE_SERVICE_MS)]! + hits;
  sc.stepCost[M_EDGE] = sc.stepCost[M_EDGE]! + hits * STATIC_GB * CF_EGRESS_PER_GB[a]! * STEP_SECONDS;
  book(sc, M_EDGE, S_CLOUDFRONT, GLOBAL_SLOT, hits * STATIC_GB * CF_EGRESS_PER_GB[a]! * STEP_SECONDS);
  // Most of a flood stops at the edge.
  const absorbed = flows[FLOOD]! * FLOOD_ABSORBED;
  flows[FLOOD] = flows[FLOOD]! - absorbed;
  sc.stepCounts[C_FLOOD_DROPPED] = sc.stepCounts[C_FLOOD_DROPPED]! + absorbed;

  const o = topo.distOrigin[d]!;
  if (o < 0) {
    let users2 = 0;
    for (let c = 0; c < USER_CLASS_COUNT; c++) users2 += flows[c]!;
    sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + users2;
    sc.stepCounts[C_FLOOD_REJECTED] = sc.stepCounts[C_FLOOD_REJECTED]! + flows[FLOOD]!;
    sc.distErrors[d] = sc.distErrors[d]! + users2;
    return;
  }
  addLane(world, o, a, flows, edgeMs + backboneRttMs(world, a, topo.frontRegion[o]!) - EDGE_RTT[a]!, 0, CF_EGRESS_PER_GB[a]!, 0);
}

/** Drops what a web ACL blocks from flows (users blocked count as failed, flood as dropped). */
export function applyWaf(world: World, w: number, a: number, flows: Float64Array): void {
  const topo = world.topo;
  const sc = world.scratch;
  let total = 0;
  for (let c = 0; c < CLASS_COUNT; c++) total += flows[c]!;
  sc.stepCost[M_EDGE] = sc.stepCost[M_EDGE]! + total * WAF_PER_REQUEST * STEP_SECONDS;
  book(sc, M_EDGE, S_WAF, topo.wafSlot[w]!, total * WAF_PER_REQUEST * STEP_SECONDS);
  let passUsers = 1;
  let passFlood = 1;
  if (((topo.wafBlockedMask[w]! >> a) & 1) === 1) {
    passUsers = 0;
    passFlood = 0;
  } else if (topo.wafRateLimit[w]! > 0) {
    const limit = topo.wafRateLimit[w]!;
    passUsers = limit >= USER_RATE ? 1 : limit / USER_RATE;
    const fs = sc.floodPerSource[a]!;
    passFlood = limit >= fs ? 1 : limit / fs;
  }
  if (passUsers < 1) {
    let blocked = 0;
    for (let c = 0; c < USER_CLASS_COUNT; c++) {
      blocked += flows[c]! * (1 - passUsers);
      flows[c] = flows[c]! * passUsers;
    }
    sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + blocked;
    sc.stepCounts[C_BLOCKED] = sc.stepCounts[C_BLOCKED]! + blocked;
  }
  if (passFlood < 1) {
    sc.stepCounts[C_FLOOD_DROPPED] = sc.stepCounts[C_FLOOD_DROPPED]! + flows[FLOOD]! * (1 - passFlood);
    flows[FLOOD] = flows[FLOOD]! * passFlood;
  }
}

function toAccelerator(world: World, a: number, acc: number, share: number): void {
  const topo = world.topo;
  if (topo.accEnabled[acc] !== 1) return failShare(world, a, share, false);
  const egCount = topo.egRegion.length;
  const g0 = topo.accGroupStart[acc]!;
  const g1 = topo.accGroupStart[acc + 1]!;
  let remaining = 1;
  let firstHealthy = -1;
  for (let k = g0; k < g1 && remaining > 0; k++) {
    const g = topo.egOrder[a * egCount + k]!;
    if (topo.egDial[g] === 0 || groupWeight(world, g, true) === 0) continue;
    if (firstHealthy < 0) firstHealthy = g;
    const take = remaining * topo.egDial[g]!;
    sendToGroup(world, a, g, share * take, true);
    remaining -= take;
  }
  if (remaining <= 1e-12) return;
  if (firstHealthy >= 0) sendToGroup(world, a, firstHealthy, share * remaining, true);
  else if (g1 > g0) sendToGroup(world, a, topo.egOrder[a * egCount + g0]!, share * remaining, false); // fails open
  else failShare(world, a, share * remaining, false);
}

function groupWeight(world: World, g: number, healthyOnly: boolean): number {
  const topo = world.topo;
  let sum = 0;
  for (let p = topo.egEndpointStart[g]!; p < topo.egEndpointStart[g + 1]!; p++) {
    if (!healthyOnly || world.state.epHealthy[p] === 1) sum += topo.epWeight[p]!;
  }
  return sum;
}

function sendToGroup(world: World, a: number, g: number, share: number, healthyOnly: boolean): void {
  const topo = world.topo;
  const sc = world.scratch;
  const sum = groupWeight(world, g, healthyOnly);
  if (sum === 0) return failShare(world, a, share, false);
  const rtt = backboneRttMs(world, a, topo.egRegion[g]!) + GA_ADDED_MS;
  for (let p = topo.egEndpointStart[g]!; p < topo.egEndpointStart[g + 1]!; p++) {
    if (healthyOnly && world.state.epHealthy[p] !== 1) continue;
    const part = (share * topo.epWeight[p]!) / sum;
    if (part === 0) continue;
    for (let c = 0; c < CLASS_COUNT; c++) sc.flows[c] = sc.demand[a * CLASS_COUNT + c]! * part;
    addLane(world, topo.epFront[p]!, a, sc.flows, rtt, 1, 0, GA_PREMIUM_PER_GB[a]!);
  }
}
