// Clients reach a load balancer by its DNS name: ELB answers with the IP addresses of its nodes, one per enabled
// AZ, with a TTL of 60 s (catalogue.loadBalancing.nodeAddressTtlS). When an AZ goes dark its node stops answering
// and ELB takes its address out of DNS, but a client that resolved the name earlier keeps the address until its
// cached answer expires, and its requests to that node fail. Clients resolved at different moments, so their caches
// expire at different moments: the share still holding the dark node's address falls from that node's share of the
// clients (1 / nodes answered) to 0 over one TTL. An NLB's static IP or Elastic IP in that AZ stops answering the
// same way. Global Accelerator's static anycast addresses involve no DNS (routing.ts sends to it directly), so
// traffic through it never waits for a TTL.
// No state: when a zone went dark is read from the scenario's active outage events, and only while a zone of the
// load balancer is dark; a step with no dark zone at all pays one byte read per front (scratch.anyZoneDark).

import { catalogue } from '../catalogue/index.ts';
import { FRONT_LB, regionIndex, STEP_SECONDS, TO_DNS, TO_FRONT, ZONE_COUNT, ZONES_PER_REGION, zoneIndex, zoneName } from './constants.ts';
import { ACTIVE } from './events.ts';
import { T_NOW } from './state.ts';
import { note, type World } from './world.ts';

export const NODE_TTL_S = catalogue.loadBalancing.nodeAddressTtlS.value;

/** When zone z went dark (the earliest start among the active outages that darken it), or -1 if none does. */
export function darkSince(world: World, z: number): number {
  const events = world.plan.events;
  const phase = world.state.eventPhase;
  let since = -1;
  for (let i = 0; i < events.length; i++) {
    if (phase[i] !== ACTIVE) continue;
    const e = events[i]!;
    let hit = false;
    if (e.type === 'az-outage') hit = zoneIndex(e.params.zone) === z;
    else if (e.type === 'region-outage') hit = regionIndex(e.params.region) === Math.floor(z / ZONES_PER_REGION);
    if (hit && (since < 0 || e.atS < since)) since = e.atS;
  }
  return since;
}

/**
 * The share of a load balancer's DNS clients still holding the address of a node whose AZ went dark less than a
 * TTL ago: their requests fail. 0 when every node is dark (nothing answers anyway: balancing fails it all).
 * Read during routing, after noteStaleNodes has looked at this step's zones.
 */
export function staleNodeShare(world: World, lb: number): number {
  // No zone dark this step (the usual step): one byte read, not one per enabled zone of every front.
  if (world.scratch.anyZoneDark[0] === 0) return 0;
  const topo = world.topo;
  const s = world.state;
  const z0 = topo.lbZoneStart[lb]!;
  const z1 = topo.lbZoneStart[lb + 1]!;
  let up = 0;
  for (let k = z0; k < z1; k++) if (s.zoneDown[topo.lbZones[k]!] === 0) up++;
  if (up === z1 - z0 || up === 0) return 0;
  const t = s.tally[T_NOW]!;
  up = 0;
  let cached = 0;
  let remaining = 0;
  for (let k = z0; k < z1; k++) {
    const z = topo.lbZones[k]!;
    if (!answered(world, lb, z)) continue;
    if (s.zoneDown[z] === 0) {
      up++;
      continue;
    }
    const since = darkSince(world, z);
    if (since < 0 || t - since >= NODE_TTL_S) continue; // every cache has expired: DNS no longer gives it out
    cached++;
    remaining += 1 - (t - since) / NODE_TTL_S;
  }
  return up === 0 ? 0 : remaining / (up + cached);
}

/**
 * Does DNS give out the node in zone z? With cross-zone on (any of its target groups) every node has somewhere
 * to send; with it off only a node with targets in its own zone. Read from the design (a static target's zone, a
 * group's zones), not the state: a dark zone's targets are gone or replaced by now, but they were there when the
 * clients resolved. ELB knowledge center: each healthy AZ "adds the corresponding Elastic Load Balancer node IP
 * address to the Elastic Load Balancer DNS".
 */
function answered(world: World, lb: number, z: number): boolean {
  const topo = world.topo;
  if (topo.lbCrossZone[lb] === 1) return true;
  for (let e = topo.lbEdgeStart[lb]!; e < topo.lbEdgeStart[lb + 1]!; e++) {
    const i = topo.edgeInst[e]!;
    const g = topo.instAsg[i]!;
    if (g < 0) {
      if (topo.instHomeZone[i] === z) return true;
      continue;
    }
    for (let k = topo.asgZoneStart[g]!; k < topo.asgZoneStart[g + 1]!; k++) if (topo.asgZones[k] === z) return true;
  }
  return false;
}

/** Is front f reached by its DNS name (the entry itself, or a Route 53 record's target)? */
function reachedByName(world: World, f: number): boolean {
  const topo = world.topo;
  if (topo.entryKind === TO_FRONT) return topo.entryIndex === f;
  if (topo.entryKind !== TO_DNS) return false;
  for (let r = 0; r < topo.recCount; r++) if (topo.recTargetKind[r] === TO_FRONT && topo.recTarget[r] === f) return true;
  return false;
}

/** Says once, in the step a zone goes dark, which load balancers' clients still hold that zone's node address. */
export function noteStaleNodes(world: World): void {
  const topo = world.topo;
  const s = world.state;
  let dark = 0;
  for (let z = 0; z < ZONE_COUNT; z++) dark += s.zoneDown[z]!;
  // Read by staleNodeShare for the rest of this step (zones change only in advanceEvents, before routing).
  world.scratch.anyZoneDark[0] = dark > 0 ? 1 : 0;
  if (dark === 0) return;
  const t = s.tally[T_NOW]!;
  for (let f = 0; f < topo.frontCount; f++) {
    if (topo.frontKind[f] !== FRONT_LB) continue;
    const lb = topo.frontRef[f]!;
    const z0 = topo.lbZoneStart[lb]!;
    const z1 = topo.lbZoneStart[lb + 1]!;
    for (let k = z0; k < z1; k++) {
      const z = topo.lbZones[k]!;
      if (s.zoneDown[z] === 0) continue;
      const since = darkSince(world, z);
      if (since < 0 || t - since >= STEP_SECONDS || !answered(world, lb, z) || !reachedByName(world, f)) continue;
      const pct = Math.round(100 * staleNodeShare(world, lb));
      if (pct > 0) note(world, 'lbNodeCached', { lb: topo.labels[topo.lbResource[lb]!]!, zone: zoneName(z), ttl: NODE_TTL_S, pct });
    }
  }
}
