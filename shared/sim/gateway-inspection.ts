// The Gateway Load Balancer's part of a step: how much of each AZ's traffic the appliance fleet lets through.
// Traffic an AZ's route tables send to a Gateway Load Balancer endpoint reaches the GWLB node in that AZ; the node
// hands each flow to a healthy appliance (its own AZ's only, unless cross-zone is on) and what the appliances pass
// goes on to the application. What they cannot inspect in time is shed; with no healthy appliance the node may use,
// the AZ's flows are dropped (a GWLB does not fail open: catalogue.gatewayLoadBalancer.noFailOpen).
// Bytes inspected are billed per GB (endpoint processing plus the GLCUs they make).
// Pure and allocation-free: the caller owns the buffers, so a step pays one pass over the AZs and nothing per design
// without a gateway load balancer.

import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { TYPE_VCPUS } from './compile/gateway-fleet.ts';
import { AREA_COUNT, CLASS_COUNT, FLOOD, RUNNING, STEP_SECONDS, USER_CLASS_COUNT, ZONE_COUNT } from './constants.ts';
import { C_FAILED, C_FLOOD_REJECTED, C_INSPECTED, M_BALANCING } from './scratch.ts';
import { book, S_ELB } from './bill.ts';
import type { World } from './world.ts';

export interface ApplianceFleet {
  /** Per AZ (the match's zone order): does the GWLB have a node there (a subnet in that AZ)? */
  nodeZones: Uint8Array;
  /** Per AZ: the inspection capacity (requests/s) of that AZ's healthy appliances, summed. */
  healthyCapacityRps: Float64Array;
  /** load_balancing.cross_zone.enabled on the gateway load balancer (off by default). */
  crossZone: boolean;
  /**
   * Per AZ: the appliances the GWLB keeps in service (its health checks still pass them), and of those the ones
   * that are down (failed before the health check noticed). Flows are hashed over the appliances in service, so
   * a down one's share is dropped until the health check takes it out (catalogue.gatewayLoadBalancer.targetFailover).
   * Absent: none down.
   */
  inService?: Float64Array;
  down?: Float64Array;
}

/** Requests/s one healthy appliance of `vCpus` inspects (catalogue.gatewayLoadBalancer.applianceCpuMsPerRequest). */
export function applianceCapacityRps(vCpus: number): number {
  return (vCpus * 1000) / catalogue.gatewayLoadBalancer.applianceCpuMsPerRequest.value;
}

/**
 * Fills `passedRps` with the requests/s that each AZ's inspected traffic (`demandRps`, per AZ) gets through the
 * appliances, and returns the requests/s lost (shed by saturated appliances or dropped for want of a healthy one).
 * Traffic of an AZ where the GWLB has no node is dropped: its endpoint has nowhere to send it.
 */
export function inspect(fleet: ApplianceFleet, demandRps: Float64Array, passedRps: Float64Array): number {
  const zones = demandRps.length;
  let lost = 0;
  const inService = fleet.inService;
  const down = fleet.down;
  if (fleet.crossZone) {
    // Every node spreads flows over every enabled AZ's appliances: one pool, shared in proportion to demand.
    let capacity = 0;
    let demand = 0;
    let serving = 0;
    let broken = 0;
    for (let z = 0; z < zones; z++) {
      if (fleet.nodeZones[z]) {
        capacity += fleet.healthyCapacityRps[z]!;
        demand += demandRps[z]!;
        if (inService && down) {
          serving += inService[z]!;
          broken += down[z]!;
        }
      }
    }
    const reaching = demand * (serving > 0 ? 1 - broken / serving : 1);
    const share = demand <= 0 ? 0 : Math.min(reaching, capacity) / demand;
    for (let z = 0; z < zones; z++) {
      const passed = fleet.nodeZones[z] ? demandRps[z]! * share : 0;
      passedRps[z] = passed;
      lost += demandRps[z]! - passed;
    }
    return lost;
  }
  for (let z = 0; z < zones; z++) {
    const capacity = fleet.nodeZones[z] ? fleet.healthyCapacityRps[z]! : 0;
    const reaching = inService && down && inService[z]! > 0 ? demandRps[z]! * (1 - down[z]! / inService[z]!) : demandRps[z]!;
    const passed = Math.min(reaching, capacity);
    passedRps[z] = passed;
    lost += demandRps[z]! - passed;
  }
  return lost;
}

