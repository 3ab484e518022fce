// The teams-keep-arriving level teaches what its text says, on variations of its own designs: the reference
// (a Transit Gateway with the office's VPN attached; every team attaches itself) wins; the naive per-VPC VPNs
// lose the office's requests to the teams that arrive without a VPN of their own; giving each arriving team its
// own VPN as well wins again (it is the missing VPNs that fail, not the peerings); a VPN into the shared VPC's
// virtual private gateway reaches no team's VPC (a peering does not carry it on); and an arriving team on the
// hub that does not route the office's range to it is not reached.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { loadDesign, parseManifestText } from '../../../shared/template/index.ts';
import { ASSETS, allScenarios, assetPathOf } from './files.ts';

const level = allScenarios().find((s) => s.id === 'teams-keep-arriving')!;
const REFERENCE = join(ASSETS, assetPathOf(level.solutions!.reference));
const NAIVE = join(ASSETS, assetPathOf(level.solutions!.naive));

function variant(file: string, edit: (text: string) => string): Design {
  const text = edit(readFileSync(file, 'utf8'));
  const parsed = parseManifestText(text);
  if (!parsed.manifest) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  const loaded = loadDesign(parsed.manifest, (t) => readFileSync(join(dirname(file), t), 'utf8'));
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (!loaded.design || errors.length > 0) throw new Error(errors.map((i) => `${i.logicalId}: ${i.message}`).join('; '));
  return loaded.design;
}

const run = (design: Design): RunResult => runScenario(design, level, { seed: 1 });
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);

describe('teams-keep-arriving', () => {
  const reference = run(variant(REFERENCE, (t) => t));
  const naive = run(variant(NAIVE, (t) => t));

  it('the hub wins; the per-VPC VPNs lose the arriving teams to the office', () => {
    expect(missed(reference)).toEqual([]);
    expect(missed(naive)).toEqual(['availability']);
    expect(naive.timeline.some((e) => e.code === 'officeUnreachable' && String(e.values['instance']).startsWith('team-c/'))).toBe(true);
    expect(naive.timeline.some((e) => e.code === 'officeUnreachable' && /^team-[ab]\//.test(String(e.values['instance'])))).toBe(false);
  });

  it('wins again when every arriving team brings its own VPN too', () => {
    const everyVpn = run(variant(NAIVE, (t) => t.replaceAll('Office: none', 'Office: vpn')));
    expect(missed(everyVpn)).toEqual([]);
  });

  it('a VPN into the shared VPC reaches no team: peering does not carry the office on', () => {
    const shared = run(variant(NAIVE, (t) => t.replaceAll('Office: vpn', 'Office: none').replace('template: ../../templates/shared-services.yaml', 'template: ../../templates/shared-services.yaml\n    parameters:\n      OfficeVpn: vgw')));
    expect(missed(shared)).toContain('availability');
    expect(shared.availability).toBeLessThan(naive.availability);
  });

  it('an arriving team on the hub without the office route is not reached', () => {
    const noRoute = run(variant(REFERENCE, (t) => t.replace(/(VpcCidr: 10\.5\.0\.0\/16\n\s+Connection: transit-gateway\n\s+)Office: hub/, '$1Office: none')));
    expect(noRoute.availability).toBeLessThan(reference.availability);
    expect(noRoute.timeline.some((e) => e.code === 'officeUnreachable' && String(e.values['instance']).startsWith('team-e/'))).toBe(true);
  });
});
