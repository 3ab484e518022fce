// Timers and dark zones: instances finish booting or rebooting, die with their zone and (static ones)
// come back with it; databases fail over, restart, recover, get promoted, and go down with their zone.

import { catalogue } from '../catalogue/index.ts';
import {
  BOOTING,
  DB_AVAILABLE,
  DB_DOWN,
  DB_FAILING_OVER,
  DB_PROMOTING,
  DB_RECOVERING,
  DB_RESTARTING,
  FAILED,
  REBOOTING,
  regionOf,
  RUNNING,
  ZONES_PER_REGION,
  zoneName,
} from './constants.ts';
import { T_NOW } from './state.ts';
import { note, type World } from './world.ts';

export function advanceInstances(world: World): void {
  const s = world.state;
  const topo = world.topo;
  const t = s.tally[T_NOW]!;
  const n = topo.instCount;
  let died = 0;
  let back = 0;
  for (let i = 0; i < n; i++) {
    const st = s.instState[i]!;
    if (st === 0) continue;
    const z = s.instZone[i]!;
    const dark = z < 0 || s.zoneDown[z] === 1;
    if (dark) {
      if (st === RUNNING || st === BOOTING || st === REBOOTING) {
        s.instState[i] = FAILED;
        s.instTimer[i] = t;
        s.instZoneFailed[i] = 1;
        died++;
      }
      continue;
    }
    if ((st === BOOTING || st === REBOOTING) && t >= s.instTimer[i]!) {
      s.instState[i] = RUNNING;
    } else if (st === FAILED && s.instZoneFailed[i] === 1 && topo.instAsg[i] === -1) {
      // A static instance comes back when its zone does, after a boot.
      s.instState[i] = REBOOTING;
      s.instTimer[i] = t + catalogue.ec2.bootS.value;
      s.instZoneFailed[i] = 0;
      back++;
    }
  }
  if (died > 0) note(world, 'instancesLost', { count: died });
  if (back > 0) note(world, 'instancesRebooting', { count: back });
}

export function advanceDatabases(world: World): void {
  const s = world.state;
  const topo = world.topo;
  const t = s.tally[T_NOW]!;
  for (let d = 0; d < topo.dbCount; d++) {
    const label = topo.labels[topo.dbResource[d]!]!;
    const z = s.dbZone[d]!;
    const dark = s.zoneDown[z] === 1;
    const st = s.dbState[d]!;
    // A standby lost with its zone is rebuilt when a zone of the region is back (instantly, in the game).
    if (topo.dbMultiAz[d] === 1) {
      const sb = s.dbStandbyZone[d]!;
      if (sb >= 0 && s.zoneDown[sb] === 1) s.dbStandbyZone[d] = -1;
      if (s.dbStandbyZone[d] === -1) {
        const home = topo.dbStandbyHome[d]!;
        const first = regionOf(z) * ZONES_PER_REGION;
        let pick = home !== z && s.zoneDown[home] === 0 ? home : -1;
        for (let k = 0; k < ZONES_PER_REGION && pick < 0; k++) if (first + k !== z && s.zoneDown[first + k] === 0) pick = first + k;
        s.dbStandbyZone[d] = pick;
      }
    }
    // A failover already under way finishes on its timer below even though the old primary's zone is dark.
    if (dark && st !== DB_DOWN && st !== DB_FAILING_OVER) {
      const sb = s.dbStandbyZone[d]!;
      if (topo.dbMultiAz[d] === 1 && sb >= 0 && s.zoneDown[sb] === 0) {
        s.dbState[d] = DB_FAILING_OVER;
        s.dbTimer[d] = t + catalogue.database.failoverS.value;
        note(world, 'dbZoneDark', { db: label, zone: zoneName(z), standby: zoneName(sb) });
      } else {
        s.dbState[d] = DB_DOWN;
        note(world, topo.dbMultiAz[d] === 1 ? 'dbDownNoStandby' : 'dbDownSingleAz', { db: label, zone: zoneName(z) });
      }
      continue;
    }
    if (st === DB_DOWN && !dark) {
      s.dbState[d] = DB_RESTARTING;
      s.dbTimer[d] = t + catalogue.database.rebootS.value;
      note(world, 'dbZoneBack', { db: label });
      continue;
    }
    if (st === DB_AVAILABLE || t < s.dbTimer[d]!) continue;
    if (st === DB_FAILING_OVER) {
      const sb = s.dbStandbyZone[d]!;
      if (sb >= 0 && s.zoneDown[sb] === 0) {
        s.dbZone[d] = sb;
        s.dbStandbyZone[d] = s.zoneDown[z] === 1 ? -1 : z;
        s.dbState[d] = DB_AVAILABLE;
        applyPendingClass(world, d);
        note(world, 'dbFailedOver', { db: label, zone: zoneName(sb) });
      } else {
        s.dbState[d] = DB_DOWN;
      }
    } else if (st === DB_RESTARTING || st === DB_RECOVERING) {
      s.dbState[d] = DB_AVAILABLE;
      applyPendingClass(world, d);
      note(world, 'dbAvailable', { db: label });
    } else if (st === DB_PROMOTING) {
      s.dbState[d] = DB_AVAILABLE;
      s.dbPromoted[d] = 1;
      note(world, 'dbPromoted', { db: label });
    }
  }
}

function applyPendingClass(world: World, d: number): void {
  const s = world.state;
  if (s.dbPendingClass[d]! >= 0) {
    s.dbClass[d] = s.dbPendingClass[d]!;
    s.dbPendingClass[d] = -1;
  }
}
