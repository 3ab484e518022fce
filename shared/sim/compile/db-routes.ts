// Which zone of an instance can reach which zone of a database, through the VPCs' route tables (vpc-routes.ts).
// An instance in zone a sits in its subnet of zone a (a group's subnet there); a database in zone b answers
// from its subnet group's subnet of zone b. Each (instance zone, database zone) pair of a region gets one byte:
// 0 dropped, 1 same VPC (or no VPC to route through: another region's public endpoint), 2 peering, 3 Transit
// Gateway. The step reads one byte per query leg, so routing costs nothing per step.

import type { Design, ResourceId } from '../../design/model.ts';
import { ZONES_PER_REGION } from '../constants.ts';
import type { ComputeTopology, NetworkTopology } from '../topology.ts';
import { refOf } from './network.ts';
import type { Router, RouteVerdict } from './vpc-routes.ts';

export const ZONE_PAIRS = ZONES_PER_REGION * ZONES_PER_REGION;

/** Per zone of a region (0..ZONES_PER_REGION-1), the first of `subnets` in that zone, else -1. */
function byZone(net: NetworkTopology, subnets: readonly ResourceId[]): Int32Array {
  const out = new Int32Array(ZONES_PER_REGION).fill(-1);
  for (const s of subnets) {
    const z = net.subnetZone[s] ?? -1;
    if (z >= 0 && out[z % ZONES_PER_REGION] === -1) out[z % ZONES_PER_REGION] = s;
  }
  return out;
}

export interface RouteRows {
  /** The subnets an instance slot may sit in, per zone of its region. */
  instanceSubnets(slot: number): Int32Array;
  /** The subnets a database may answer from, per zone; a zone without one uses the group's first subnet. */
  databaseSubnets(db: number): Int32Array;
  /** ZONE_PAIRS bytes for an instance slot and a database, and the first verdict that dropped a possible pair. */
  row(slot: number, db: number): { kinds: Uint8Array; dropped?: RouteVerdict };
}

export function routeRows(
  design: Design,
  removed: Uint8Array,
  net: NetworkTopology,
  compute: ComputeTopology,
  dbResource: readonly ResourceId[],
  router: Router,
): RouteRows {
  const instCache = new Map<number, Int32Array>();
  const instanceSubnets = (slot: number) => {
    const resource = compute.instResource[slot]!;
    const known = instCache.get(resource);
    if (known) return known;
    const group = refOf(design, removed, resource, 'autoScalingGroup');
    const instance = refOf(design, removed, resource, 'instance');
    const list = group ? group.props.subnets : instance ? [instance.props.subnet] : [];
    const out = byZone(net, list.filter((s) => refOf(design, removed, s, 'subnet')));
    instCache.set(resource, out);
    return out;
  };
  const dbCache = new Map<number, Int32Array>();
  const databaseSubnets = (db: number) => {
    const known = dbCache.get(db);
    if (known) return known;
    const d = refOf(design, removed, dbResource[db], 'database');
    const group = d ? refOf(design, removed, d.props.subnetGroup, 'dbSubnetGroup') : undefined;
    const list = (group?.props.subnets ?? []).filter((s) => refOf(design, removed, s, 'subnet'));
    const out = byZone(net, list);
    // RDS places a standby without a subnet of its own zone (compile/storage.ts): it answers from the group's first.
    for (let z = 0; z < ZONES_PER_REGION; z++) if (out[z] === -1 && list.length > 0) out[z] = list[0]!;
    dbCache.set(db, out);
    return out;
  };
  const rowCache = new Map<number, { kinds: Uint8Array; dropped?: RouteVerdict }>();
  return {
    instanceSubnets,
    databaseSubnets,
    row(slot, db) {
      const key = compute.instResource[slot]! * (dbResource.length + 1) + db;
      const known = rowCache.get(key);
      if (known) return known;
      const from = instanceSubnets(slot);
      const to = databaseSubnets(db);
      const kinds = new Uint8Array(ZONE_PAIRS);
      let dropped: RouteVerdict | undefined;
      for (let a = 0; a < ZONES_PER_REGION; a++) {
        for (let b = 0; b < ZONES_PER_REGION; b++) {
          if (from[a]! < 0 || to[b]! < 0) continue; // never runs there: nothing to route
          const verdict = router.between(from[a]!, to[b]!);
          kinds[a * ZONES_PER_REGION + b] = verdict.kind;
          if (verdict.kind === 0 && !dropped) dropped = verdict;
        }
      }
      const out = dropped ? { kinds, dropped } : { kinds };
      rowCache.set(key, out);
      return out;
    },
  };
}
