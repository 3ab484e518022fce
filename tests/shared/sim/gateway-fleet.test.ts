// A Gateway Load Balancer in the simulation: a front whose subnets route through a GWLB endpoint gets only what
// the appliance fleet passes (capacity sheds, no healthy appliance drops, one AZ down without cross-zone fails
// that AZ's share); without the route the appliances are not in the path at all.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { FAILED, STEP_SECONDS } from '../../../shared/sim/constants.ts';
import { applianceCapacityRps } from '../../../shared/sim/gateway-inspection.ts';
import { C_FAILED, C_INSPECTED, C_OFFERED, M_BALANCING } from '../../../shared/sim/scratch.ts';
import { standingOf } from '../../../shared/sim/standing.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { slotsOf } from './probes.ts';

interface Options {
  rps?: number;
  routed?: boolean;
  crossZone?: boolean;
  appliances?: ('a' | 'b')[];
  /** One endpoint in subnet a that both AZs' routes send to, and the GWLB in AZ a only (the naive design). */
  oneEndpointInA?: boolean;
  /** AZ a goes dark from the start. */
  zoneAOutage?: boolean;
}

function inspected(o: Options = {}): World {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const web = [d.instance('WebA', net.subnets[0]!, 'c5.xlarge'), d.instance('WebB', net.subnets[1]!, 'c5.xlarge')];
  d.loadBalancer('Front', net.subnets, [d.targetGroup('Web', web)]);
  const zones = o.appliances ?? ['a', 'b'];
  const firewalls = zones.map((z, i) => d.instance(`Firewall${i}`, net.subnets[z === 'a' ? 0 : 1]!, 'c5.large'));
  const appliances = d.add('Appliances', 'targetGroup', {
    protocol: 'GENEVE',
    port: 6081,
    targets: firewalls,
    healthCheck: { intervalS: 10, healthyThreshold: 3, unhealthyThreshold: 2 },
    algorithm: 'round_robin',
    stickiness: false,
  });
  const gwSubnets = o.oneEndpointInA ? [net.subnets[0]!] : net.subnets;
  const gwlb = d.add('Inspection', 'loadBalancer', { lbType: 'gateway', scheme: 'internal', subnets: gwSubnets, crossZone: o.crossZone ?? false, securityGroups: [] });
  d.add('InspectionListener', 'listener', { loadBalancer: gwlb, port: 80, protocol: 'HTTP', forward: [{ targetGroup: appliances, weight: 1 }], allTraffic: true });
  d.design.unmodelled.push({ stack: 0, logicalId: 'FirewallEndpoint', type: 'AWS::EC2::VPCEndpoint', body: { Properties: { VpcEndpointType: 'GatewayLoadBalancer', ...(o.oneEndpointInA ? { SubnetIds: [{ Ref: 'MainSubnetA' }] } : {}) } } });
  if (o.routed !== false) {
    const table = d.design.resources.find((r) => r.logicalId === 'MainRoutes')!.id;
    d.add('ThroughFirewall', 'route', { routeTable: table, destination: '10.0.0.0/16', otherTarget: 'FirewallEndpoint' } as ResourceOfKind<'route'>['props']);
  }
  return createWorld(d.design, scenario({
      traffic: [{ area: 'north-america', baselineRps: o.rps ?? 400 }],
      ...(o.zoneAOutage ? { events: [{ type: 'az-outage', atS: 0, durationS: 3600, params: { zone: 'us-east-1a' } }] } : {}),
    }), 3);
}

/** The share of offered user requests that failed in one step. */
function failedShare(world: World): number {
  step(world);
  return world.scratch.stepCounts[C_FAILED]! / world.scratch.stepCounts[C_OFFERED]!;
}

/** The appliances fail and the GWLB's health checks have taken them out of service. */
function fail(world: World, ...ids: string[]): World {
  for (const id of ids) {
    for (const s of slotsOf(world, id)) {
      world.state.instState[s] = FAILED;
      world.state.instHealthy[s] = 0;
    }
  }
  return world;
}

/** The appliances fail, and the health checks have not noticed yet: the GWLB still keeps them in service. */
function failUnnoticed(world: World, ...ids: string[]): World {
  for (const id of ids) for (const s of slotsOf(world, id)) world.state.instState[s] = FAILED;
  return world;
}

const PER_APPLIANCE = applianceCapacityRps(catalogue.instanceTypes['c5.large']!.vCpus.value);

