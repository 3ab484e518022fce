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
// Worlds whose scenario has no sessions never call any of this.

import { CLASS_COUNT, READ, WRITE } from './constants.ts';
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
