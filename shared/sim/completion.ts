// Step 4 (end): what happened to the requests of each front. Per zone of the front, the targets' success,
// shed share and latency are averaged by their traffic share; each lane (area × class) then adds its
// upstream round trip and lands in the latency histogram per zone, so a hot zone shows in the tail.
// Everything not served or shed failed: conservation holds by construction.

import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import {
  AREA_COUNT,
  CLASS_COUNT,
  FLOOD,
  FRONT_BUCKET,
  FRONT_INSTANCE,
  FRONT_LB,
  READ,
  STATIC,
  STEP_SECONDS,
  WRITE,
} from './constants.ts';
import { bucketOf } from './latency.ts';
import {
  C_FAILED,
  C_FLOOD_REJECTED,
  C_FLOOD_SERVED,
  C_SERVED,
  C_SHED,
  M_BALANCING,
  M_EDGE,
  M_OTHER,
  M_TRANSFER,
  type Scratch,
} from './scratch.ts';
import { book, GLOBAL_SLOT, S_ACCELERATOR, S_CLOUDFRONT, S_ELB, S_S3, S_TRANSFER } from './bill.ts';
import type { World } from './world.ts';

const SIZE_GB = Float64Array.from([
  catalogue.requests.staticResponseKb.value / 1e6,
  catalogue.requests.readResponseKb.value / 1e6,
  catalogue.requests.writeResponseKb.value / 1e6,
  catalogue.requests.readResponseKb.value / 1e6,
]);
const EGRESS_BY_REGION = Float64Array.from(
  REGIONS.map((r) => catalogue.dataTransfer.internetEgressPerGbUsd.value * priceFactorOf(r.code)),
);
const BUCKET_MS = catalogue.bucket.latencyMs.value;
const BUCKET_GET = catalogue.bucket.perThousandGetsUsd.value / 1000;
const BUCKET_PUT = catalogue.bucket.perThousandPutsUsd.value / 1000;