/**
 * The hourly price of inspection: the GWLB's hour and its GLCUs (bytes decide them), and each endpoint's hour and
 * the GB it processes. `priceFactor` is the region's (catalogue.regionPriceFactor).
 */
export function inspectionHourlyUsd(gbPerHour: number, endpoints: number, priceFactor = 1): number {
  const g = catalogue.gatewayLoadBalancer;
  const glcus = gbPerHour / g.glcuGbPerHour.value;
  return (
    (g.hourlyUsd.value + glcus * g.perGlcuHourUsd.value + endpoints * g.endpointHourlyUsd.value + gbPerHour * g.endpointPerGbUsd.value) *
    priceFactor
  );
}

// ---- The step's use: a front whose subnets route through a Gateway Load Balancer endpoint. ----

/** Response size per class (GB): inspection is billed by the bytes passing the endpoint and the GWLB. */
const SIZE_GB = Float64Array.from([
  catalogue.requests.staticResponseKb.value / 1e6,
  catalogue.requests.readResponseKb.value / 1e6,
  catalogue.requests.writeResponseKb.value / 1e6,
  catalogue.requests.readResponseKb.value / 1e6,
]);
/** USD per GB inspected in each region: the endpoint's per-GB price plus the GLCUs those bytes make. */
const PER_GB_BY_REGION = Float64Array.from(
  REGIONS.map((r) => {
    const g = catalogue.gatewayLoadBalancer;
    return (g.endpointPerGbUsd.value + g.perGlcuHourUsd.value / g.glcuGbPerHour.value) * priceFactorOf(r.code);
  }),
);

const demandBuf = new Float64Array(ZONE_COUNT);
const passedBuf = new Float64Array(ZONE_COUNT);
const fleetBuf: ApplianceFleet = {
  nodeZones: new Uint8Array(ZONE_COUNT),
  healthyCapacityRps: new Float64Array(ZONE_COUNT),
  crossZone: false,
  inService: new Float64Array(ZONE_COUNT),
  down: new Float64Array(ZONE_COUNT),
};

/**
 * Passes front `f` (load balancer `lb`) through its gateway load balancer's appliances: users spread evenly over
 * the front's nodes up (DNS), each node's AZ sends its flows through that AZ's endpoint, and what the appliances
 * cannot pass fails (users) or is dropped (a flood). The front's lanes keep their latency, scaled to what passed.
 */
