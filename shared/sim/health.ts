// Health checks. A checker probes on its interval (probes fall on multiples of the interval since the start)
// and changes its view only after `threshold` consecutive results that disagree with it: so a dead target
// keeps receiving traffic for up to interval × unhealthy threshold, and a recovered one waits
// interval × healthy threshold. Three checkers: load balancer target health, Route 53 health checks,
// Global Accelerator endpoint health.

import { AREA_COUNT, FRONT_BUCKET, FRONT_INSTANCE, FRONT_LB, RUNNING, TO_DNS } from './constants.ts';
import { checkPasses } from './health-check-path.ts';
import { T_NOW } from './state.ts';
import { note, type World } from './world.ts';

/** One probe result applied to a view (1 healthy) and its counter of disagreeing results; returns the new view. */
function probe(pass: boolean, healthy: number, count: Int16Array, i: number, toHealthy: number, toUnhealthy: number): number {
  if ((pass ? 1 : 0) === healthy) {
    count[i] = 0;
    return healthy;
  }
  const c = count[i]! + 1;
  if (c >= (pass ? toHealthy : toUnhealthy)) {
    count[i] = 0;
    return pass ? 1 : 0;
  }
  count[i] = c;
  return healthy;
}

export function checkHealth(world: World): void {
  const s = world.state;
  const topo = world.topo;
  const sc = world.scratch;
  const t = s.tally[T_NOW]!;

  // Load balancer target health (each slot by its first target group's settings).
  let any = false;
  for (let g = 0; g < topo.tgCount; g++) {
    sc.tgProbing[g] = t % topo.tgIntervalS[g]! === 0 ? 1 : 0;
    if (sc.tgProbing[g] === 1) any = true;
  }
  let lost = 0;
  let gained = 0;
  // A check on a path the application does not serve (or whose Matcher excludes its answer) fails on a
  // running instance too (health-check-path.ts).
  const passes = any ? checkPasses(world) : sc.tgCheckPass;
  for (let i = 0; any && i < topo.instCount; i++) {
    const tg = topo.instTg[i]!;
    const st = s.instState[i]!;
    if (tg < 0 || st === 0 || sc.tgProbing[tg] === 0) continue;
    const before = s.instHealthy[i]!;
    // A security group that does not admit the load balancer drops its probes: they time out (compile/security-groups.ts).
    const pass = st === RUNNING && passes[tg] === 1 && topo.instCheckBlocked[i] === 0;
    const after = probe(pass, before, s.instProbes, i, topo.tgHealthy[tg]!, topo.tgUnhealthy[tg]!);
    if (after !== before) {
      s.instHealthy[i] = after;
      if (after === 1) gained++;
      else lost++;
    }
  }
  if (lost > 0) note(world, 'targetsUnhealthy', { count: lost });
  if (gained > 0) note(world, 'targetsHealthy', { count: gained });

  // What each front can do right now (serving: a probe through it succeeds) and what its load balancer
  // believes (healthy view: what Route 53 sees when an alias evaluates target health). Only Route 53 and
  // accelerator probes and DNS answers read these, so they are worked out only in steps that have some.
  let needed = false;
  for (let h = 0; h < topo.hcCount && !needed; h++) if (t % topo.hcIntervalS[h]! === 0) needed = true;
  for (let g = 0; g < topo.egRegion.length && !needed; g++) if (t % topo.egIntervalS[g]! === 0) needed = true;
  if (topo.entryKind === TO_DNS) for (let a = 0; a < AREA_COUNT && !needed; a++) if (t >= s.dnsExpiry[a]!) needed = true;
  for (let f = 0; needed && f < topo.frontCount; f++) {
    const ref = topo.frontRef[f]!;
    const kind = topo.frontKind[f]!;
    let serving = 0;
    let view = 0;
    if (kind === FRONT_LB) {
      const z0 = topo.lbZoneStart[ref]!;
      const z1 = topo.lbZoneStart[ref + 1]!;
      for (let e = topo.lbEdgeStart[ref]!; e < topo.lbEdgeStart[ref + 1]! && serving === 0; e++) {
        const i = topo.edgeInst[e]!;
        if (s.instHealthy[i] !== 1) continue;
        const z = s.instZone[i]!;
        let enabled = false;
        for (let k = z0; k < z1; k++) if (topo.lbZones[k] === z) enabled = true;
        if (!enabled) continue;
        view = 1;
        if (s.instState[i] === RUNNING && s.regionDown[topo.lbRegion[ref]!] === 0) serving = 1;
      }
    } else if (kind === FRONT_INSTANCE) {
      serving = view = s.instState[ref] === RUNNING ? 1 : 0;
    } else if (kind === FRONT_BUCKET) {
      serving = view = s.regionDown[topo.bucketRegion[ref]!] === 0 ? 1 : 0;
    }
    sc.frontServing[f] = serving;
    sc.frontHealthyView[f] = view;
  }

  // Route 53 health checks.
  for (let h = 0; h < topo.hcCount; h++) {
    if (t % topo.hcIntervalS[h]! !== 0) continue;
    const f = topo.hcFront[h]!;
    const before = s.hcHealthy[h]!;
    const th = topo.hcThreshold[h]!;
    const after = probe(f < 0 || sc.frontServing[f] === 1, before, s.hcProbes, h, th, th);
    if (after !== before) {
      s.hcHealthy[h] = after;
      note(world, after ? 'checkHealthy' : 'checkUnhealthy', { check: topo.labels[topo.hcResource[h]!]! });
    }
  }

  // Global Accelerator endpoint health.
  for (let p = 0; p < topo.epCount; p++) {
    const g = topo.epGroup[p]!;
    if (t % topo.egIntervalS[g]! !== 0) continue;
    const before = s.epHealthy[p]!;
    const th = topo.egThreshold[g]!;
    const after = probe(sc.frontServing[topo.epFront[p]!] === 1, before, s.epProbes, p, th, th);
    if (after !== before) {
      s.epHealthy[p] = after;
      note(world, after ? 'endpointHealthy' : 'endpointUnhealthy', { endpoint: topo.labels[topo.frontResource[topo.epFront[p]!]!]! });
    }
  }
}