describe('Gateway Load Balancer: every request to the application passes the appliances first', () => {
  it('the route to the endpoint puts the front behind the fleet; healthy appliances with room pass everything', () => {
    const world = inspected();
    expect(world.topo.lbInspect[0]).toBe(0);
    expect(failedShare(world)).toBe(0);
    expect(inspected({ routed: false }).topo.lbInspect[0]).toBe(-1);
  });

  it('all appliances down: the traffic fails (no fail-open); without the route it would not have passed them', () => {
    expect(failedShare(fail(inspected(), 'Firewall0', 'Firewall1'))).toBeCloseTo(1, 9);
    expect(failedShare(fail(inspected({ routed: false }), 'Firewall0', 'Firewall1'))).toBe(0);
  });

  it("one AZ's appliances down: with cross-zone off (the default) that AZ's flows fail; with it on the other AZ takes them", () => {
    expect(failedShare(fail(inspected(), 'Firewall0'))).toBeCloseTo(0.5, 9);
    expect(failedShare(fail(inspected({ crossZone: true }), 'Firewall0'))).toBe(0);
    // One appliance in one AZ: the other AZ's node has no appliance at all.
    expect(failedShare(inspected({ appliances: ['a'] }))).toBeCloseTo(0.5, 9);
  });

  it('an appliance that failed before the health check noticed keeps its share of the flows, and drops it (no rebalance)', () => {
    // Cross-zone on, two appliances: half the flows hash to the dead one until the checks take it out of service.
    expect(failedShare(failUnnoticed(inspected({ crossZone: true }), 'Firewall0'))).toBeCloseTo(0.5, 9);
    expect(failedShare(fail(inspected({ crossZone: true }), 'Firewall0'))).toBe(0);
    // The health checks run in the step: within the unhealthy threshold × interval the dead appliance is out.
    const world = failUnnoticed(inspected({ crossZone: true }), 'Firewall0');
    const failing: number[] = [];
    for (let i = 0; i < 6; i++) failing.push(failedShare(world));
    expect(failing[0]).toBeCloseTo(0.5, 9);
    expect(failing.at(-1)).toBe(0);
  });

  it('overloaded appliances shed what is beyond their capacity (vCPUs × 1000 / CPU ms per request)', () => {
    const rps = 4 * PER_APPLIANCE; // twice what two appliances inspect
    const world = inspected({ rps });
    step(world);
    const offered = world.scratch.stepCounts[C_OFFERED]!;
    expect(offered).toBeGreaterThan(0);
    const baseline = inspected({ rps, routed: false });
    step(baseline);
    const extra = world.scratch.stepCounts[C_FAILED]! - baseline.scratch.stepCounts[C_FAILED]!;
    expect(extra).toBeGreaterThan(0);
  });

  it('bills the GWLB hour and each endpoint hour', () => {
    const g = catalogue.gatewayLoadBalancer;
    expect(inspected().topo.gwHourlyUsd[0]).toBeCloseTo(g.hourlyUsd.value + g.endpointHourlyUsd.value, 9);
  });

  it("one endpoint in AZ a serves both AZs' routes: it passes everything until AZ a goes dark, then nothing passes", () => {
    expect(failedShare(inspected({ appliances: ['a'], oneEndpointInA: true }))).toBe(0);
    expect(failedShare(inspected({ appliances: ['a'], oneEndpointInA: true, zoneAOutage: true }))).toBeCloseTo(1, 9);
    // Per-AZ endpoints with appliances in both AZs: AZ b's flows stay inside AZ b and pass; what fails is what
    // fails without any inspection (the users whose cached answer still names the dark AZ's node).
    const uninspected = failedShare(inspected({ zoneAOutage: true, routed: false }));
    expect(uninspected).toBeLessThan(1);
    expect(failedShare(inspected({ zoneAOutage: true }))).toBeCloseTo(uninspected, 9);
  });
});

describe('Gateway Load Balancer: bytes inspected are billed', () => {
  it('a routed front costs more per step than the same design without the route: endpoint GB plus GLCUs', () => {
    const world = inspected();
    const plain = inspected({ routed: false });
    step(world);
    step(plain);
    const extra = world.scratch.stepCost[M_BALANCING]! - plain.scratch.stepCost[M_BALANCING]!;
    expect(extra).toBeGreaterThan(0);
    const g = catalogue.gatewayLoadBalancer;
    let gb = 0;
    const sizes = [catalogue.requests.staticResponseKb, catalogue.requests.readResponseKb, catalogue.requests.writeResponseKb, catalogue.requests.readResponseKb];
    for (let c = 0; c < sizes.length; c++) gb += world.scratch.frontTotals[c]! * (sizes[c]!.value / 1e6);
    expect(extra).toBeCloseTo(gb * (g.endpointPerGbUsd.value + g.perGlcuHourUsd.value) * STEP_SECONDS, 12);
  });
});

describe('Gateway Load Balancer: what the inspectedShare objective reads', () => {
  /** The share of offered user requests the appliances passed on in one step. */
  const inspectedShare = (world: World) => {
    step(world);
    return world.scratch.stepCounts[C_INSPECTED]! / world.scratch.stepCounts[C_OFFERED]!;
  };

  it('routed through healthy appliances with room: every request is inspected; without the route none is', () => {
    expect(inspectedShare(inspected())).toBeCloseTo(1, 9);
    expect(inspectedShare(inspected({ routed: false }))).toBe(0);
  });

  it('what the appliances drop is not inspected: one AZ of two without a healthy appliance halves it', () => {
    expect(inspectedShare(fail(inspected(), 'Firewall0'))).toBeCloseTo(0.5, 9);
    expect(inspectedShare(fail(inspected(), 'Firewall0', 'Firewall1'))).toBe(0);
  });

  it("the run's tally carries it to the standing's inspectedShare objective", () => {
    const world = inspected();
    const objectives = [{ id: 'inspect', primary: true, metric: 'inspectedShare' as const, comparison: '>=' as const, target: 0.99 }];
    world.scenario.objectives = objectives;
    for (let i = 0; i < 5; i++) step(world);
    expect(world.state.inspected[0]).toBeGreaterThan(0);
    expect(standingOf(world).objectives.find((o) => o.id === 'inspect')).toMatchObject({ met: true });
    const plain = inspected({ routed: false });
    plain.scenario.objectives = objectives;
    for (let i = 0; i < 5; i++) step(plain);
    expect(plain.state.inspected[0]).toBe(0);
    expect(standingOf(plain).objectives.find((o) => o.id === 'inspect')).toMatchObject({ met: false, value: 0 });
  });
});
