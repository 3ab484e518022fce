// The board's fixed geography: regions with their AZs, the world areas users come from, and the round-trip
// times between them. Figures are typical public-internet RTTs (ms) between the area's population centres and
// the region, rounded; edge RTTs are to the nearest CloudFront/Global Accelerator point of presence.

export const REGIONS = [
  { code: 'us-east-1', name: 'N. Virginia', priceFactor: 1.0 },
  { code: 'us-west-2', name: 'Oregon', priceFactor: 1.0 },
  { code: 'eu-west-1', name: 'Ireland', priceFactor: 1.1 },
  { code: 'ap-northeast-2', name: 'Seoul', priceFactor: 1.2 },
  { code: 'ap-southeast-1', name: 'Singapore', priceFactor: 1.2 },
  { code: 'sa-east-1', name: 'São Paulo', priceFactor: 1.55 },
] as const;

export type Region = (typeof REGIONS)[number];
export type RegionCodeKnown = Region['code'];

export const AREAS = [
  { code: 'north-america', name: 'North America' },
  { code: 'south-america', name: 'South America' },
  { code: 'europe', name: 'Europe' },
  { code: 'asia', name: 'Asia' },
] as const;

export type AreaCodeKnown = (typeof AREAS)[number]['code'];

/** Three AZs per region, named as AWS names them. */
export const ZONE_SUFFIXES = ['a', 'b', 'c'] as const;

export function zonesOf(region: string): string[] {
  return ZONE_SUFFIXES.map((s) => `${region}${s}`);
}

export function isRegion(code: string): code is RegionCodeKnown {
  return REGIONS.some((r) => r.code === code);
}

/** The region a zone name belongs to ("us-east-1b" → "us-east-1"), or undefined if it is not a known zone. */
export function regionOfZone(zone: string): RegionCodeKnown | undefined {
  const region = zone.slice(0, -1);
  const suffix = zone.slice(-1);
  return isRegion(region) && (ZONE_SUFFIXES as readonly string[]).includes(suffix) ? region : undefined;
}

/** Round-trip time in ms from each world area's users to each region over the public internet. */
export const AREA_TO_REGION_RTT_MS: Record<AreaCodeKnown, Record<RegionCodeKnown, number>> = {
  'north-america': {
    'us-east-1': 30,
    'us-west-2': 45,
    'eu-west-1': 95,
    'ap-northeast-2': 165,
    'ap-southeast-1': 215,
    'sa-east-1': 140,
  },
  'south-america': {
    'us-east-1': 125,
    'us-west-2': 180,
    'eu-west-1': 195,
    'ap-northeast-2': 290,
    'ap-southeast-1': 330,
    'sa-east-1': 25,
  },
  europe: {
    'us-east-1': 90,
    'us-west-2': 150,
    'eu-west-1': 25,
    'ap-northeast-2': 240,
    'ap-southeast-1': 175,
    'sa-east-1': 200,
  },
  asia: {
    'us-east-1': 190,
    'us-west-2': 140,
    'eu-west-1': 200,
    'ap-northeast-2': 35,
    'ap-southeast-1': 45,
    'sa-east-1': 320,
  },
};

/** Round-trip time from each area's users to their nearest edge location (CloudFront, Global Accelerator). */
export const AREA_TO_EDGE_RTT_MS: Record<AreaCodeKnown, number> = {
  'north-america': 12,
  'south-america': 20,
  europe: 12,
  asia: 15,
};

/**
 * Round-trip time between regions over the provider's backbone (used by edge-to-origin fetches, Global
 * Accelerator and inter-region traffic). Symmetric; listed once per pair.
 */
const INTER_REGION: [RegionCodeKnown, RegionCodeKnown, number][] = [
  ['us-east-1', 'us-west-2', 65],
  ['us-east-1', 'eu-west-1', 70],
  ['us-east-1', 'ap-northeast-2', 180],
  ['us-east-1', 'ap-southeast-1', 215],
  ['us-east-1', 'sa-east-1', 115],
  ['us-west-2', 'eu-west-1', 125],
  ['us-west-2', 'ap-northeast-2', 125],
  ['us-west-2', 'ap-southeast-1', 165],
  ['us-west-2', 'sa-east-1', 175],
  ['eu-west-1', 'ap-northeast-2', 230],
  ['eu-west-1', 'ap-southeast-1', 165],
  ['eu-west-1', 'sa-east-1', 180],
  ['ap-northeast-2', 'ap-southeast-1', 70],
  ['ap-northeast-2', 'sa-east-1', 300],
  ['ap-southeast-1', 'sa-east-1', 330],
];

export function interRegionRttMs(a: RegionCodeKnown, b: RegionCodeKnown): number {
  if (a === b) return 1;
  for (const [x, y, ms] of INTER_REGION) if ((x === a && y === b) || (x === b && y === a)) return ms;
  throw new Error(`no RTT listed between ${a} and ${b}`);
}
