// The partner-allow-list level fails its naive design precisely for lack of fixed addresses: the same ALB design
// meets every primary objective when no partner allow-lists it, and loses exactly the partner's calls from the
// moment the ALB's addresses change; the reference (an NLB with Elastic IPs) keeps them.

import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'partner-allow-list')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);
const changeAt = level.allowList!.addressesChangeAtS;

describe('partner-allow-list', () => {
  const alb = runScenario(naive, level, { seed: 1 });
  const nlb = runScenario(reference, level, { seed: 1 });

  it('the ALB design would pass without the partner: it fails only for lack of fixed addresses', () => {
    const { allowList: _, ...withoutPartner } = level;
    expect(missed(runScenario(naive, withoutPartner, { seed: 1 }))).toEqual([]);
    expect(missed(alb)).toEqual(['availability']);
  });

  it("loses the partner's calls from the moment the ALB's addresses change, and only then", () => {
    const before = alb.series.filter((p) => p.tS < changeAt);
    const after = alb.series.filter((p) => p.tS >= changeAt);
    expect(before.reduce((n, p) => n + p.errors, 0)).toBe(0);
    expect(after.every((p) => p.errors / p.requests > 0.2)).toBe(true);
  });

  it('the NLB with Elastic IPs keeps every call and wins', () => {
    expect(missed(nlb)).toEqual([]);
    expect(nlb.availability).toBeCloseTo(1, 9);
    expect(nlb.score).toBeGreaterThan(alb.score);
    expect(reference.resources.find((r) => r.kind === 'loadBalancer')!.props).toMatchObject({ lbType: 'network', elasticIps: 2 });
  });
});
