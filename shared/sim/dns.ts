// Route 53 as the simulation sees it: when an area's cached answer expires, its resolvers ask again and
// get an answer by the group's routing policy over the records Route 53 believes healthy (a health check's
// view, or the alias target's own view with EvaluateTargetHealth, else healthy). The answer is cached for
// the TTL: a failover waits for the health checks and then for the cache to expire.

import { AREAS } from '../geography/regions.ts';
import {
  POLICY_FAILOVER,
  POLICY_LATENCY,
  POLICY_WEIGHTED,
  REGION_COUNT,
  TO_ACCELERATOR,
  TO_DISTRIBUTION,
  TO_FRONT,
} from './constants.ts';
import { AREA_REGION_RTT, EDGE_RTT } from './paths.ts';
import { T_NOW } from './state.ts';
import { note, type World } from './world.ts';

function healthy(world: World, r: number): boolean {
  const topo = world.topo;
  if (topo.recHc[r]! >= 0) return world.state.hcHealthy[topo.recHc[r]!] === 1;
  if (topo.recEvaluate[r] === 1) {
    const kind = topo.recTargetKind[r];
    if (kind === TO_FRONT) return world.scratch.frontHealthyView[topo.recTarget[r]!] === 1;
    return kind === TO_DISTRIBUTION || kind === TO_ACCELERATOR;
  }
  return true;
}

/** Route 53 answers an area's resolvers: which records, in which shares, until the TTL expires. */
export function resolve(world: World, a: number): void {
  const topo = world.topo;
  const s = world.state;
  const next = world.scratch.dnsNext;
  const n = topo.recCount;
  next.fill(0);
  if (topo.recPolicy === POLICY_WEIGHTED) {
    weightedShares(world, next);
  } else if (topo.recPolicy === POLICY_LATENCY) {
    let best = -1;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (let r = 0; r < n; r++) {
        if (pass === 0 && !healthy(world, r)) continue;
        if (best < 0 || rttOfRecord(world, a, r) < rttOfRecord(world, a, best)) best = r;
      }
    }
    if (best >= 0) next[best] = 1;
  } else if (topo.recPolicy === POLICY_FAILOVER) {
    let primary = -1;
    let secondary = -1;
    for (let r = 0; r < n; r++) {
      if (topo.recFailover[r] === 1 && primary < 0) primary = r;
      if (topo.recFailover[r] === 2 && secondary < 0) secondary = r;
    }
    if (primary < 0) primary = 0;
    const pick = healthy(world, primary) || secondary < 0 || !healthy(world, secondary) ? primary : secondary;
    next[pick] = 1;
  } else {
    for (let r = 0; r < n; r++) next[r] = 1 / n;
  }
  let changed = false;
  const row = a * n;
  for (let r = 0; r < n; r++) {
    if (s.dnsShare[row + r] !== next[r]) changed = true;
    s.dnsShare[row + r] = next[r]!;
  }
  const t = s.tally[T_NOW]!;
  if (changed && s.dnsExpiry[a]! >= 0) {
    let top = 0;
    for (let r = 1; r < n; r++) if (next[r]! > next[top]!) top = r;
    note(world, 'resolversSwitch', { area: AREAS[a]!.code, record: topo.labels[topo.recResource[top]!]! });
  }
  s.dnsExpiry[a] = t + topo.dnsTtlS;
}

/**
 * Weighted answers as Route 53 gives them: the healthy records by weight; when every record with a weight
 * above 0 is unhealthy, the healthy zero-weight records in equal shares (a standby that gets nothing until
 * then); when none is healthy, all of them by weight, as if all were (equal shares if every weight is 0).
 */
function weightedShares(world: World, next: Float64Array): void {
  const topo = world.topo;
  const n = topo.recCount;
  let sum = 0;
  let zeros = 0;
  for (let r = 0; r < n; r++) {
    if (!healthy(world, r)) continue;
    sum += topo.recWeight[r]!;
    if (topo.recWeight[r] === 0) zeros++;
  }
  if (sum > 0) {
    for (let r = 0; r < n; r++) if (healthy(world, r)) next[r] = topo.recWeight[r]! / sum;
    return;
  }
  if (zeros > 0) {
    for (let r = 0; r < n; r++) if (healthy(world, r)) next[r] = 1 / zeros;
    return;
  }
  for (let r = 0; r < n; r++) sum += topo.recWeight[r]!;
  for (let r = 0; r < n; r++) next[r] = sum > 0 ? topo.recWeight[r]! / sum : 1 / n;
}

function rttOfRecord(world: World, a: number, r: number): number {
  const region = world.topo.recRegion[r]!;
  return region < 0 ? EDGE_RTT[a]! : AREA_REGION_RTT[a * REGION_COUNT + region]!;
}
