// A dependency slowly failing (scenario event dependency-slowdown): each instance keeps a pool of poolSize
// connections to it, and every order (a write request) makes one call that holds a connection for the
// dependency's latency, which the order's own latency carries. A call that finds every connection busy fails (the pool's checkout times out) and is
// logged as an ERROR; the share of such calls is Erlang's loss formula B(c, a) for c connections and a = attempts
// a second × latency offered erlangs (a pool of c servers without a queue). The application retries a failed
// call `retries` times, and retries are attempts too, so the share p solves p = B(c, calls × (1 + … + p^retries)
// × latency). A user's request fails only when every attempt fails: p^(retries+1). With 20 connections at 60%
// busy about 1% of the calls log an ERROR and one request in a million fails; the logs know long before the
// users do. Waiting on the dependency uses no CPU, so CPU-based scaling does not see it; more instances mean more
// pools. Applied after the releases, before the fronts.

import { CLASS_COUNT, regionOf, WRITE } from './constants.ts';
import { ACTIVE } from './events.ts';
import { T_NOW } from './state.ts';
import type { World } from './world.ts';

/** The dependency's latency at time t of an active slowdown: fromMs, then linearly to toMs over rampS. */
export function dependencyLatencyMs(p: { fromMs: number; toMs: number; rampS: number }, atS: number, t: number): number {
  const x = p.rampS > 0 ? Math.min(1, Math.max(0, (t - atS) / p.rampS)) : 1;
  return p.fromMs + (p.toMs - p.fromMs) * x;
}

/** Erlang's loss formula: the share of arrivals that find all of c servers busy at `erlangs` offered load. */
export function erlangB(c: number, erlangs: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (erlangs * b) / (k + erlangs * b);
  return b;
}

/** The share of attempts that fail for `calls` first attempts a second, each holding a connection `latencyMs`. */
export function attemptFailShare(calls: number, latencyMs: number, pool: number, retries: number): number {
  if (calls <= 0) return 0;
  const erlangsPerCall = (calls * latencyMs) / 1000;
  let p = erlangB(pool, erlangsPerCall);
  // Fixed-point iteration from below: B rises with the attempts, so the sequence climbs to the least fixed point.
  for (let k = 0; k < 40; k++) {
    let attempts = 1;
    let pk = 1;
    for (let r = 0; r < retries; r++) {
      pk *= p;
      attempts += pk;
    }
    const next = erlangB(pool, erlangsPerCall * attempts);
    if (Math.abs(next - p) < 1e-9) return next;
    p = next;
  }
  return p;
}

export function applyDependencySlowdowns(world: World): void {
  const sc = world.scratch;
  sc.instDepCalls.fill(0);
  sc.instDepFail.fill(0);
  const events = world.plan.events;
  const phase = world.state.eventPhase;
  const t = world.state.tally[T_NOW]!;
  const topo = world.topo;
  const { resources, stacks } = world.design;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (e.type !== 'dependency-slowdown' || phase[k] !== ACTIVE) continue;
    const latencyMs = dependencyLatencyMs(e.params, e.atS, t);
    const retries = e.params.retries;
    for (let i = 0; i < topo.instCount; i++) {
      if (sc.instUnits[i] === 0 || world.state.instZone[i]! < 0) continue;
      if (e.params.stack !== undefined && stacks[resources[topo.instResource[i]!]!.stack]?.name !== e.params.stack) continue;
      const base = i * CLASS_COUNT;
      const calls = sc.instOffered[base + WRITE]! * sc.instSucc[base + WRITE]!;
      const p = attemptFailShare(calls, latencyMs, e.params.poolSize, retries);
      sc.instDepCalls[i] = calls;
      sc.instDepFail[i] = p;
      sc.instLat[base + WRITE] = sc.instLat[base + WRITE]! + latencyMs;
      if (p === 0) continue;
      sc.instSucc[base + WRITE] = sc.instSucc[base + WRITE]! * (1 - p ** (retries + 1));
    }
  }
}

/** The region index of instance slot i (-1 while it has no zone). */
export function instanceRegion(world: World, i: number): number {
  const z = world.state.instZone[i]!;
  return z < 0 ? -1 : regionOf(z);
}

/** ERROR lines a second the application writes this step: every failed attempt, retried or given up on. */
export function errorLinesPerSecond(world: World): number {
  const sc = world.scratch;
  let retries = 0;
  for (const e of world.plan.events) if (e.type === 'dependency-slowdown') retries = e.params.retries;
  let lines = 0;
  for (let i = 0; i < world.topo.instCount; i++) {
    const p = sc.instDepFail[i]!;
    if (p === 0) continue;
    let pk = 1;
    for (let k = 0; k <= retries; k++) {
      pk *= p;
      lines += sc.instDepCalls[i]! * pk;
    }
  }
  return lines;
}
