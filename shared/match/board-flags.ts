// What the board marks on its pieces and zones, decided by the rules: which subnets are public (the
// template loader's own rule), which pieces users reach first (the front door the simulation compiled), and
// which zones and regions are dark (down in the world's state). The board only draws these.
import type { Design } from '../design/model.ts';
import { REGIONS } from '../geography/regions.ts';
import { TO_ACCELERATOR, TO_DISTRIBUTION, TO_DNS, TO_FRONT, regionOf, ZONE_COUNT, zoneName } from '../sim/constants.ts';
import type { Topology } from '../sim/topology.ts';
import type { World } from '../sim/world.ts';
import { publicSubnets } from '../template/public-subnets.ts';

export interface PieceFlags {
  /** A subnet whose route table sends 0.0.0.0/0 to an attached internet gateway. */
  publicSubnet: boolean;
  /** Where users' requests enter the design: the Route 53 records, accelerator, distribution or public front the simulation sends them to. */
  entry: boolean;
}

export interface DarkView {
  /** Zones down, alone or with their region, by name ("us-east-1b"), in zone order. */
  zones: string[];
  /** Regions down, by code. */
  regions: string[];
}

/** The resources users' requests reach first, by resource id. */
export function entryPointIds(topo: Topology): number[] {
  switch (topo.entryKind) {
    case TO_DNS:
      return Array.from(topo.recResource);
    case TO_ACCELERATOR:
      return topo.entryIndex >= 0 ? [topo.accResource[topo.entryIndex]!] : [];
    case TO_DISTRIBUTION:
      return topo.entryIndex >= 0 ? [topo.distResource[topo.entryIndex]!] : [];
    case TO_FRONT:
      return topo.entryIndex >= 0 ? [topo.frontResource[topo.entryIndex]!] : [];
    default:
      return [];
  }
}

/** Each resource's flags, by resource id. */
export function pieceFlags(design: Design, topo: Topology): PieceFlags[] {
  const publicIds = publicSubnets(design);
  const entries = new Set(entryPointIds(topo));
  return design.resources.map((_, id) => ({ publicSubnet: publicIds.has(id), entry: entries.has(id) }));
}

/** The zones and regions that are down now. */
export function darkView(world: World): DarkView {
  const s = world.state;
  const zones: string[] = [];
  for (let z = 0; z < ZONE_COUNT; z++) if (s.zoneDown[z] === 1 || s.regionDown[regionOf(z)] === 1) zones.push(zoneName(z));
  const regions = REGIONS.filter((_, r) => s.regionDown[r] === 1).map((r) => r.code);
  return { zones, regions };
}
