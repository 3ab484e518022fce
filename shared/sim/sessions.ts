// Logged-in users whose sessions the application keeps in the serving instance's memory (scenario
// `sessions`). Decided per target group when balancing (balancing.ts), from the shares it already computed, so
// no user is tracked one by one:
// - no stickiness: a session lives on the instance the user logged in on; a request that lands on instance e
//   finds it there with the chance that it was e (e's share of the group), so 1 − share of e's session requests
//   fail (the user is logged out);
// - stickiness: the user stays on their instance (no such failure), but when an instance stops being routable
//   (it failed its health checks, was replaced or scaled in) the users it held lose their sessions: their next
//   requests, in the step they are moved, fail once (target-weights.ts `keepSessions` returns that share);
// - a shared session store (compile/session-store.ts): the instances are stateless, no logout either way —
//   unless the store is a single cache node in a zone that is dark: then every session request fails.
// - a DynamoDB store is billed per request it serves (chargeSessionStore), a cache by the node-hour (compile/control.ts).
// Worlds whose scenario has no sessions never call any of this.

import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { chargeStep, S_DYNAMODB } from './bill.ts';
import { CLASS_COUNT, READ, STEP_SECONDS, WRITE } from './constants.ts';
import { M_OTHER } from './scratch.ts';
import { NO_STORE } from './compile/session-store.ts';
import type { World } from './world.ts';
import { note } from './world.ts';

/** True while the scenario's users hold sessions (one comparison a step for worlds without them). */
export function sessionsHeld(world: World): boolean {
  return world.plan.sessionShare > 0 && world.state.tally[0]! >= world.plan.sessionFromS;
}

/** Per instance of one target group's run of edges: the share of its session requests that fail this step. */
export function loseSessions(world: World, e0: number, e1: number, sticky: boolean, lost: number): void {
  const topo = world.topo;
  const sc = world.scratch;
  const fail = sc.instSessionFail;
  const store = topo.sessionStoreZone;
  if (store !== NO_STORE) {
    const down = store >= 0 && world.state.zoneDown[store] === 1 ? 1 : 0;
    for (let e = e0; e < e1; e++) fail[topo.edgeInst[e]!] = down;
    return;
  }
  if (sticky) {
    for (let e = e0; e < e1; e++) fail[topo.edgeInst[e]!] = lost;
    if (lost > 1e-6) {
      const tg = topo.tgResource[topo.edgeTg[e0]!]!;
      note(world, 'sessionsLost', { targetGroup: topo.labels[tg]!, pct: Math.round(lost * 1000) / 10 });
    }
    return;
  }
  for (let e = e0; e < e1; e++) {
    const share = sc.edgeShare[e]!;
    fail[topo.edgeInst[e]!] = share > 0 ? 1 - share : 0;
  }
}

/** After service: each instance's session requests (that share of its dynamic ones) fail by its share. */
export function failLostSessions(world: World): void {
  const share = world.plan.sessionShare;
  const sc = world.scratch;
  const fail = sc.instSessionFail;
  for (let i = 0; i < fail.length; i++) {
    const f = fail[i]!;
    if (f === 0 || sc.instUnits[i] === 0) continue;
    const keep = 1 - share * f;
    const base = i * CLASS_COUNT;
    sc.instSucc[base + READ] = sc.instSucc[base + READ]! * keep;
    sc.instSucc[base + WRITE] = sc.instSucc[base + WRITE]! * keep;
  }
}

/** Price factor per bill slot of a region (the global slot, which no table has, at 1). */
const REGION_FACTOR = Float64Array.from([...REGIONS.map((r) => priceFactorOf(r.code)), 1]);
const RRU_USD = catalogue.sessionStore.dynamoReadPerMillionUsd.value / 1e6;
const WRU_USD = catalogue.sessionStore.dynamoWritePerMillionUsd.value / 1e6;

/**
 * A DynamoDB session store's on-demand requests this step: every session request the instances served reads the
 * session (one RRU), every served write request of a logged-in user writes it back (one WRU) — catalogue
 * sessionStore. Booked to DynamoDB in the table's region. A cache store is billed by the node-hour instead.
 */
export function chargeSessionStore(world: World): void {
  const slot = world.topo.sessionStoreDynamoSlot;
  if (slot < 0) return;
  const sc = world.scratch;
  let reads = 0;
  let writes = 0;
  for (let i = 0; i < world.topo.instCount; i++) {
    if (sc.instUnits[i] === 0) continue;
    const base = i * CLASS_COUNT;
    const written = sc.instOffered[base + WRITE]! * sc.instSucc[base + WRITE]!;
    reads += sc.instOffered[base + READ]! * sc.instSucc[base + READ]! + written;
    writes += written;
  }
  const share = world.plan.sessionShare * STEP_SECONDS;
  const usd = (reads * RRU_USD + writes * WRU_USD) * share * REGION_FACTOR[slot]!;
  if (usd > 0) chargeStep(sc, M_OTHER, S_DYNAMODB, slot, usd);
}
