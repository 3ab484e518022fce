// Campaign 25, savings-plan-for-the-baseline: the reference buys what Cost Explorer recommends after the first
// hour, and a plan sized to the peak instead misses the budget (its unused commitment outweighs the peak).
import { describe, expect, it } from 'vitest';
import { costView } from '../../../shared/match/cost-view.ts';
import { runScenario } from '../../../shared/sim/index.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { runUntil } from '../sim/probes.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'savings-plan-for-the-baseline')!;

describe('a Savings Plan sized to the baseline', () => {
  it('the reference buys the 3-year recommendation Cost Explorer shows at 1:00', () => {
    const reference = loadAssetDesign(level.solutions!.reference);
    const bought = reference.actions.find((a) => (a.intent as { type: string }).type === 'purchase-savings-plan')!;
    const world = createWorld(loadAssetDesign(level.solutions!.naive), level, 1);
    runUntil(world, bought.atS);
    const recommended = costView(world).recommendations.find((r) => r.term === '3y')!;
    expect(recommended.hourlyCommitmentUsd).toBeCloseTo((bought.intent as { hourlyCommitmentUsd: number }).hourlyCommitmentUsd, 3);
  });

  it('a plan sized to the peak misses the budget the baseline plan meets', () => {
    const reference = loadAssetDesign(level.solutions!.reference);
    const peak = structuredClone(reference);
    const intent = peak.actions.find((a) => (a.intent as { type: string }).type === 'purchase-savings-plan')!.intent as { hourlyCommitmentUsd: number };
    intent.hourlyCommitmentUsd = Math.round(intent.hourlyCommitmentUsd * 2 * 1e5) / 1e5;
    const budget = (r: ReturnType<typeof runScenario>) => r.objectives.find((o) => o.id === 'budget')!.met;
    expect(budget(runScenario(reference, level, { seed: 1 }))).toBe(true);
    expect(budget(runScenario(peak, level, { seed: 1 }))).toBe(false);
  });
});