export function completeFronts(world: World): void {
  const topo = world.topo;
  const sc = world.scratch;
  sc.lbRequests.fill(0);
  sc.lbErrors.fill(0);
  sc.lbLatencyMs.fill(0);
  const regionDown = world.state.regionDown;
  const laneFlow = sc.laneFlow;
  const laneLat = sc.laneLat;
  const classServed = sc.classServed;
  const classMs = sc.classMs;
  const hist = sc.stepHist;
  const edgeShare = sc.edgeShare;
  const edgeInst = topo.edgeInst;
  const edgeSlot = sc.edgeSlot;
  for (let f = 0; f < topo.frontCount; f++) {
    const fc = f * CLASS_COUNT;
    let total = 0;
    for (let c = 0; c < CLASS_COUNT; c++) total += sc.frontTotals[fc + c]!;
    const kind = topo.frontKind[f]!;
    if (kind === FRONT_LB) countTargets(world, topo.frontRef[f]!);
    if (total === 0) continue;
    if (kind === FRONT_BUCKET) {
      completeBucket(world, f);
      continue;
    }
    const zs = sc.zoneServed;
    const zh = sc.zoneShed;
    const zl = sc.zoneLat;
    let addedMs = 0;
    let zones = 1;
    if (kind === FRONT_LB) {
      const lb = topo.frontRef[f]!;
      addedMs = topo.lbAddedMs[lb]!;
      zones = topo.lbZoneStart[lb + 1]! - topo.lbZoneStart[lb]!;
    }
    // (A loop, not fill(): for a dozen numbers the builtin's call costs more than the work.)
    for (let k = 0; k < zones * CLASS_COUNT; k++) {
      zs[k] = 0;
      zh[k] = 0;
      zl[k] = 0;
    }
    // Flood is rare: its class is skipped unless this front receives some.
    const classes = sc.frontTotals[fc + FLOOD]! > 0 ? CLASS_COUNT : FLOOD;
    if (kind === FRONT_LB) {
      const lb = topo.frontRef[f]!;
      if (regionDown[topo.lbRegion[lb]!] === 0) {
        const e1 = topo.lbEdgeStart[lb + 1]!;
        if (topo.lbUniformClasses[lb] === 1) {
          // One share per edge for every class (balancing.ts computeShares).
          for (let e = topo.lbEdgeStart[lb]!; e < e1; e++) {
            const w = edgeShare[e]!;
            // Sent over a connection the security groups forbid, a request times out: nothing served.
            if (w > 0 && topo.edgeBlocked[e] === 0) accumulateEven(sc, edgeInst[e]!, w, edgeSlot[e]!, classes);
          }
        } else {
          for (let e = topo.lbEdgeStart[lb]!; e < e1; e++) {
            if (edgeShare[e]! > 0 && topo.edgeBlocked[e] === 0) accumulate(sc, edgeInst[e]!, sc.edgeClassShare, e * CLASS_COUNT, edgeSlot[e]!, classes);
          }
        }
      }
    } else if (kind === FRONT_INSTANCE) {
      accumulateEven(sc, topo.frontRef[f]!, 1, 0, classes);
    }
    // Lanes into the histogram. Per class, zones whose latencies are within 5% of each other (half a
    // histogram bucket) are recorded as one; a hot zone is recorded apart, so it shows in the tail.
    const merged = sc.classMerged;
    for (let c = 0; c < FLOOD; c++) {
      let lo = Infinity;
      let hi = 0;
      let S = 0;
      let L = 0;
      for (let j = 0; j < zones; j++) {
        const zsj = zs[j * CLASS_COUNT + c]!;
        if (zsj <= 0) continue;
        const ms = zl[j * CLASS_COUNT + c]! / zsj;
        if (ms < lo) lo = ms;
        if (ms > hi) hi = ms;
        S += zsj;
        L += zl[j * CLASS_COUNT + c]!;
      }
      merged[c] = hi <= lo * 1.05 ? 1 : 0;
      classServed[c] = S;
      classMs[c] = S > 0 ? L / S : 0;
    }
    let latSum = 0;
    let servedSum = 0;
    for (let a = 0; a < AREA_COUNT; a++) {
      const base = (f * AREA_COUNT + a) * CLASS_COUNT;
      for (let c = 0; c < FLOOD; c++) {
        const F = laneFlow[base + c]!;
        if (F === 0) continue;
        const upstream = laneLat[base + c]! / F + addedMs;
        if (merged[c] === 1) {
          const S = classServed[c]!;
          if (S <= 0) continue;
          const ms = upstream + classMs[c]!;
          const n = F * S;
          const b = bucketOf(ms);
          hist[b] = hist[b]! + n;
          latSum += n * ms;
          servedSum += n;
          continue;
        }
        for (let j = 0; j < zones; j++) {
          const S = zs[j * CLASS_COUNT + c]!;
          if (S <= 0) continue;
          const ms = upstream + zl[j * CLASS_COUNT + c]! / S;
          const n = F * S;
          const b = bucketOf(ms);
          hist[b] = hist[b]! + n;
          latSum += n * ms;
          servedSum += n;
        }
      }
    }
    // Counts and money per class.
    let servedAll = 0;
    let egressUsd = 0;
    let edgeUsd = 0;
    const region = topo.frontRegion[f]!;
    for (let c = 0; c < CLASS_COUNT; c++) {
      const T = sc.frontTotals[fc + c]!;
      if (T === 0) continue;
      let S = 0;
      let H = 0;
      for (let j = 0; j < zones; j++) {
        S += zs[j * CLASS_COUNT + c]!;
        H += zh[j * CLASS_COUNT + c]!;
      }
      const served = T * S;
      const shed = T * H;
      const failed = T - served - shed;
      servedAll += served;
      if (c === FLOOD) {
        sc.stepCounts[C_FLOOD_SERVED] = sc.stepCounts[C_FLOOD_SERVED]! + served;
        sc.stepCounts[C_FLOOD_REJECTED] = sc.stepCounts[C_FLOOD_REJECTED]! + shed + failed;
      } else {
        sc.stepCounts[C_SERVED] = sc.stepCounts[C_SERVED]! + served;
        sc.stepCounts[C_SHED] = sc.stepCounts[C_SHED]! + shed;
        sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + failed;
      }
      // Responses leave the region: to the internet (direct and accelerator), to CloudFront (free here,
      // billed as CloudFront egress by the user's area), plus the accelerator's premium.
      egressUsd += sc.viaInternet[fc + c]! * S * SIZE_GB[c]! * EGRESS_BY_REGION[region]!;
      // (Nothing through CloudFront or an accelerator: both charges are exactly 0, so nothing is added.)
      const viaEdge = sc.viaEdgePrice[fc + c]!;
      const viaPremium = sc.viaPremium[fc + c]!;
      if (viaEdge === 0 && viaPremium === 0) continue;
      edgeUsd += (viaEdge + viaPremium) * S * SIZE_GB[c]!;
      book(sc, M_EDGE, S_CLOUDFRONT, GLOBAL_SLOT, viaEdge * S * SIZE_GB[c]! * STEP_SECONDS);
      book(sc, M_EDGE, S_ACCELERATOR, GLOBAL_SLOT, viaPremium * S * SIZE_GB[c]! * STEP_SECONDS);
    }
    sc.stepCost[M_TRANSFER] = sc.stepCost[M_TRANSFER]! + egressUsd * STEP_SECONDS;
    sc.stepCost[M_EDGE] = sc.stepCost[M_EDGE]! + edgeUsd * STEP_SECONDS;
    book(sc, M_TRANSFER, S_TRANSFER, region, egressUsd * STEP_SECONDS);
    if (kind === FRONT_LB) {
      const lb = topo.frontRef[f]!;
      sc.lbRequests[lb] = total * STEP_SECONDS;
      sc.lbErrors[lb] = (total - servedAll) * STEP_SECONDS;
      sc.lbLatencyMs[lb] = servedSum > 0 ? latSum / servedSum : 0;
      let usd = total * topo.lbPerRequestUsd[lb]!;
      // An NLB with cross-zone on pays for what crosses zones: about (1 − 1/zones) of its responses.
      if (topo.lbCrossZone[lb] === 1 && topo.lbCrossZonePerGbUsd[lb]! > 0 && zones > 1) {
        let gb = 0;
        for (let c = 0; c < CLASS_COUNT; c++) gb += sc.frontTotals[fc + c]! * SIZE_GB[c]!;
        usd += gb * (1 - 1 / zones) * topo.lbCrossZonePerGbUsd[lb]! * 2;
      }
      sc.stepCost[M_BALANCING] = sc.stepCost[M_BALANCING]! + usd * STEP_SECONDS;
      book(sc, M_BALANCING, S_ELB, region, usd * STEP_SECONDS);
    }
  }
}

