// The transit-gateway-hub level teaches what its text says, on variations of its own designs: the reference
// (every VPC re-addressed and on the hub) wins; the same hub with the legacy VPC left at the shared range
// 10.0.0.0/16 is accepted with a warning but loses the legacy VPC's traffic; peering works only with every route
// in place (and then pays data transfer only), and one missing return route drops a team's traffic.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { loadDesign, parseManifestText } from '../../../shared/template/index.ts';
import { ASSETS, allScenarios, assetPathOf } from './files.ts';

const level = allScenarios().find((s) => s.id === 'transit-gateway-hub')!;
const REFERENCE = join(ASSETS, assetPathOf(level.solutions!.reference));
const NAIVE = join(ASSETS, assetPathOf(level.solutions!.naive));

/** A manifest's text, edited, loaded against its own folder's templates; the design and the loader's warnings. */
function variant(file: string, edit: (text: string) => string): { design: Design; warnings: string[] } {
  const text = edit(readFileSync(file, 'utf8'));
  const parsed = parseManifestText(text);
  if (!parsed.manifest) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  const loaded = loadDesign(parsed.manifest, (t) => readFileSync(join(dirname(file), t), 'utf8'));
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (!loaded.design || errors.length > 0) throw new Error(errors.map((i) => `${i.logicalId}: ${i.message}`).join('; '));
  return { design: loaded.design, warnings: loaded.issues.filter((i) => i.severity === 'warning').map((i) => `${i.code}: ${i.message}`) };
}

const run = (design: Design): RunResult => runScenario(design, level, { seed: 1 });
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);

/** The naive design with the legacy VPC re-addressed and peered like the others: every VPC peered, all routes. */
const allPeered = (text: string) =>
  text.replace(/VpcCidr: 10\.0\.0\.0\/16\n(\s+)Connection: none\n\s+OwnDatabase: "yes"/, 'VpcCidr: 10.4.0.0/16\n$1Connection: peering');

describe('transit-gateway-hub', () => {
  const reference = run(variant(REFERENCE, (t) => t).design);

  it('loses the legacy VPC when it keeps the overlapping range on the hub, and says why', () => {
    const overlap = variant(REFERENCE, (t) => t.replace('VpcCidr: 10.4.0.0/16', 'VpcCidr: 10.0.0.0/16'));
    expect(overlap.warnings.some((w) => w.startsWith('transit-gateway-overlap') && w.includes('local route'))).toBe(true);
    const r = run(overlap.design);
    expect(missed(reference)).toEqual([]);
    expect(missed(r)).toContain('availability');
    expect(r.warnings.some((w) => w.startsWith('legacy/WebServerGroup cannot reach database shared/Database') && w.includes('local route'))).toBe(true);
    // The other teams still reach the shared database through the hub: a quarter of the users fail, not all.
    expect(r.availability).toBeGreaterThan(0.7);
    expect(r.score).toBeLessThan(reference.score);
  });

  it('wins with every VPC peered and every route in place, paying data transfer only', () => {
    const peered = run(variant(NAIVE, allPeered).design);
    expect(missed(peered)).toEqual([]);
    expect(peered.costUsd).toBeLessThan(reference.costUsd);
  });

  it('drops a team whose peering lacks its return route in the shared VPC, and names the table', () => {
    const forgot = variant(NAIVE, (t) => allPeered(t).replace(/(VpcCidr: 10\.2\.0\.0\/16\n(\s+)Connection: peering)/, '$1\n$2ReturnRoute: "no"'));
    const r = run(forgot.design);
    expect(missed(r)).toContain('availability');
    expect(r.warnings.some((w) => w.startsWith('team-b/WebServerGroup') && w.includes('route table shared/PrivateRouteTable has no route'))).toBe(true);
  });
});
