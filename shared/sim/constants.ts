// Fixed numbers of the simulation's shape: the step, the request classes, the integer codes of states.
// Codes are plain numeric constants (erasable TypeScript: no enums) so they fit in typed arrays.

import { AREAS, REGIONS, ZONE_SUFFIXES } from '../geography/regions.ts';

/** Simulated seconds per step. Every timer, probe interval and alarm period is rounded to a multiple of it. */
export const STEP_SECONDS = 5;

// Request classes. Flood is attack traffic: it uses capacity and money but never counts as a user request.
export const STATIC = 0;
export const READ = 1;
export const WRITE = 2;
export const FLOOD = 3;
export const CLASS_COUNT = 4;
/** Classes real users send (availability and latency count these only). */
export const USER_CLASS_COUNT = 3;

export const AREA_COUNT = AREAS.length;
export const REGION_COUNT = REGIONS.length;
export const ZONES_PER_REGION = ZONE_SUFFIXES.length;
export const ZONE_COUNT = REGION_COUNT * ZONES_PER_REGION;
/** Lanes of a front: one per (area, class). */
export const LANE_COUNT = AREA_COUNT * CLASS_COUNT;

// Instance slot states.
export const EMPTY = 0;
export const BOOTING = 1;
export const RUNNING = 2;
export const FAILED = 3;
export const REBOOTING = 4;

// The EC2 status check a FAILED instance fails (state.instCheck; shared/sim/instance-actions.ts).
export const CHECK_NONE = 0;
export const CHECK_SYSTEM = 1;
export const CHECK_INSTANCE = 2;

// Database states.
export const DB_AVAILABLE = 0;
export const DB_FAILING_OVER = 1;
export const DB_RESTARTING = 2;
/** Down with its zone or region, back when they are. */
export const DB_DOWN = 3;
/** A single-AZ primary recovering on a new host after a failure. */
export const DB_RECOVERING = 4;
export const DB_PROMOTING = 5;

// Alarm states.
export const ALARM_INSUFFICIENT = 0;
export const ALARM_OK = 1;
export const ALARM_ALARM = 2;

// Where a DNS answer, an origin or an endpoint leads.
export const TO_NOTHING = 0;
export const TO_FRONT = 1;
export const TO_DISTRIBUTION = 2;
export const TO_ACCELERATOR = 3;

// Fronts: what receives traffic from the internet, an edge or an accelerator.
export const FRONT_LB = 0;
export const FRONT_INSTANCE = 1;
export const FRONT_BUCKET = 2;

export function regionIndex(code: string): number {
  return REGIONS.findIndex((r) => r.code === code);
}

export function areaIndex(code: string): number {
  return AREAS.findIndex((a) => a.code === code);
}

/** Global zone index (region × 3 + suffix), or -1 for a name that is not a known zone. */
export function zoneIndex(name: string): number {
  const r = regionIndex(name.slice(0, -1));
  const s = (ZONE_SUFFIXES as readonly string[]).indexOf(name.slice(-1));
  return r < 0 || s < 0 ? -1 : r * ZONES_PER_REGION + s;
}

export function zoneName(zone: number): string {
  return `${REGIONS[Math.floor(zone / ZONES_PER_REGION)]!.code}${ZONE_SUFFIXES[zone % ZONES_PER_REGION]!}`;
}

export function regionOf(zone: number): number {
  return Math.floor(zone / ZONES_PER_REGION);
}

/** The entry goes through Route 53 first. */
export const TO_DNS = 4;

// Route 53 routing policies of the front-door record group.
export const POLICY_SIMPLE = 0;
export const POLICY_WEIGHTED = 1;
export const POLICY_LATENCY = 2;
export const POLICY_FAILOVER = 3;
