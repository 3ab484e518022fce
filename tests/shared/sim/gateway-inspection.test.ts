import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { applianceCapacityRps, inspect, inspectionHourlyUsd, type ApplianceFleet } from '../../../shared/sim/gateway-inspection.ts';

const per = applianceCapacityRps(2); // one 2-vCPU firewall

function fleet(healthy: number[], crossZone = false, nodes = healthy.map(() => 1)): ApplianceFleet {
  return { nodeZones: Uint8Array.from(nodes), healthyCapacityRps: Float64Array.from(healthy.map((n) => n * per)), crossZone };
}

function run(f: ApplianceFleet, demand: number[]): { passed: number[]; lost: number } {
  const passed = new Float64Array(demand.length);
  const lost = inspect(f, Float64Array.from(demand), passed);
  return { passed: [...passed], lost };
}

describe('Gateway Load Balancer: appliances decide what gets through', () => {
  it('capacity comes from the catalogue figure (vCPUs × 1000 / CPU ms per request)', () => {
    expect(per).toBe((2 * 1000) / catalogue.gatewayLoadBalancer.applianceCpuMsPerRequest.value);
  });

  it('healthy appliances with room pass everything', () => {
    expect(run(fleet([1, 1]), [per / 2, per / 2])).toEqual({ passed: [per / 2, per / 2], lost: 0 });
  });

  it('overloaded appliances shed what is beyond their capacity', () => {
    const r = run(fleet([1, 1]), [per * 3, per / 2]);
    expect(r.passed).toEqual([per, per / 2]);
    expect(r.lost).toBeCloseTo(per * 2);
  });

  it('with every appliance unhealthy the traffic fails: no fail-open', () => {
    const r = run(fleet([0, 0]), [100, 100]);
    expect(r.passed).toEqual([0, 0]);
    expect(r.lost).toBe(200);
    expect(run(fleet([0, 0], true), [100, 100]).lost).toBe(200);
  });

  it("cross-zone off (the default): one AZ's appliances down fails that AZ's flows only", () => {
    expect(catalogue.gatewayLoadBalancer.crossZoneDefault.value).toBe(0);
    const r = run(fleet([0, 2]), [100, 100]);
    expect(r.passed).toEqual([0, 100]);
    expect(r.lost).toBe(100);
  });

  it("cross-zone on: the other AZ's appliances take the flows while they have room", () => {
    expect(run(fleet([0, 2], true), [100, 100])).toEqual({ passed: [100, 100], lost: 0 });
    const saturated = run(fleet([0, 1], true), [per, per]);
    expect(saturated.passed).toEqual([per / 2, per / 2]);
  });

  it('an appliance down but still in service (its health check has not failed yet) drops the flows hashed to it', () => {
    const f = { ...fleet([1, 1]), inService: Float64Array.of(2, 1), down: Float64Array.of(1, 0) };
    expect(run(f, [100, 100])).toEqual({ passed: [50, 100], lost: 50 });
    // Cross-zone: one pool of three in service, one of them down: a third of every AZ's flows is dropped.
    const pooled = run({ ...f, crossZone: true }, [90, 90]);
    expect(pooled.passed[0]).toBeCloseTo(60, 9);
    expect(pooled.passed[1]).toBeCloseTo(60, 9);
    expect(pooled.lost).toBeCloseTo(60, 9);
    // Taken out of service: what is left carries everything it has room for.
    expect(run({ ...f, crossZone: true, inService: Float64Array.of(1, 1), down: Float64Array.of(0, 0) }, [90, 90]).lost).toBe(0);
  });

  it('an AZ the GWLB has no node in loses its traffic, and its appliances get nothing', () => {
    const r = run(fleet([2, 2], true, [0, 1]), [100, 100]);
    expect(r.passed).toEqual([0, 100]);
    expect(r.lost).toBe(100);
  });

  it('costs the GWLB hour and GLCUs plus each endpoint hour and GB (AWS us-east-1 prices)', () => {
    const g = catalogue.gatewayLoadBalancer;
    expect([g.hourlyUsd.value, g.perGlcuHourUsd.value, g.endpointHourlyUsd.value, g.endpointPerGbUsd.value]).toEqual([0.0125, 0.004, 0.01, 0.0035]);
    expect(inspectionHourlyUsd(0, 2)).toBeCloseTo(0.0125 + 0.02);
    expect(inspectionHourlyUsd(10, 2)).toBeCloseTo(0.0125 + 10 * 0.004 + 0.02 + 10 * 0.0035);
    expect(inspectionHourlyUsd(10, 2, 1.2)).toBeCloseTo(1.2 * (0.0125 + 10 * 0.004 + 0.02 + 10 * 0.0035));
  });
});
