// Scenario events: which are active at the start of a step, what they break when they start, and the
// per-step modifiers they impose (traffic multipliers, floods, inter-region degradation, dark zones).

import { catalogue } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import {
  AREA_COUNT,
  areaIndex,
  DB_AVAILABLE,
  DB_FAILING_OVER,
  DB_RECOVERING,
  FAILED,
  REGION_COUNT,
  regionIndex,
  RUNNING,
  ZONE_COUNT,
  zoneIndex,
  ZONES_PER_REGION,
} from './constants.ts';
import { nextRandom } from './rng.ts';
import { T_BUDGET, T_NOW } from './state.ts';
import { note, type World } from './world.ts';
import { PRICED_SERVICES } from '../scenario/events.ts';
import type { ScenarioEvent } from '../scenario/schema.ts';

// Phases of a scenario event (state.eventPhase). An announced event waits in ANNOUNCED until it starts.
export const PENDING = 0;
export const ACTIVE = 1;
export const OVER = 2;
export const ANNOUNCED = 3;

export function endOf(e: ScenarioEvent): number {
  return 'durationS' in e && e.durationS !== undefined ? e.atS + e.durationS : Infinity;
}

const ONE_SHOT = new Set(['instance-failure', 'db-failure', 'db-retirement', 'budget-cut', 'announcement']);

/** What the timeline says when an event starts; empty for events the scenario does not announce itself. */
function describe(e: ScenarioEvent): string {
  switch (e.type) {
    case 'az-outage':
      return `availability zone ${e.params.zone} goes dark`;
    case 'region-outage':
      return `region ${e.params.region} goes dark`;
    case 'inter-region-degradation':
      return `inter-region network degraded (+${e.params.addedMs} ms, ${e.params.lossPct}% loss${e.params.region ? ` around ${e.params.region}` : ''})`;
    case 'flood':
      return `a flood of requests starts from ${e.params.area}`;
    case 'traffic-spike':
    case 'flash-crowd':
      return `${e.type === 'flash-crowd' ? 'flash crowd' : 'traffic spike'}: ×${e.params.multiplier}${e.params.areas ? ` from ${e.params.areas.join(', ')}` : ''}`;
    case 'budget-cut':
      return `the budget is cut to $${e.params.amountUsd}`;
    case 'price-change':
      return `${e.params.service} prices change: ×${e.params.multiplier} the catalogue price`;
    case 'leaked-credentials':
      // Nobody announces a leak: it shows in CloudTrail as the user's own calls (see credentials.ts).
      return '';
    case 'announcement':
      return e.params.message;
    case 'instance-failure':
      return `instance failure (${e.params.count})`;
    case 'db-failure':
      return `database primary failure${e.params.target ? ` (${e.params.target})` : ''}`;
    case 'db-retirement':
      return `database ${e.params.stack ? `${e.params.stack}/` : ''}${e.params.target} is retired and shut down`;
  }
}

/** Starts and ends events at the current time, then derives this step's modifiers and dark zones. */
export function advanceEvents(world: World): void {
  const s = world.state;
  const t = s.tally[T_NOW]!;
  const events = world.plan.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (s.eventPhase[i] === PENDING && e.announce && t >= e.atS - e.announce.leadS && t < e.atS) {
      note(world, 'event', e.announce.message, e.announce.messageKo ? { messageKo: e.announce.messageKo } : undefined);
      s.eventPhase[i] = ANNOUNCED;
    }
    if ((s.eventPhase[i] === PENDING || s.eventPhase[i] === ANNOUNCED) && t >= e.atS) {
      const text = describe(e);
      if (text) note(world, 'event', text, e.type === 'announcement' && e.params.messageKo ? { messageKo: e.params.messageKo } : undefined);
      s.eventPhase[i] = ONE_SHOT.has(e.type) ? OVER : ACTIVE;
      startEvent(world, e);
    }
    if (s.eventPhase[i] === ACTIVE && t >= endOf(e)) {
      s.eventPhase[i] = OVER;
      const text = describe(e);
      if (text) note(world, 'event', `over: ${text}`);
    }
  }

  const sc = world.scratch;
  sc.spike.fill(1);
  sc.floodRps.fill(0);
  sc.floodPerSource.fill(catalogue.waf.floodRequestsPer5MinPerSource.value);
  sc.regionExtraMs.fill(0);
  sc.regionLoss.fill(0);
  sc.priceFactor.fill(1);
  const zoneDown = sc.zoneNext;
  const regionDown = sc.regionNext;
  zoneDown.fill(0);
  regionDown.fill(0);
  for (let i = 0; i < events.length; i++) {
    if (s.eventPhase[i] !== ACTIVE) continue;
    const e = events[i]!;
    switch (e.type) {
      case 'az-outage': {
        const z = zoneIndex(e.params.zone);
        if (z >= 0) zoneDown[z] = 1;
        break;
      }
      case 'region-outage': {
        const r = regionIndex(e.params.region);
        if (r >= 0) {
          regionDown[r] = 1;
          for (let k = 0; k < ZONES_PER_REGION; k++) zoneDown[r * ZONES_PER_REGION + k] = 1;
        }
        break;
      }
      case 'traffic-spike':
      case 'flash-crowd': {
        const ramp = e.params.rampS ?? (e.type === 'flash-crowd' ? 60 : 600);
        const progress = ramp > 0 ? Math.min(1, (t - e.atS) / ramp) : 1;
        const m = 1 + (e.params.multiplier - 1) * progress;
        for (let a = 0; a < AREA_COUNT; a++) {
          if (!e.params.areas || e.params.areas.some((code) => areaIndex(code) === a)) sc.spike[a] = sc.spike[a]! * m;
        }
        break;
      }
      case 'flood': {
        const a = areaIndex(e.params.area);
        if (a < 0) break;
        sc.floodRps[a] = sc.floodRps[a]! + (e.params.rps ?? (e.params.multiplier ?? 0) * world.plan.baseline[a]!);
        if (e.params.perSourceRate !== undefined) sc.floodPerSource[a] = e.params.perSourceRate;
        break;
      }
      case 'price-change': {
        const k = PRICED_SERVICES.indexOf(e.params.service);
        sc.priceFactor[k] = sc.priceFactor[k]! * e.params.multiplier;
        break;
      }
      case 'inter-region-degradation': {
        const only = e.params.region ? regionIndex(e.params.region) : -1;
        for (let r = 0; r < REGION_COUNT; r++) {
          if (only >= 0 && r !== only) continue;
          sc.regionExtraMs[r] = sc.regionExtraMs[r]! + e.params.addedMs;
          sc.regionLoss[r] = Math.min(1, sc.regionLoss[r]! + e.params.lossPct / 100);
        }
        break;
      }
      default:
        break;
    }
  }
  for (let z = 0; z < ZONE_COUNT; z++) {
    if (zoneDown[z] !== s.zoneDown[z]) {
      note(world, zoneDown[z] ? 'failure' : 'recovery', `zone ${zoneLabel(z)} is ${zoneDown[z] ? 'down' : 'back'}`);
    }
    s.zoneDown[z] = zoneDown[z]!;
  }
  for (let r = 0; r < REGION_COUNT; r++) s.regionDown[r] = regionDown[r]!;
}

