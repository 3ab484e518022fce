// The Gateway Load Balancer's part of a step: how much of each AZ's traffic the appliance fleet lets through.
// Traffic an AZ's route tables send to a Gateway Load Balancer endpoint reaches the GWLB node in that AZ; the node
// hands each flow to a healthy appliance (its own AZ's only, unless cross-zone is on) and what the appliances pass
// goes on to the application. What they cannot inspect in time is shed; with no healthy appliance the node may use,
// the AZ's flows are dropped (a GWLB does not fail open: catalogue.gatewayLoadBalancer.noFailOpen).
// Pure and allocation-free: the caller owns the buffers, so a step pays one pass over the AZs and nothing per design
// without a gateway load balancer.

import { catalogue } from '../catalogue/index.ts';

export interface ApplianceFleet {
  /** Per AZ (the match's zone order): does the GWLB have a node there (a subnet in that AZ)? */
  nodeZones: Uint8Array;
  /** Per AZ: the inspection capacity (requests/s) of that AZ's healthy appliances, summed. */
  healthyCapacityRps: Float64Array;
  /** load_balancing.cross_zone.enabled on the gateway load balancer (off by default). */
  crossZone: boolean;
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
  if (fleet.crossZone) {
    // Every node spreads flows over every enabled AZ's appliances: one pool, shared in proportion to demand.
    let capacity = 0;
    let demand = 0;
    for (let z = 0; z < zones; z++) {
      if (fleet.nodeZones[z]) {
        capacity += fleet.healthyCapacityRps[z]!;
        demand += demandRps[z]!;
      }
    }
    const share = demand <= capacity ? 1 : capacity / demand;
    for (let z = 0; z < zones; z++) {
      const passed = fleet.nodeZones[z] ? demandRps[z]! * share : 0;
      passedRps[z] = passed;
      lost += demandRps[z]! - passed;
    }
    return lost;
  }
  for (let z = 0; z < zones; z++) {
    const capacity = fleet.nodeZones[z] ? fleet.healthyCapacityRps[z]! : 0;
    const passed = Math.min(demandRps[z]!, capacity);
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
