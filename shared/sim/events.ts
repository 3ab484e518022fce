// Scenario events: which are active at the start of a step, what they break when they start, and the
// per-step modifiers they impose (traffic multipliers, floods, inter-region degradation, dark zones).

import { catalogue } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import {
  AREA_COUNT,
  CHECK_INSTANCE,
  CHECK_SYSTEM,
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
import { EVENT_ENDING, type TimelineCode, type TimelineValues } from './timeline-text.ts';
import { note, type World } from './world.ts';
import { asInstructors, isInstructorChaos } from './instructor-chaos.ts';
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

const ONE_SHOT = new Set(['instance-failure', 'db-failure', 'db-retirement', 'stack-arrival', 'budget-cut', 'announcement', 'security-group-change']);

/** What the timeline says when an event starts; none for events the scenario does not announce itself. */
function describe(e: ScenarioEvent): { code: TimelineCode; values: TimelineValues } | undefined {
  switch (e.type) {
    case 'az-outage':
      return { code: 'azDark', values: { zone: e.params.zone } };
    case 'region-outage':
      return { code: 'regionDark', values: { region: e.params.region } };
    case 'inter-region-degradation': {
      const values = { addedMs: e.params.addedMs, lossPct: e.params.lossPct };
      return e.params.region ? { code: 'degradedAround', values: { ...values, region: e.params.region } } : { code: 'degraded', values };
    }
    case 'flood':
      return { code: 'flood', values: { area: e.params.area } };
    case 'traffic-spike':
    case 'flash-crowd': {
      const crowd = e.type === 'flash-crowd';
      const values = { multiplier: e.params.multiplier };
      if (!e.params.areas) return { code: crowd ? 'flashCrowd' : 'trafficSpike', values };
      return { code: crowd ? 'flashCrowdFrom' : 'trafficSpikeFrom', values: { ...values, areas: e.params.areas } };
    }
    case 'budget-cut':
      return { code: 'budgetCut', values: { amountUsd: e.params.amountUsd } };
    case 'price-change':
      return { code: 'priceChange', values: { service: e.params.service, multiplier: e.params.multiplier } };
    case 'security-group-change':
      // A colleague's hand change: nobody announces it either; colleague.ts logs it as the user's own call.
    case 'leaked-credentials':
      // Nobody announces a leak: it shows in CloudTrail as the user's own calls (see credentials.ts).
      return undefined;
    case 'announcement':
      return { code: 'announcement', values: said(e.params.message, e.params.messageKo) };
    case 'instance-failure':
      return { code: 'instanceFailure', values: { instances: e.params.count } };
    case 'db-failure':
      return e.params.target ? { code: 'dbFailureOf', values: { db: e.params.target } } : { code: 'dbFailure', values: {} };
    case 'release':
      // The release is the team's own deploy: announced without its error rate (that is what the run finds out).
      return { code: 'release', values: { stack: e.params.target ? `${e.params.stack}/${e.params.target}` : e.params.stack } };
    case 'stack-arrival':
      return { code: 'stackArrived', values: { stack: e.params.stack } };
    case 'db-retirement':
      return { code: 'dbRetired', values: { db: `${e.params.stack ? `${e.params.stack}/` : ''}${e.params.target}` } };
  }
}

/** A scenario's own words, with its Korean where it gives one. */
function said(message: string, messageKo: string | undefined): TimelineValues {
  return messageKo ? { message, messageKo } : { message };
}


/** Starts and ends events at the current time, then derives this step's modifiers and dark zones. */
export function advanceEvents(world: World): void {
  const s = world.state;
  const t = s.tally[T_NOW]!;
  const events = world.plan.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (s.eventPhase[i] === PENDING && e.announce && t >= e.atS - e.announce.leadS && t < e.atS) {
      note(world, 'announcement', said(e.announce.message, e.announce.messageKo));
      s.eventPhase[i] = ANNOUNCED;
    }
    if ((s.eventPhase[i] === PENDING || s.eventPhase[i] === ANNOUNCED) && t >= e.atS) {
      const text = describe(e);
      const said = text && isInstructorChaos(e) ? asInstructors(text) : text;
      if (said) note(world, said.code, said.values);
      s.eventPhase[i] = ONE_SHOT.has(e.type) ? OVER : ACTIVE;
      startEvent(world, e);
    }
    if (s.eventPhase[i] === ACTIVE && t >= endOf(e)) {
      s.eventPhase[i] = OVER;
      const text = describe(e);
      const over = text && EVENT_ENDING[(isInstructorChaos(e) ? asInstructors(text) : text).code];
      if (text && over) note(world, over, text.values);
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
      note(world, zoneDown[z] ? 'zoneDown' : 'zoneBack', { zone: zoneLabel(z) });
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
      s.instCheck[slot] = e.params.check === 'instance' ? CHECK_INSTANCE : CHECK_SYSTEM;
      note(world, 'instanceFailed', { instance: instanceLabel(world, slot) });
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
    note(world, 'dbFailsOver', { db: label, seconds: catalogue.database.failoverS.value });
  } else {
    s.dbState[d] = DB_RECOVERING;
    s.dbTimer[d] = t + catalogue.database.singleAzRecoveryS.value;
    note(world, 'dbRecovering', { db: label, seconds: catalogue.database.singleAzRecoveryS.value });
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