export function inspectFront(world: World, f: number, lb: number): void {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  const g = topo.lbInspect[lb]!;
  const fc = f * CLASS_COUNT;
  let total = 0;
  for (let c = 0; c < CLASS_COUNT; c++) total += sc.frontTotals[fc + c]!;
  if (total === 0) return;
  demandBuf.fill(0);
  const z0 = topo.lbZoneStart[lb]!;
  const z1 = topo.lbZoneStart[lb + 1]!;
  let nodesUp = 0;
  for (let k = z0; k < z1; k++) if (s.zoneDown[topo.lbZones[k]!] === 0) nodesUp++;
  if (nodesUp === 0) return; // the front's own nodes are gone: balancing fails its traffic
  // Each node's share goes to the endpoint its subnet routes to; a node whose routes skip the endpoint is not
  // inspected, and one whose endpoint's AZ is down loses its flows (the endpoint is gone with it).
  let bypass = 0;
  let endpointLost = 0;
  for (let k = z0; k < z1; k++) {
    const z = topo.lbZones[k]!;
    if (s.zoneDown[z] === 1) continue;
    const ez = topo.lbInspectZone[lb * ZONE_COUNT + z]!;
    if (ez === -2) bypass += total / nodesUp;
    else if (s.zoneDown[ez] === 1) endpointLost += total / nodesUp;
    else demandBuf[ez] = demandBuf[ez]! + total / nodesUp;
  }
  // The endpoints and the GWLB bill every byte that passes them, what the appliances then shed included.
  const processed = (total - bypass - endpointLost) / total;
  if (processed > 0) {
    let gb = 0;
    for (let c = 0; c < CLASS_COUNT; c++) gb += sc.frontTotals[fc + c]! * SIZE_GB[c]!;
    const region = topo.lbRegion[lb]!;
    const usd = gb * processed * PER_GB_BY_REGION[region]! * STEP_SECONDS;
    sc.stepCost[M_BALANCING] = sc.stepCost[M_BALANCING]! + usd;
    book(sc, M_BALANCING, S_ELB, region, usd);
  }
  const cap = fleetBuf.healthyCapacityRps;
  const inService = fleetBuf.inService!;
  const down = fleetBuf.down!;
  cap.fill(0);
  inService.fill(0);
  down.fill(0);
  for (let z = 0; z < ZONE_COUNT; z++) fleetBuf.nodeZones[z] = topo.gwNodeZones[g * ZONE_COUNT + z] === 1 && s.zoneDown[z] === 0 ? 1 : 0;
  fleetBuf.crossZone = topo.gwCrossZone[g] === 1;
  // The GWLB hashes flows over the appliances its health checks pass: one that failed since the last checks still
  // gets its share, and that share is dropped until the checks take it out of service.
  for (let k = topo.gwSlotStart[g]!; k < topo.gwSlotStart[g + 1]!; k++) {
    const slot = topo.gwSlots[k]!;
    const z = s.instZone[slot]!;
    if (z < 0 || s.instHealthy[slot] !== 1 || s.zoneDown[z] === 1) continue;
    inService[z] = inService[z]! + 1;
    if (s.instState[slot] !== RUNNING) down[z] = down[z]! + 1;
    else cap[z] = cap[z]! + applianceCapacityRps(TYPE_VCPUS[topo.instType[slot]!]!);
  }
  const lost = inspect(fleetBuf, demandBuf, passedBuf) + endpointLost;
  let users = 0;
  for (let c = 0; c < USER_CLASS_COUNT; c++) users += sc.frontTotals[fc + c]!;
  // What the appliances passed on: everything that reached an endpoint less what they shed or dropped (flows are
  // spread over the classes alike, so the users' part is their share of it).
  const inspected = Math.max(0, total - bypass - lost) / total;
  sc.stepCounts[C_INSPECTED] = sc.stepCounts[C_INSPECTED]! + users * inspected;
  if (lost <= 0) return;
  const keep = Math.max(0, 1 - lost / total);
  sc.stepCounts[C_FAILED] = sc.stepCounts[C_FAILED]! + users * (1 - keep);
  sc.stepCounts[C_FLOOD_REJECTED] = sc.stepCounts[C_FLOOD_REJECTED]! + sc.frontTotals[fc + FLOOD]! * (1 - keep);
  for (let c = 0; c < CLASS_COUNT; c++) sc.frontTotals[fc + c] = sc.frontTotals[fc + c]! * keep;
  for (let a = 0; a < AREA_COUNT; a++) {
    const base = (f * AREA_COUNT + a) * CLASS_COUNT;
    for (let c = 0; c < CLASS_COUNT; c++) {
      sc.laneFlow[base + c] = sc.laneFlow[base + c]! * keep;
      sc.laneLat[base + c] = sc.laneLat[base + c]! * keep;
    }
  }
  for (let c = 0; c < CLASS_COUNT; c++) {
    sc.viaInternet[fc + c] = sc.viaInternet[fc + c]! * keep;
    sc.viaEdgePrice[fc + c] = sc.viaEdgePrice[fc + c]! * keep;
    sc.viaPremium[fc + c] = sc.viaPremium[fc + c]! * keep;
  }
}
