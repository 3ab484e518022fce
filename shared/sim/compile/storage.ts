// Compiles storage: databases into replication groups (a primary and its read replicas) and decides which group each
// instance's dynamic requests use. The design has no explicit app → database connection, so the game picks
// the group with a member in the instance's own VPC, else a connected VPC (peering, Transit Gateway), else
// the same region, else any: the nearest one an application would be configured with.

import { buildAclJudge } from './network-acls.ts';
import { computePeer, connectionAllowed, databasePeer, enginePort } from './security-groups.ts';
import { catalogue, priceFactorOf } from '../../catalogue/index.ts';
import type { Design } from '../../design/model.ts';
import { REGIONS } from '../../geography/regions.ts';
import { regionOf, ZONES_PER_REGION, zoneIndex } from '../constants.ts';
import type { ComputeTopology, StorageTopology, NetworkTopology } from '../topology.ts';
import { liveOfKind, refOf } from './network.ts';
import { routeRows, ZONE_PAIRS } from './db-routes.ts';
import { buildRouter } from './vpc-routes.ts';
import type { DesignWarning } from '../timeline-text.ts';

export const DB_CLASS_NAMES: string[] = Object.keys(catalogue.databaseClasses).sort();

export function dbClassIndex(name: string): number {
  return DB_CLASS_NAMES.indexOf(name);
}

