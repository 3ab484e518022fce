// Fixed round-trip tables of the board (from the geography and the catalogue), built once and never
// written: area → region over the internet, area → nearest edge, region → region over the backbone.

import { catalogue } from '../catalogue/index.ts';
import { AREA_TO_EDGE_RTT_MS, AREA_TO_REGION_RTT_MS, AREAS, interRegionRttMs, REGIONS } from '../geography/regions.ts';
import { REGION_COUNT } from './constants.ts';
import type { World } from './world.ts';

export const AREA_REGION_RTT = Float64Array.from(
  AREAS.flatMap((a) => REGIONS.map((r) => AREA_TO_REGION_RTT_MS[a.code][r.code])),
);
export const EDGE_RTT = Float64Array.from(AREAS.map((a) => AREA_TO_EDGE_RTT_MS[a.code]));
/** Each area's nearest region (where its backbone paths do not cross a degraded inter-region link). */
export const HOME_REGION = Int16Array.from(
  AREAS.map((_, a) => {
    let best = 0;
    for (let r = 1; r < REGION_COUNT; r++) if (AREA_REGION_RTT[a * REGION_COUNT + r]! < AREA_REGION_RTT[a * REGION_COUNT + best]!) best = r;
    return best;
  }),
);
export const REGION_RTT = Float64Array.from(REGIONS.flatMap((a) => REGIONS.map((b) => interRegionRttMs(a.code, b.code))));
const BACKBONE = catalogue.service.backboneFactor.value;

/** Round trip from an area's users through the nearest edge and the backbone to a region. */
export function backboneRttMs(world: World, area: number, region: number): number {
  const edge = EDGE_RTT[area]!;
  const beyond = AREA_REGION_RTT[area * REGION_COUNT + region]! - edge;
  const degraded = region !== HOME_REGION[area] ? world.scratch.regionExtraMs[region]! : 0;
  return edge + BACKBONE * (beyond > 0 ? beyond : 0) + degraded;
}

