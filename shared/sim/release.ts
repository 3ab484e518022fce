// A bad release (scenario event `release`): while it is active, the instances of the released stack (or only
// the named resource in it) answer errorPct of what reaches them with errors. Nothing else changes: the
// instances stay healthy (their health check path still answers), so neither a load balancer nor Route 53
// takes them out. Only the traffic sent to the new version fails, which is what a weighted canary is for:
// a record that gives the new stack 10% of the weight loses 10% × errorPct; a switch of all traffic loses
// errorPct. Applied after finishInstances, before the fronts complete, so every measure sees the errors.

import { CLASS_COUNT, STEP_SECONDS } from './constants.ts';
import { ACTIVE } from './events.ts';
import { T_NOW } from './state.ts';
import { note, type World } from './world.ts';

/** Turns errorPct of the released instances' successes into failures (a no-op while no release is active). */
export function applyReleases(world: World): void {
  const events = world.plan.events;
  const phase = world.state.eventPhase;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (e.type !== 'release' || phase[k] !== ACTIVE) continue;
    const keep = 1 - e.params.errorPct / 100;
    const topo = world.topo;
    const sc = world.scratch;
    const { resources, stacks } = world.design;
    let reached = false;
    for (let i = 0; i < topo.instCount; i++) {
      if (sc.instUnits[i] === 0) continue;
      const r = resources[topo.instResource[i]!]!;
      if (stacks[r.stack]?.name !== e.params.stack) continue;
      if (e.params.target !== undefined && r.logicalId !== e.params.target) continue;
      const base = i * CLASS_COUNT;
      for (let c = 0; c < CLASS_COUNT; c++) sc.instSucc[base + c] = sc.instSucc[base + c]! * keep;
      reached = true;
    }
    // The first step of the release (no state needed: the step whose start is the first at or after atS)
    // names the failure, so the debrief's "first failure" points at it when traffic reaches the new version.
    const t = world.state.tally[T_NOW]!;
    if (reached && keep < 1 && t >= e.atS && t - STEP_SECONDS < e.atS) {
      const stack = e.params.target ? `${e.params.stack}/${e.params.target}` : e.params.stack;
      note(world, 'releaseErrors', { stack, errorPct: e.params.errorPct });
    }
  }
}
