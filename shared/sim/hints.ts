// Live hints: which of the scenario's hints hold on the running world right now. Pure and read-only: it
// reads the design, the compiled topology, the state and the last step's metrics, and changes nothing, so
// the room may ask at any moment (and show each hint once, by its id).

import { errorLinesPerSecond } from './dependency.ts';
import { catalogue } from '../catalogue/index.ts';
import { cidrOverlaps, parseCidr } from '../design/cidr.ts';
import type { HintCondition } from '../scenario/hints.ts';
import { AREA_COUNT, DB_AVAILABLE, EMPTY, FAILED, REGION_COUNT, RUNNING, TO_ACCELERATOR, TO_DNS, ZONES_PER_REGION } from './constants.ts';
import { officeRoutes } from './office.ts';
import { rogueStackName } from './credentials.ts';
import { AREA_REGION_RTT } from './paths.ts';
import { reaches } from './service.ts';
import { reachesBudget, worldForecastUsd } from './money.ts';
import { T_BUDGET, T_NOW } from './state.ts';
import type { World } from './world.ts';

export interface DueHint {
  id: string;
  text: { en: string; ko: string };
}

/** The scenario's live hints whose time has come and whose condition holds now. */
export function hintsDue(world: World): DueHint[] {
  const t = world.state.tally[T_NOW]!;
  const out: DueHint[] = [];
  for (const h of world.scenario.liveHints ?? []) {
    if (t < h.afterS || (h.beforeS !== undefined && t >= h.beforeS)) continue;
    if (conditionHolds(world, h.when)) out.push({ id: h.id, text: { en: h.text.en, ko: h.text.ko ?? h.text.en } });
  }
  return out;
}

/** Whether one hint condition holds on the world now. */
export function conditionHolds(world: World, when: HintCondition): boolean {
  switch (when.condition) {
    case 'lb-disabled-zone':
      return lbMissesAZone(world);
    case 'single-zone':
      return zonesServing(world).size === 1;
    case 'single-region':
      return regionsServing(world).size === 1;
    case 'no-load-balancer':
      return world.topo.lbCount === 0 && serving(world).some((i) => world.topo.instPublic[i] === 1);
    case 'no-scaling-policy':
      return fixedFleet(world);
    case 'no-scheduled-action':
      return world.topo.schedCount === 0;
    case 'cpu-high':
      return cpuAbove(world, when.above);
    case 'cpu-low':
      return cpuBelow(world, when.below);
    case 'db-cpu-low':
      return world.topo.dbCount > 0 && Array.from(world.state.dbState).every((st, d) => st !== DB_AVAILABLE || world.state.dbCpu[d]! < when.below);
    case 'db-cpu-high':
      return Array.from(world.state.dbCpu).some((cpu) => cpu > when.above);
    case 'single-az-database':
      return primaries(world).some((d) => world.topo.dbMultiAz[d] === 0);
    case 'no-read-replica':
      return primaries(world).some((d) => groupSize(world, world.topo.dbGroup[d]!) === 1);
    case 'budget-forecast-over':
      return forecastOver(world);
    case 'no-cdn-for-static':
      return world.scenario.mix.static >= when.minStatic && world.topo.distCount === 0;
    case 'dns-ttl-long':
      return world.topo.entryKind === TO_DNS && world.topo.dnsTtlS > when.aboveS;
    case 'no-accelerator':
      return world.topo.entryKind !== TO_ACCELERATOR && world.topo.accCount === 0;
    case 'far-users':
      return farUsers(world, when.aboveMs);
    case 'errors-high':
      return world.last.requests > 0 && world.last.errors / world.last.requests > when.above;
    case 'app-log-errors':
      return errorLinesPerSecond(world) * 60 > when.above;
    case 'latency-high':
      return world.last.requests > 0 && world.last.latencyP95Ms > world.scenario.latencyObjectiveMs;
    case 'rogue-instances':
      return rogueRunning(world);
    case 'vpc-unreachable':
      return serving(world).some((i) => {
        const g = world.topo.instDbGroup[i]!;
        return g >= 0 && !reaches(world, i, world.topo.groupMembers[world.topo.groupMemberStart[g]!]!);
      });
    case 'overlapping-cidrs':
      return vpcsOverlap(world);
    case 'targets-all-unhealthy':
      return groupAllUnhealthy(world);
    case 'office-unreachable':
      return officeCutOff(world);
  }
}

/** A target group whose registered targets are all unhealthy although at least one of them runs. */
function groupAllUnhealthy(world: World): boolean {
  const topo = world.topo;
  const s = world.state;
  for (let g = 0; g < topo.tgCount; g++) {
    let running = 0;
    let healthy = 0;
    for (let i = 0; i < topo.instCount; i++) {
      if (topo.instTg[i] !== g) continue;
      if (s.instState[i] === RUNNING) running++;
      if (s.instHealthy[i] === 1) healthy++;
    }
    if (running > 0 && healthy === 0) return true;
  }
  return false;
}

/** Live instance slots (not empty) that users' requests can reach: registered with a target group, or public. */
function serving(world: World): number[] {
  const topo = world.topo;
  const out: number[] = [];
  for (let i = 0; i < topo.instCount; i++) {
    if (world.state.instState[i] === EMPTY) continue;
    if (topo.instTg[i]! >= 0 || topo.instPublic[i] === 1) out.push(i);
  }
  return out;
}

