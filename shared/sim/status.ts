// What the board shows of each resource after the last step: its health (in words, never colour alone),
// its utilisation, the requests through it, and how many instances run. Read from the state and the last
// step's scratch; the simulation itself never reads this.

import { BOOTING, DB_AVAILABLE, DB_DOWN, FAILED, REBOOTING, RUNNING, regionOf, STEP_SECONDS, zoneName } from './constants.ts';
import { groupFigures, type GroupFigures } from './group-figures.ts';
import type { World } from './world.ts';

export type Health = 'ok' | 'warning' | 'down' | 'booting' | 'idle';

export interface ResourceStatus {
  health: Health;
  /** 0–1. */
  load: number;
  rps: number;
  count: number;
  zone?: string;
  /** An Auto Scaling group's capacity and instances now (group-figures.ts). */
  group?: GroupFigures;
}

/** Utilisation from which a server's latency climbs along the queueing curve (the board shows it as busy). */
export const BUSY_LOAD = 0.6;
/** Utilisation from which a server, group or database reports a warning (the board shows it as saturated). */
export const SATURATED_LOAD = 0.85;

/** How the board bands a utilisation: calm, busy (latency climbing), full (a warning). */
export function loadBand(load: number): 'calm' | 'busy' | 'full' {
  return load >= SATURATED_LOAD ? 'full' : load >= BUSY_LOAD ? 'busy' : 'calm';
}

const IDLE: ResourceStatus = { health: 'idle', load: 0, rps: 0, count: 0 };

function instanceStatus(world: World, slot: number): ResourceStatus {
  const s = world.state;
  const sc = world.scratch;
  const zone = s.instZone[slot]!;
  const base = { load: Math.min(1, s.instCpu[slot]! / 100), rps: sc.instRps[slot] ?? 0, ...(zone >= 0 ? { zone: zoneName(zone) } : {}) };
  switch (s.instState[slot]) {
    case RUNNING:
      return { ...base, health: s.instHealthy[slot] === 1 ? (s.instCpu[slot]! / 100 >= SATURATED_LOAD ? 'warning' : 'ok') : 'warning', count: 1 };
    case BOOTING:
    case REBOOTING:
      return { ...base, health: 'booting', count: 0 };
    case FAILED:
      return { ...base, health: 'down', count: 0 };
    default:
      return IDLE;
  }
}

/** Status of every resource of the design, by resource id (undefined for kinds that show no status). */
export function resourceStatuses(world: World): (ResourceStatus | undefined)[] {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  const out: (ResourceStatus | undefined)[] = new Array(world.design.resources.length).fill(undefined);
  const regionDark = (region: number) => region >= 0 && s.regionDown[region] === 1;

  for (let i = 0; i < topo.instCount; i++) {
    if (topo.instAsg[i]! >= 0) continue;
    out[topo.instResource[i]!] = instanceStatus(world, i);
  }
  for (let g = 0; g < topo.asgCount; g++) {
    const start = topo.asgSlotStart[g]!;
    let running = 0;
    let booting = 0;
    let served = 0;
    for (let k = 0; k < topo.asgSlotCount[g]!; k++) {
      const slot = start + k;
      if (s.instState[slot] === RUNNING) running++;
      else if (s.instState[slot] === BOOTING || s.instState[slot] === REBOOTING) booting++;
      served += sc.instRps[slot] ?? 0;
    }
    const desired = s.asgDesired[g]!;
    const load = Math.min(1, s.asgCpu[g]! / 100);
    const health: ResourceStatus['health'] =
      running === 0 ? (booting > 0 ? 'booting' : desired > 0 ? 'down' : 'idle') : running < desired || load >= SATURATED_LOAD ? 'warning' : 'ok';
    out[topo.asgResource[g]!] = { health, load, rps: served, count: running, group: groupFigures(world, g) };
  }
  for (let d = 0; d < topo.dbCount; d++) {
    const state = s.dbState[d]!;
    const zone = s.dbZone[d]!;
    const load = Math.min(1, s.dbCpu[d]! / 100);
    const health: ResourceStatus['health'] = state === DB_AVAILABLE ? (load >= SATURATED_LOAD ? 'warning' : 'ok') : state === DB_DOWN ? 'down' : 'warning';
    out[topo.dbResource[d]!] = { health, load, rps: sc.dbQueries[d] ?? 0, count: state === DB_AVAILABLE ? 1 : 0, ...(zone >= 0 ? { zone: zoneName(zone) } : {}) };
  }
  for (let l = 0; l < topo.lbCount; l++) {
    // The scratch counts requests over the step; the board shows a rate.
    const requests = (sc.lbRequests[l] ?? 0) / STEP_SECONDS;
    const errors = (sc.lbErrors[l] ?? 0) / STEP_SECONDS;
    const healthy = sc.lbHealthy[l] ?? 0;
    const health: ResourceStatus['health'] = regionDark(topo.lbRegion[l]!)
      ? 'down'
      : requests > 0 && errors / requests > 0.01
        ? 'warning'
        : healthy === 0 && requests > 0
          ? 'down'
          : requests > 0
            ? 'ok'
            : 'idle';
    out[topo.lbResource[l]!] = { health, load: requests > 0 ? errors / requests : 0, rps: requests, count: healthy };
  }
  for (let d = 0; d < topo.distCount; d++) {
    const requests = sc.distRequests[d] ?? 0;
    const errors = sc.distErrors[d] ?? 0;
    out[topo.distResource[d]!] = {
      health: requests === 0 ? 'idle' : errors / requests > 0.01 ? 'warning' : 'ok',
      load: requests > 0 ? (sc.distHits[d] ?? 0) / requests : 0,
      rps: requests,
      count: 1,
    };
  }
  for (let b = 0; b < topo.bucketCount; b++) {
    out[topo.bucketResource[b]!] = { health: regionDark(topo.bucketRegion[b]!) ? 'down' : 'ok', load: 0, rps: 0, count: 1 };
  }
  // Subnets go dark with their zone.
  world.design.resources.forEach((r, id) => {
    if (r.kind !== 'subnet') return;
    const zone = topo.subnetZone[id]!;
    if (zone < 0) return;
    const down = s.zoneDown[zone] === 1 || s.regionDown[regionOf(zone)] === 1;
    out[id] = { health: down ? 'down' : 'ok', load: 0, rps: 0, count: 0, zone: zoneName(zone) };
  });
  return out;
}


