// Inside one target group, what bends the algorithm's even (or by-capacity) split: anomaly mitigation
// (weighted random's automatic target weights route away from a target failing more than its group) and
// sticky sessions (users keep the target they landed on; only those whose visit ends are balanced afresh).
// Both read and write their own state arrays (state.ts), allocated only for designs that use them.

import { catalogue } from '../catalogue/index.ts';
import { CLASS_COUNT, FLOOD } from './constants.ts';
import type { World } from './world.ts';

const FLOOR = catalogue.loadBalancing.anomalyMitigationFloor.value;
const MARGIN = catalogue.loadBalancing.anomalyErrorMargin.value;

/** Scales each routable target's share by its anomaly weight (halved while it fails more than its group). */
export function mitigateAnomalies(world: World, e0: number, e1: number): void {
  const sc = world.scratch;
  const s = world.state;
  const edgeInst = world.topo.edgeInst;
  let mean = 0;
  for (let e = e0; e < e1; e++) if (sc.edgeShare[e]! > 0) mean += sc.edgeShare[e]! * s.instErrShare[edgeInst[e]!]!;
  let total = 0;
  for (let e = e0; e < e1; e++) {
    if (sc.edgeShare[e]! <= 0) continue;
    const a = s.edgeAnomaly[e]!;
    const anomalous = s.instErrShare[edgeInst[e]!]! > mean + MARGIN;
    s.edgeAnomaly[e] = anomalous ? Math.max(FLOOR, a * 0.5) : Math.min(1, a * 2);
    sc.edgeShare[e] = sc.edgeShare[e]! * s.edgeAnomaly[e]!;
    total += sc.edgeShare[e]!;
  }
  if (total > 0) for (let e = e0; e < e1; e++) sc.edgeShare[e] = sc.edgeShare[e]! / total;
}

/**
 * Sticky sessions: each target keeps its users; a turnover share of them finishes each step and the
 * algorithm balances that share afresh. A target that stops being routable (health checks failed it, or it
 * was never launched) loses its users to the others, who take them by the algorithm's split; a new or
 * recovered target starts empty and fills only as users arrive. Returns the share of the group's users whose
 * target was taken away this step (their sessions, if the instance held them, are lost: sessions.ts).
 */
export function keepSessions(world: World, e0: number, e1: number, turnover: number): number {
  const sc = world.scratch;
  const held = world.state.edgeSticky;
  if (held[e0]! < 0) {
    // Deployed warm: the users already there are spread as the algorithm spreads them.
    for (let e = e0; e < e1; e++) held[e] = sc.edgeShare[e]!;
    return 0;
  }
  let kept = 0;
  let lost = 0;
  for (let e = e0; e < e1; e++) {
    const even = sc.edgeShare[e]!;
    if (even <= 0) lost += held[e]!;
    held[e] = even > 0 ? held[e]! + turnover * (even - held[e]!) : 0;
    kept += held[e]!;
  }
  // Users of targets gone, and those not yet placed, go where the algorithm sends new users.
  const free = kept < 1 ? 1 - kept : 0;
  for (let e = e0; e < e1; e++) {
    held[e] = held[e]! + free * sc.edgeShare[e]!;
    sc.edgeShare[e] = held[e]!;
  }
  return lost;
}

/** After service: each anomaly-watched target's share of failed requests this step (kept if it got none). */
export function noteTargetErrors(world: World): void {
  const err = world.state.instErrShare;
  if (err.length === 0) return;
  const sc = world.scratch;
  for (let i = 0; i < err.length; i++) {
    let offered = 0;
    let ok = 0;
    for (let c = 0; c < FLOOD; c++) {
      const o = sc.instOffered[i * CLASS_COUNT + c]!;
      offered += o;
      ok += o * sc.instSucc[i * CLASS_COUNT + c]!;
    }
    if (offered > 0) err[i] = 1 - ok / offered;
  }
}