export function compileStorage(
  design: Design,
  removed: Uint8Array,
  net: NetworkTopology,
  compute: ComputeTopology,
  labels: string[],
  warnings: DesignWarning[],
): StorageTopology {
  const dbs = liveOfKind(design, removed, 'database');
  const dbIndex = new Map<number, number>();
  dbs.forEach((d, i) => dbIndex.set(d.id, i));
  const n = dbs.length;
  const dbClassDesign = new Int16Array(n);
  const dbMultiAz = new Uint8Array(n);
  const dbSource = new Int32Array(n).fill(-1);
  const dbRegion = new Int16Array(n);
  const dbHomeZone = new Int16Array(n);
  const dbStandbyHome = new Int16Array(n).fill(-1);
  const dbVpc = new Int32Array(n).fill(-1);
  const dbStorageGb = new Float64Array(n);

  dbs.forEach((d, i) => {
    let cls = dbClassIndex(d.props.instanceClass);
    if (cls < 0) {
      warnings.push({ code: 'warnUnknownDbClass', values: { db: labels[d.id]!, dbClass: d.props.instanceClass } });
      cls = dbClassIndex('db.t3.micro');
    }
    dbClassDesign[i] = cls;
    dbRegion[i] = net.resourceRegion[d.id]!;
    dbStorageGb[i] = d.props.storageGb > 0 ? d.props.storageGb : 20;
    const group = refOf(design, removed, d.props.subnetGroup, 'dbSubnetGroup');
    const zones: number[] = [];
    for (const sid of group?.props.subnets ?? []) {
      const s = refOf(design, removed, sid, 'subnet');
      if (!s || net.subnetZone[s.id]! < 0) continue;
      if (dbVpc[i] === -1) dbVpc[i] = net.vpcOf[s.id]!;
      if (!zones.includes(net.subnetZone[s.id]!)) zones.push(net.subnetZone[s.id]!);
    }
    const preferred = d.props.zone ? zoneIndex(d.props.zone) : -1;
    let home = preferred >= 0 ? preferred : (zones[0] ?? -1);
    if (home < 0) home = dbRegion[i]! * ZONES_PER_REGION; // no subnet group: the region's first zone
    dbHomeZone[i] = home;
    const source = d.props.source !== undefined ? dbIndex.get(d.props.source) : undefined;
    if (source !== undefined) dbSource[i] = source;
    if (d.props.multiAz) {
      dbMultiAz[i] = 1;
      const other = zones.find((z) => z !== home);
      // Without a second subnet the game puts the standby in the next zone of the region, as RDS would need.
      dbStandbyHome[i] = other ?? regionOf(home) * ZONES_PER_REGION + ((home % ZONES_PER_REGION) + 1) % ZONES_PER_REGION;
    }
  });

  // Replication groups: follow sources to the root (guarding against cycles in a hand-written design).
  const rootOf = (i: number) => {
    let r = i;
    for (let guard = 0; guard < n && dbSource[r]! >= 0; guard++) r = dbSource[r]!;
    return r;
  };
  const roots: number[] = [];
  const dbGroup = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rootOf(i);
    if (!roots.includes(r)) roots.push(r);
  }
  const memberStart: number[] = [0];
  const members: number[] = [];
  roots.forEach((r, g) => {
    members.push(r);
    dbGroup[r] = g;
    for (let i = 0; i < n; i++) {
      if (i !== r && rootOf(i) === r) {
        members.push(i);
        dbGroup[i] = g;
      }
    }
    memberStart.push(members.length);
  });
  const replicasOf = new Map<number, number>();
  for (let i = 0; i < n; i++) if (dbSource[i]! >= 0) replicasOf.set(dbSource[i]!, (replicasOf.get(dbSource[i]!) ?? 0) + 1);
  for (const [src, count] of replicasOf) {
    if (count > catalogue.database.maxReadReplicas.value) warnings.push({ code: 'warnTooManyReplicas', values: { db: labels[dbs[src]!.id]! } });
  }

  // Which group each instance slot uses: the nearest one it can reach. Ranks: 0 a member in its own VPC,
  // 1 in another VPC of its region that its route tables reach (a peering, a Transit Gateway: vpc-routes.ts),
  // 2 in another region (the game assumes the application reaches a remote primary over its public endpoint),
  // 3 in another VPC of its own region that no route reaches (unreachable: a private database answers only its
  // VPC and the networks routed to it).
  const rows = routeRows(design, removed, net, compute, dbs.map((d) => d.id), buildRouter(design, removed, net));
  const vc = net.vpcCount;
  const sameRegionOtherVpc = (s: number, m: number) => {
    const v = compute.instVpc[s]!;
    const mv = dbVpc[m]!;
    return v >= 0 && mv >= 0 && mv !== v && dbRegion[m] === compute.instRegion[s];
  };
  const warned = new Set<string>();
  for (let s = 0; s < compute.instCount; s++) {
    if (roots.length === 0) {
      compute.instDbGroup[s] = -1;
      continue;
    }
    const v = compute.instVpc[s]!;
    // A member in the instance's own VPC wins outright: look for one first, so the route tables are read only
    // for instances that need another VPC (a board of many self-contained VPCs compiles as fast as before).
    let best = -1;
    let bestScore = 9;
    for (let g = 0; g < roots.length && best < 0; g++) {
      for (let k = memberStart[g]!; k < memberStart[g + 1]!; k++) if (v >= 0 && dbVpc[members[k]!] === v) best = g;
    }
    if (best >= 0) bestScore = 0;
    for (let g = 0; g < roots.length && bestScore > 0; g++) {
      for (let k = memberStart[g]!; k < memberStart[g + 1]!; k++) {
        const m = members[k]!;
        const mv = dbVpc[m]!;
        const score = sameRegionOtherVpc(s, m)
          ? bestScore <= 1 || !rows.row(s, m).kinds.some((x) => x > 0) ? 3 : 1
          : dbRegion[m] !== compute.instRegion[s] ? 2 : v >= 0 && mv >= 0 ? 3 : 2;
        if (score < bestScore) {
          bestScore = score;
          best = g;
        }
      }
    }
    compute.instDbGroup[s] = best;
    // Only instances that can receive requests make queries: the others are not worth a warning.
    if (compute.instTg[s] === -1 && compute.instPublic[s] !== 1) continue;
    const key = `${compute.instResource[s]}:${best}`;
    if (warned.has(key)) continue;
    warned.add(key);
    const root = roots[best]!;
    const instance = labels[compute.instResource[s]!]!;
    const db = labels[dbs[root]!.id]!;
    // A route that drops some or all of the way to the group's primary: say which table and which range.
    const dropped = sameRegionOtherVpc(s, root) ? rows.row(s, root).dropped : undefined;
    const linked = v >= 0 && dbVpc[root]! >= 0 && net.vpcLink[v * vc + dbVpc[root]!]! > 1;
    if (dropped && (bestScore === 1 || linked)) {
      const table = dropped.table !== undefined && dropped.table >= 0 ? labels[dropped.table]! : labels[dropped.from!]!;
      warnings.push(
        dropped.local
          ? { code: 'warnRouteLocal', values: { instance, db, destination: dropped.destination ?? '?' } }
          : { code: 'warnRouteMissing', values: { instance, db, table, destination: dropped.destination ?? '?' } },
      );
      continue;
    }
    if (bestScore < 2) continue;
    warnings.push({ code: bestScore === 3 ? 'warnDbUnreachable' : 'warnDbPublicEndpoint', values: { instance, db } });
  }

  // Per instance slot and member of its group, the zone pairs' route bytes (1 where no route table is involved).
  const memberOf = new Int32Array(n);
  for (let g = 0; g < roots.length; g++) for (let k = memberStart[g]!; k < memberStart[g + 1]!; k++) memberOf[members[k]!] = k - memberStart[g]!;
  const routeStart = new Int32Array(compute.instCount).fill(-1);
  const routeBytes: number[] = [];
  // Within one VPC the database's security groups decide too (security-groups.ts): an instance they do not admit
  // on the engine's port has every query dropped. (Across VPCs and regions the rules are not checked.)
  const closed = new Map<string, boolean>();
  const acls = buildAclJudge(design, removed);
  const sgClosed = (s: number, m: number): boolean => {
    const v = compute.instVpc[s]!;
    if (v < 0 || dbVpc[m] !== v) return false;
    const key = `${compute.instResource[s]}:${m}`;
    let shut = closed.get(key);
    if (shut === undefined) {
      const db = dbs[m]!;
      const port = enginePort(db.props.engine);
      const from = computePeer(design, removed, compute.instResource[s]!);
      const to = databasePeer(design, removed, db.id);
      const aclOk = (from.subnets ?? []).every((a) => (to.subnets ?? []).every((b) => acls.connection(a, b, port)));
      shut = !aclOk || !connectionAllowed(design, from, to, 'tcp', port);
      closed.set(key, shut);
      if (shut && (compute.instTg[s] !== -1 || compute.instPublic[s] === 1)) {
        warnings.push({ code: 'warnDbClosedToInstances', values: { instance: labels[compute.instResource[s]!]!, db: labels[db.id]!, port } });
      }
    }
    return shut;
  };
  for (let s = 0; s < compute.instCount; s++) {
    const g = compute.instDbGroup[s]!;
    if (g < 0) continue;
    routeStart[s] = routeBytes.length;
    for (let k = memberStart[g]!; k < memberStart[g + 1]!; k++) {
      const m = members[k]!;
      if (sgClosed(s, m)) for (let z = 0; z < ZONE_PAIRS; z++) routeBytes.push(0);
      else if (!sameRegionOtherVpc(s, m)) for (let z = 0; z < ZONE_PAIRS; z++) routeBytes.push(1);
      else for (const x of rows.row(s, m).kinds) routeBytes.push(x);
    }
    // All 1 (the usual case: its group in its own VPC): no bytes, the step reads -1 as 1 without looking further.
    if (routeBytes.slice(routeStart[s]!).every((x) => x === 1)) {
      routeBytes.length = routeStart[s]!;
      routeStart[s] = -1;
    }
  }

  const buckets = liveOfKind(design, removed, 'bucket');
  const classes = DB_CLASS_NAMES.map((c) => catalogue.databaseClasses[c]!);
  return {
    dbCount: n,
    dbResource: Int32Array.from(dbs.map((d) => d.id)),
    dbClassDesign,
    dbMultiAz,
    dbSource,
    dbGroup,
    dbRegion,
    dbHomeZone,
    dbStandbyHome,
    dbVpc,
    dbStorageGb,
    groupCount: roots.length,
    groupMemberStart: Int32Array.from(memberStart),
    groupMembers: Int32Array.from(members),
    classNames: DB_CLASS_NAMES,
    classCapacity: Float64Array.from(classes.map((c) => c.capacityQps.value)),
    classBaseMs: Float64Array.from(classes.map((c) => c.baseQueryMs.value)),
    classHourlyUsd: Float64Array.from(classes.map((c) => c.hourlyUsd.value)),
    dbMember: memberOf,
    instRouteStart: routeStart,
    instRoutes: Uint8Array.from(routeBytes),
    bucketCount: buckets.length,
    bucketResource: Int32Array.from(buckets.map((b) => b.id)),
    bucketRegion: Int16Array.from(buckets.map((b) => net.resourceRegion[b.id]!)),
  };
}

/** Hourly price of one database instance of a class in a region (Multi-AZ doubles it). */
export function dbHourlyUsd(data: StorageTopology, cls: number, region: number, multiAz: boolean): number {
  const factor = multiAz ? catalogue.database.multiAzPriceFactor.value : 1;
  return data.classHourlyUsd[cls]! * factor * priceFactorOf(REGIONS[region]!.code);
}
