// Which fronts' traffic passes a Gateway Load Balancer's appliances, and which appliances those are.
// A front (an ALB or NLB) is inspected when a route table of one of its subnets sends traffic to a Gateway Load
// Balancer endpoint (a route whose VpcEndpointId names an AWS::EC2::VPCEndpoint of type GatewayLoadBalancer):
// its requests then pass the appliances on the way in. The game's simplification: the endpoint is not a board
// piece (the template keeps it as written) and it reaches its region's first Gateway Load Balancer (the endpoint
// service between them is not modelled). Designs without a gateway load balancer compile to empty tables, so the
// step does nothing more for them.

import { catalogue, priceFactorOf } from '../../catalogue/index.ts';
import type { Design, ResourceOfKind } from '../../design/model.ts';
import { ZONE_COUNT } from '../constants.ts';
import type { NetworkTopology } from '../topology.ts';
import { INSTANCE_TYPE_NAMES } from './instance-types.ts';
import { liveOfKind } from './network.ts';
import { endpointOfRoute, gatewayEndpoints } from '../../template/gwlb-endpoints.ts';

/** vCPUs per instance-types.ts index: an appliance's inspection capacity follows them. */
export const TYPE_VCPUS: Float64Array = Float64Array.from(INSTANCE_TYPE_NAMES.map((n) => catalogue.instanceTypes[n]!.vCpus.value));

export interface GatewayFleetTopology {
  /** Per front load balancer: the gateway load balancer inspecting its traffic, or -1. */
  lbInspect: Int16Array;
  /**
   * Front count × ZONE_COUNT: for the front's node in each AZ, the AZ of the endpoint its subnet's routes send
   * to (the GWLB node there inspects), or -2 where that subnet's routes skip the endpoint (no inspection).
   */
  lbInspectZone: Int16Array;
  gwCount: number;
  /** gwCount × ZONE_COUNT: 1 where the gateway load balancer has a node. */
  gwNodeZones: Uint8Array;
  gwCrossZone: Uint8Array;
  /** Appliance instance slots of each gateway load balancer (its listeners' target groups' targets). */
  gwSlotStart: Int32Array;
  gwSlots: Int32Array;
  /** The GWLB's hour and its endpoints' hours (region-priced), billed as fixed hourly cost. */
  gwHourlyUsd: Float64Array;
  gwResource: Int32Array;
}

type Lb = ResourceOfKind<'loadBalancer'>;

export function compileGatewayFleets(
  design: Design,
  removed: Uint8Array,
  net: NetworkTopology,
  fronts: Lb[],
  tgIndex: Map<number, number>,
  tgTargets: number[][],
): GatewayFleetTopology {
  const gateways = liveOfKind(design, removed, 'loadBalancer').filter((b) => b.props.lbType === 'gateway');
  const lbInspect = new Int16Array(fronts.length).fill(-1);
  const lbInspectZone = new Int16Array(0);
  const empty = { lbInspect, lbInspectZone, gwCount: 0, gwNodeZones: new Uint8Array(0), gwCrossZone: new Uint8Array(0), gwSlotStart: Int32Array.of(0), gwSlots: new Int32Array(0), gwHourlyUsd: new Float64Array(0), gwResource: new Int32Array(0) };
  if (gateways.length === 0) return empty;

  // The Gateway Load Balancer endpoints each stack declares (kept as written, not on the board).
  const endpoints = gatewayEndpoints(design);
  const endpointZone = new Map<string, number>(); // its subnet's AZ (SubnetIds: one subnet), when on the board
  for (const e of endpoints.values()) {
    const z = e.subnet !== undefined && removed[e.subnet] !== 1 ? net.subnetZone[e.subnet]! : -1;
    if (z >= 0) endpointZone.set(e.key, z);
  }
  const endpointCount = new Map<string, number>(); // region → endpoints
  for (const { stack } of endpoints.values()) {
    const region = regionOfStack(design, stack);
    endpointCount.set(region, (endpointCount.get(region) ?? 0) + 1);
  }
  // Route tables that send to an endpoint, and the subnets associated with them.
  const inspectingTables = new Map<number, string>(); // route table → the endpoint it sends to
  for (const r of liveOfKind(design, removed, 'route')) {
    const endpoint = endpointOfRoute(endpoints, r);
    if (endpoint && !inspectingTables.has(r.props.routeTable)) inspectingTables.set(r.props.routeTable, endpoint.key);
  }
  const inspectedSubnets = new Map<number, string>(); // subnet → endpoint
  for (const a of liveOfKind(design, removed, 'subnetRouteTableAssociation')) {
    const key = inspectingTables.get(a.props.routeTable);
    if (key !== undefined) inspectedSubnets.set(a.props.subnet, key);
  }

  const gwNodeZones = new Uint8Array(gateways.length * ZONE_COUNT);
  const slotStart: number[] = [0];
  const slots: number[] = [];
  const listeners = liveOfKind(design, removed, 'listener');
  gateways.forEach((g, i) => {
    for (const sid of g.props.subnets) {
      const z = net.subnetZone[sid];
      if (z !== undefined && z >= 0) gwNodeZones[i * ZONE_COUNT + z] = 1;
    }
    const own = new Set<number>();
    for (const l of listeners) if (l.props.loadBalancer === g.id) for (const f of l.props.forward) own.add(f.targetGroup);
    for (const tg of [...own].sort((a, b) => a - b)) {
      const t = tgIndex.get(tg);
      if (t !== undefined) for (const s of tgTargets[t]!) if (!slots.includes(s)) slots.push(s);
    }
    slotStart.push(slots.length);
  });
  const regionOfGw = gateways.map((g) => net.resourceRegion[g.id]!);
  const inspectZone = new Int16Array(fronts.length * ZONE_COUNT).fill(-2);
  fronts.forEach((b, i) => {
    const g = regionOfGw.indexOf(net.resourceRegion[b.id]!);
    if (g < 0) return;
    for (const s of b.props.subnets) {
      const key = inspectedSubnets.get(s);
      const z = net.subnetZone[s]!;
      if (key === undefined || z < 0) continue;
      lbInspect[i] = g;
      // The node's flows go to the endpoint its subnet routes to (in another AZ they cross to it).
      inspectZone[i * ZONE_COUNT + z] = endpointZone.get(key) ?? z;
    }
  });
  const gw = catalogue.gatewayLoadBalancer;
  const gwHourlyUsd = Float64Array.from(
    gateways.map((g, i) => {
      const endpointsHere = regionOfGw.indexOf(regionOfGw[i]!) === i ? (endpointCount.get(regionOfStack(design, g.stack)) ?? 0) : 0;
      return (gw.hourlyUsd.value + endpointsHere * gw.endpointHourlyUsd.value) * priceFactorOf(regionOfStack(design, g.stack));
    }),
  );
  return {
    lbInspect,
    lbInspectZone: inspectZone,
    gwCount: gateways.length,
    gwNodeZones,
    gwCrossZone: Uint8Array.from(gateways.map((g) => (g.props.crossZone ? 1 : 0))),
    gwSlotStart: Int32Array.from(slotStart),
    gwSlots: Int32Array.from(slots),
    gwHourlyUsd,
    gwResource: Int32Array.from(gateways.map((g) => g.id)),
  };
}

function regionOfStack(design: Design, stack: number): string {
  return design.stacks[stack]?.region ?? '';
}
