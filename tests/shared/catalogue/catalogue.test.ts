import { describe, expect, it } from 'vitest';
import { catalogue, catalogueSchema, priceFactorOf, readCurve } from '../../../shared/catalogue/index.ts';
import { REGIONS } from '../../../shared/geography/regions.ts';

/** Every {value, unit, explain} record anywhere in the catalogue. */
function figures(node: unknown, path: string, out: { path: string; explain: string }[]) {
  if (node === null || typeof node !== 'object') return out;
  const rec = node as Record<string, unknown>;
  if ('explain' in rec && 'unit' in rec) {
    out.push({ path, explain: String(rec.explain) });
    return out;
  }
  for (const [k, v] of Object.entries(rec)) figures(v, `${path}.${k}`, out);
  return out;
}

describe('catalogue', () => {
  it('passes its own schema', () => {
    expect(catalogueSchema.safeParse(catalogue).success).toBe(true);
  });

  it('rejects an entry without an explanation', () => {
    const broken = structuredClone(catalogue) as unknown as { ec2: { bootS: { explain: string } } };
    broken.ec2.bootS.explain = '';
    expect(catalogueSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects a negative price', () => {
    const broken = structuredClone(catalogue) as unknown as { dataTransfer: { interRegionPerGbUsd: { value: number } } };
    broken.dataTransfer.interRegionPerGbUsd.value = -1;
    expect(catalogueSchema.safeParse(broken).success).toBe(false);
  });

  it('explains every number in one sentence', () => {
    const all = figures(catalogue, 'catalogue', []);
    expect(all.length).toBeGreaterThan(80);
    for (const f of all) {
      expect(f.explain, f.path).toMatch(/^[A-Z].{10,}\.$/s);
    }
  });

  it('lists the instance types and database classes the issue names', () => {
    for (const t of ['t3.micro', 't3.medium', 'm5.large', 'c5.xlarge']) expect(catalogue.instanceTypes[t]).toBeDefined();
    for (const c of ['db.t3.medium', 'db.r6g.large', 'db.r6g.xlarge']) expect(catalogue.databaseClasses[c]).toBeDefined();
  });

  it('is close to real us-east-1 on-demand prices', () => {
    expect(catalogue.instanceTypes['t3.micro']!.hourlyUsd.value).toBe(0.0104);
    expect(catalogue.instanceTypes['m5.large']!.hourlyUsd.value).toBe(0.096);
    expect(catalogue.databaseClasses['db.r6g.large']!.hourlyUsd.value).toBeCloseTo(0.215, 3);
    expect(catalogue.dataTransfer.crossZonePerGbEachWayUsd.value).toBe(0.01);
    expect(catalogue.dataTransfer.interRegionPerGbUsd.value).toBe(0.02);
    expect(catalogue.dataTransfer.internetEgressPerGbUsd.value).toBe(0.09);
    expect(catalogue.cloudFront.egressPerGbUsdByArea.value['north-america']).toBe(0.085);
  });

  it('gives bigger types more capacity, at a higher price', () => {
    const m5l = catalogue.instanceTypes['m5.large']!;
    const m5xl = catalogue.instanceTypes['m5.xlarge']!;
    expect(m5xl.capacityRps.value).toBeGreaterThan(m5l.capacityRps.value);
    expect(m5xl.hourlyUsd.value).toBeGreaterThan(m5l.hourlyUsd.value);
    const r = catalogue.databaseClasses['db.r6g.large']!;
    const rx = catalogue.databaseClasses['db.r6g.xlarge']!;
    expect(rx.capacityQps.value).toBeGreaterThan(r.capacityQps.value);
  });

  it('has a price factor for every region of the geography', () => {
    for (const r of REGIONS) expect(priceFactorOf(r.code)).toBe(r.priceFactor);
    expect(priceFactorOf('nowhere-1')).toBe(1);
  });

  it('reads its curves by linear interpolation, clamped at the ends', () => {
    const q = catalogue.service.queueingCurve.points;
    expect(readCurve(q, 0)).toBe(1);
    expect(readCurve(q, 0.55)).toBeCloseTo(1.1, 10);
    expect(readCurve(q, 5)).toBe(8);
    expect(readCurve(q, -1)).toBe(1);
  });
});