function zonesServing(world: World): Set<number> {
  const zones = new Set<number>();
  for (const i of serving(world)) if (world.state.instState[i] === RUNNING) zones.add(world.state.instZone[i]!);
  return zones;
}

function regionsServing(world: World): Set<number> {
  const regions = new Set<number>();
  for (const i of serving(world)) if (world.state.instState[i] !== FAILED) regions.add(world.topo.instRegion[i]!);
  return regions;
}

function lbMissesAZone(world: World): boolean {
  const topo = world.topo;
  const s = world.state;
  for (let lb = 0; lb < topo.lbCount; lb++) {
    const zones = topo.lbZones.subarray(topo.lbZoneStart[lb]!, topo.lbZoneStart[lb + 1]!);
    for (let e = topo.lbEdgeStart[lb]!; e < topo.lbEdgeStart[lb + 1]!; e++) {
      const i = topo.edgeInst[e]!;
      if (s.instState[i] === EMPTY || s.instZone[i]! < 0) continue;
      if (!zones.includes(s.instZone[i]!)) return true;
    }
  }
  return false;
}

/** Serving instances whose number nothing changes: static ones, or a group with no policy and no schedule. */
function fixedFleet(world: World): boolean {
  const topo = world.topo;
  for (const i of serving(world)) if (topo.instAsg[i] === -1) return true;
  for (let g = 0; g < topo.asgCount; g++) {
    if (topo.asgTracking[g]! >= 0 || topo.schedAsg.includes(g)) continue;
    let driven = false;
    for (let k = 0; k < topo.alarmActions.length && !driven; k++) driven = topo.policyAsg[topo.alarmActions[k]!] === g;
    if (!driven) return true;
  }
  return false;
}

function cpuAbove(world: World, above: number): boolean {
  const topo = world.topo;
  const s = world.state;
  for (let g = 0; g < topo.asgCount; g++) if (s.asgCpu[g]! > above) return true;
  for (const i of serving(world)) if (topo.instAsg[i] === -1 && s.instCpu[i]! > above) return true;
  return false;
}

/** The average CPU of the serving instances that run (none running: not low, just down). */
function cpuBelow(world: World, below: number): boolean {
  let sum = 0;
  let n = 0;
  for (const i of serving(world)) {
    if (world.state.instState[i] !== RUNNING) continue;
    sum += world.state.instCpu[i]!;
    n++;
  }
  return n > 0 && sum / n < below;
}

/** Databases that take writes: primaries and promoted replicas. */
function primaries(world: World): number[] {
  const out: number[] = [];
  for (let d = 0; d < world.topo.dbCount; d++) if (world.topo.dbSource[d] === -1 || world.state.dbPromoted[d] === 1) out.push(d);
  return out;
}

function groupSize(world: World, g: number): number {
  return world.topo.groupMemberStart[g + 1]! - world.topo.groupMemberStart[g]!;
}

/** The budget alerts' own forecast (money.ts) at or above the scenario's budget, by their own test. */
function forecastOver(world: World): boolean {
  return reachesBudget(worldForecastUsd(world), world.state.tally[T_BUDGET]!);
}

function farUsers(world: World, aboveMs: number): boolean {
  const regions = regionsServing(world);
  if (regions.size === 0) return false;
  for (let a = 0; a < AREA_COUNT; a++) {
    if (world.plan.hasTraffic[a] !== 1 || world.plan.baseline[a] === 0) continue;
    let nearest = Infinity;
    for (const r of regions) nearest = Math.min(nearest, AREA_REGION_RTT[a * REGION_COUNT + r]!);
    if (nearest > aboveMs) return true;
  }
  return false;
}

function rogueRunning(world: World): boolean {
  const rogue = new Set<number>();
  for (const e of world.plan.events) {
    if (e.type !== 'leaked-credentials') continue;
    const stack = world.design.stacks.findIndex((s) => s.name === rogueStackName(e.params.user));
    if (stack >= 0) rogue.add(stack);
  }
  if (rogue.size === 0) return false;
  const topo = world.topo;
  for (let i = 0; i < topo.instCount; i++) {
    const st = world.state.instState[i]!;
    if (st !== EMPTY && st !== FAILED && rogue.has(world.design.resources[topo.instResource[i]!]!.stack)) return true;
  }
  return false;
}

function vpcsOverlap(world: World): boolean {
  const topo = world.topo;
  const blocks = Array.from(topo.vpcResource, (id) => {
    const r = world.design.resources[id]!;
    return r.kind === 'vpc' && !world.design.stacks[r.stack]?.name.startsWith('rogue-') ? parseCidr(r.props.cidr) : undefined;
  });
  for (let a = 0; a < blocks.length; a++) {
    for (let b = a + 1; b < blocks.length; b++) if (blocks[a] && blocks[b] && cidrOverlaps(blocks[a]!, blocks[b]!)) return true;
  }
  return false;
}

/** Some running instance the office has no way to (no VPN route to its VPC); false without an office. */
function officeCutOff(world: World): boolean {
  if (!world.plan.office) return false;
  const kinds = officeRoutes(world).kinds;
  for (let i = 0; i < world.topo.instCount; i++) {
    if (world.state.instState[i] !== RUNNING) continue;
    const z = world.state.instZone[i]!;
    if (kinds[i * ZONES_PER_REGION + (z < 0 ? 0 : z % ZONES_PER_REGION)] === 0) return true;
  }
  return false;
}