/** Adds one target's results, weighted by its traffic share of each class (w[at + class]), to a zone slot. */
function accumulate(sc: Scratch, i: number, w: Float64Array, at: number, j: number, classes: number): void {
  const zb = j * CLASS_COUNT;
  const ib = i * CLASS_COUNT;
  const zs = sc.zoneServed;
  const zh = sc.zoneShed;
  const zl = sc.zoneLat;
  const succ = sc.instSucc;
  const shed = sc.instShed;
  const lat = sc.instLat;
  for (let c = 0; c < classes; c++) {
    const wc = w[at + c]!;
    const ok = succ[ib + c]! * wc;
    zs[zb + c] = zs[zb + c]! + ok;
    zh[zb + c] = zh[zb + c]! + shed[ib + c]! * wc;
    zl[zb + c] = zl[zb + c]! + ok * lat[ib + c]!;
  }
}

/** accumulate with one share w for every class. */
function accumulateEven(sc: Scratch, i: number, w: number, j: number, classes: number): void {
  const zb = j * CLASS_COUNT;
  const ib = i * CLASS_COUNT;
  const zs = sc.zoneServed;
  const zh = sc.zoneShed;
  const zl = sc.zoneLat;
  const succ = sc.instSucc;
  const shed = sc.instShed;
  const lat = sc.instLat;
  for (let c = 0; c < classes; c++) {
    const ok = succ[ib + c]! * w;
    zs[zb + c] = zs[zb + c]! + ok;
    zh[zb + c] = zh[zb + c]! + shed[ib + c]! * w;
    zl[zb + c] = zl[zb + c]! + ok * lat[ib + c]!;
  }
}

