// The catalogue's instance types by index: what a slot's launch spec in the state names (WorldState.instSpec),
// so that an instance keeps the type it was launched with after its group's launch template changes.

import { catalogue } from '../../catalogue/index.ts';

export const INSTANCE_TYPE_NAMES: readonly string[] = Object.keys(catalogue.instanceTypes).sort();

/** Index of a catalogue instance type, -1 if the catalogue has none of that name. */
export function instanceTypeIndex(name: string): number {
  return INSTANCE_TYPE_NAMES.indexOf(name);
}

const entries = INSTANCE_TYPE_NAMES.map((n) => catalogue.instanceTypes[n]!);
export const TYPE_CAPACITY: Float64Array = Float64Array.from(entries.map((e) => e.capacityRps.value));
export const TYPE_BASE_MS: Float64Array = Float64Array.from(entries.map((e) => e.baseLatencyMs.value));
/** us-east-1 price; a slot's region factor is topology.instPriceFactor. */
export const TYPE_HOURLY_USD: Float64Array = Float64Array.from(entries.map((e) => e.hourlyUsd.value));