function zoneLabel(z: number): string {
  return `${REGIONS[Math.floor(z / ZONES_PER_REGION)]!.code}${'abc'[z % ZONES_PER_REGION]}`;
}

function startEvent(world: World, e: ScenarioEvent): void {
  const s = world.state;
  const topo = world.topo;
  const t = s.tally[T_NOW]!;
  if (e.type === 'budget-cut') {
    s.tally[T_BUDGET] = e.params.amountUsd;
  } else if (e.type === 'instance-failure') {
    // Candidates: running instances matching the target (an instance or a group) and zone.
    const zone = e.params.zone ? zoneIndex(e.params.zone) : -1;
    const candidates: number[] = [];
    for (let i = 0; i < topo.instCount; i++) {
      if (s.instState[i] !== RUNNING) continue;
      if (zone >= 0 && s.instZone[i] !== zone) continue;
      if (e.params.target && !matches(world, topo.instResource[i]!, e.params.target, e.params.stack)) continue;
      candidates.push(i);
    }
    for (let k = 0; k < e.params.count && candidates.length > 0; k++) {
      const pick = Math.floor(nextRandom(s.rng) * candidates.length);
      const slot = candidates[pick]!;
      candidates.splice(pick, 1);
      s.instState[slot] = FAILED;
      s.instTimer[slot] = t;
      note(world, 'failure', `instance ${instanceLabel(world, slot)} failed`);
    }
  } else if (e.type === 'db-failure') {
    let target = -1;
    for (let d = 0; d < topo.dbCount && target < 0; d++) {
      const isPrimary = topo.dbSource[d] === -1 || s.dbPromoted[d] === 1;
      if (e.params.target ? matches(world, topo.dbResource[d]!, e.params.target, e.params.stack) : isPrimary) target = d;
    }
    if (target >= 0 && s.dbState[target] === DB_AVAILABLE) failDatabase(world, target);
  }
}

/** A database primary fails: Multi-AZ fails over to its standby, single-AZ recovers on a new host. */
export function failDatabase(world: World, d: number): void {
  const s = world.state;
  const t = s.tally[T_NOW]!;
  const label = world.topo.labels[world.topo.dbResource[d]!]!;
  const standby = s.dbStandbyZone[d]!;
  if (world.topo.dbMultiAz[d] === 1 && standby >= 0 && s.zoneDown[standby] === 0) {
    s.dbState[d] = DB_FAILING_OVER;
    s.dbTimer[d] = t + catalogue.database.failoverS.value;
    note(world, 'database', `${label} fails over to its standby (${catalogue.database.failoverS.value} s)`);
  } else {
    s.dbState[d] = DB_RECOVERING;
    s.dbTimer[d] = t + catalogue.database.singleAzRecoveryS.value;
    note(world, 'database', `${label} is down: no standby, recovering on a new host (${catalogue.database.singleAzRecoveryS.value} s)`);
  }
}

export function matches(world: World, resource: number, logicalId: string, stack?: string): boolean {
  const r = world.design.resources[resource]!;
  return r.logicalId === logicalId && (stack === undefined || world.design.stacks[r.stack]?.name === stack);
}

export function instanceLabel(world: World, slot: number): string {
  const topo = world.topo;
  const base = topo.labels[topo.instResource[slot]!]!;
  return topo.instAsg[slot] === -1 ? base : `${base}#${topo.instOrdinal[slot]}`;
}