/** Healthy and unhealthy registered targets of a load balancer (CloudWatch HealthyHostCount). */
function countTargets(world: World, lb: number): void {
  const topo = world.topo;
  const s = world.state;
  let healthy = 0;
  let unhealthy = 0;
  for (let e = topo.lbEdgeStart[lb]!; e < topo.lbEdgeStart[lb + 1]!; e++) {
    const i = topo.edgeInst[e]!;
    if (s.instState[i] === 0) continue;
    if (s.instHealthy[i] === 1) healthy++;
    else unhealthy++;
  }
  world.scratch.lbHealthy[lb] = healthy;
  world.scratch.lbUnhealthy[lb] = unhealthy;
}

/** A bucket serves static objects and floods (at a per-request price); it cannot run dynamic requests. */
function completeBucket(world: World, f: number): void {
  const topo = world.topo;
  const sc = world.scratch;
  const fc = f * CLASS_COUNT;
  const up = world.state.regionDown[topo.frontRegion[f]!] === 0;
  for (let a = 0; a < AREA_COUNT; a++) {
    const base = (f * AREA_COUNT + a) * CLASS_COUNT;
    const F = sc.laneFlow[base + STATIC]!;
    if (F > 0 && up) {
      const b = bucketOf(sc.laneLat[base + STATIC]! / F + BUCKET_MS);
      sc.stepHist[b] = sc.stepHist[b]! + F;
    }
  }
  const st = sc.frontTotals[fc + STATIC]!;
  const dyn = sc.frontTotals[fc + READ]! + sc.frontTotals[fc + WRITE]!;
  const flood = sc.frontTotals[fc + FLOOD]!;
  if (up) {
    sc.stepCounts[C_SERVED] = sc.stepCounts[C_SERVED]! + st;
    sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + dyn;
    sc.stepCounts[C_FLOOD_SERVED] = sc.stepCounts[C_FLOOD_SERVED]! + flood;
    const egress = sc.viaInternet[fc + STATIC]! * SIZE_GB[STATIC]! * EGRESS_BY_REGION[topo.frontRegion[f]!]!;
    const edge = (sc.viaEdgePrice[fc + STATIC]! + sc.viaPremium[fc + STATIC]!) * SIZE_GB[STATIC]!;
    sc.stepCost[M_TRANSFER] = sc.stepCost[M_TRANSFER]! + egress * STEP_SECONDS;
    sc.stepCost[M_EDGE] = sc.stepCost[M_EDGE]! + edge * STEP_SECONDS;
    sc.stepCost[M_OTHER] = sc.stepCost[M_OTHER]! + ((st + flood) * BUCKET_GET + sc.frontTotals[fc + WRITE]! * BUCKET_PUT) * STEP_SECONDS;
    const region = topo.frontRegion[f]!;
    book(sc, M_TRANSFER, S_TRANSFER, region, egress * STEP_SECONDS);
    book(sc, M_EDGE, S_CLOUDFRONT, GLOBAL_SLOT, sc.viaEdgePrice[fc + STATIC]! * SIZE_GB[STATIC]! * STEP_SECONDS);
    book(sc, M_EDGE, S_ACCELERATOR, GLOBAL_SLOT, sc.viaPremium[fc + STATIC]! * SIZE_GB[STATIC]! * STEP_SECONDS);
    book(sc, M_OTHER, S_S3, region, ((st + flood) * BUCKET_GET + sc.frontTotals[fc + WRITE]! * BUCKET_PUT) * STEP_SECONDS);
  } else {
    sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + st + dyn;
    sc.stepCounts[C_FLOOD_REJECTED] = sc.stepCounts[C_FLOOD_REJECTED]! + flood;
  }
}
