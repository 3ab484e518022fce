import { describe, expect, it } from 'vitest';
import type { Design } from '../../shared/design/model.ts';
import { refOf } from '../../shared/design/edits.ts';
import { applyPlan, type PlanResult } from '../../shared/design/plans/plan.ts';
import { acceptsTarget, PALETTE, PART_ENTRIES, type PlaceTarget } from '../../shared/design/plans/palette.ts';
import { freeSubnetCidr, freeVpcCidr, planPlace } from '../../shared/design/plans/place.ts';
import { planConnect } from '../../shared/design/plans/connect.ts';
import { planRemove } from '../../shared/design/plans/remove.ts';
import { inverseOf } from '../../shared/design/plans/inverse.ts';
import { checkDesign } from '../../shared/template/design-checks.ts';
import { publicSubnets } from '../../shared/template/public-subnets.ts';
import { emptyDesign } from '../../shared/match/match.ts';
import { buildBoardModel } from '../../client/view/board-model.ts';
import { boardOf } from './board-fixture.ts';

// The palette as the board uses it: every entry placed through the shared building plans, connected through
// the shared connection plan and drawn by the client's board model; nothing here builds an intent by hand.

const CONTEXT = { simS: 0, durationS: 3600 };

/** Applies a plan with the shared rules, as the tick does; fails the test on a refusal. */
function apply(design: Design, plan: PlanResult): Design {
  if (!plan.ok) throw new Error(`refused: ${plan.refusal.code} ${plan.refusal.detail ?? ''}`);
  const result = applyPlan(design, plan.steps, checkDesign);
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message} ${result.refusal.detail ?? ''}`);
  return result.design;
}

const refsOf = (d: Design, kind: string): string[] => d.resources.filter((r) => r.kind === kind).map((r) => refOf(d, r));
const place = (d: Design, entry: string, target: (d: Design) => PlaceTarget): Design => apply(d, planPlace(d, { entry, target: target(d) }, CONTEXT));

describe('the palette places what the rules accept', () => {
  it('builds a whole multi-AZ web tier from an empty region, one gesture per piece', () => {
    let d = emptyDesign(['us-east-1']);
    d = place(d, 'vpc', () => ({ region: 'us-east-1' }));
    const vpc = (x: Design) => refsOf(x, 'vpc')[0]!;
    expect(refsOf(d, 'subnet')).toHaveLength(3);
    expect(publicSubnets(d).size).toBe(3);
    d = place(d, 'autoScalingGroup', (x) => ({ vpc: vpc(x), zone: 'us-east-1a', region: 'us-east-1' }));
    d = place(d, 'loadBalancer', (x) => ({ vpc: vpc(x), zone: 'us-east-1b', region: 'us-east-1' }));
    d = place(d, 'database', (x) => ({ vpc: vpc(x), zone: 'us-east-1c', region: 'us-east-1' }));
    d = place(d, 'instance', (x) => ({ subnet: refsOf(x, 'subnet')[0]! }));
    for (const id of ['bucket', 'transitGateway']) d = place(d, id, () => ({ region: 'us-east-1' }));
    for (const id of ['distribution', 'recordSet', 'accelerator', 'webAcl']) d = place(d, id, () => ({ global: true }));
    d = place(d, 'subnet', (x) => ({ vpc: vpc(x), zone: 'us-east-1a' }));
    expect(refsOf(d, 'subnet')).toHaveLength(4);

    const lb = refsOf(d, 'loadBalancer')[0]!;
    const group = refsOf(d, 'autoScalingGroup')[0]!;
    d = apply(d, planConnect(d, lb, group));
    expect(buildBoardModel(boardOf(d)).lines.some((l) => l.traffic && l.from === lb && l.to === group)).toBe(true);
    // The accelerator reaches the load balancer through an endpoint group the plan makes on the way.
    const accelerator = refsOf(d, 'accelerator')[0]!;
    const before = refsOf(d, 'endpointGroup').length;
    d = apply(d, planConnect(d, accelerator, lb));
    expect(refsOf(d, 'endpointGroup')).toHaveLength(before + 1);
    expect(buildBoardModel(boardOf(d)).lines.some((l) => l.traffic && l.from === accelerator && l.to === lb)).toBe(true);
  });

  it('adds the inspector parts to a piece through the same plans', () => {
    let d = place(emptyDesign(['us-east-1']), 'vpc', () => ({ region: 'us-east-1' }));
    d = place(d, 'autoScalingGroup', (x) => ({ vpc: refsOf(x, 'vpc')[0]! }));
    d = place(d, 'loadBalancer', (x) => ({ vpc: refsOf(x, 'vpc')[0]! }));
    d = place(d, 'database', (x) => ({ vpc: refsOf(x, 'vpc')[0]! }));
    d = place(d, 'recordSet', () => ({ global: true }));
    const pieceOf: Record<string, string> = { alarm: 'autoScalingGroup', trackingPolicy: 'autoScalingGroup', alarmPolicy: 'autoScalingGroup', scheduledAction: 'autoScalingGroup', healthCheck: 'recordSet', httpsListener: 'loadBalancer', readReplica: 'database' };
    for (const entry of PART_ENTRIES) {
      const count = d.resources.length;
      d = place(d, entry.id, (x) => ({ piece: refsOf(x, pieceOf[entry.id]!)[0]! }));
      expect(d.resources.length, entry.id).toBeGreaterThan(count);
    }
    expect(d.resources.find((r) => r.kind === 'recordSet')!.props).toHaveProperty('healthCheck');
  });

  it('picks address ranges nobody uses', () => {
    const d = place(emptyDesign(['us-east-1']), 'vpc', () => ({ region: 'us-east-1' }));
    expect(freeVpcCidr(d)).toBe('10.1.0.0/16');
    expect(freeSubnetCidr(d, d.resources.find((r) => r.kind === 'vpc')!)).toBe('10.0.0.0/24');
  });

  it('says why something cannot go where the player clicked, with a refusal code', () => {
    const d = emptyDesign(['us-east-1']);
    expect(planPlace(d, { entry: 'instance', target: { region: 'us-east-1' } }, CONTEXT)).toMatchObject({ ok: false, refusal: { code: 'place-need-subnet' } });
    expect(planPlace(d, { entry: 'subnet', target: { region: 'us-east-1' } }, CONTEXT)).toMatchObject({ ok: false, refusal: { code: 'place-need-vpc-zone' } });
    expect(planPlace(d, { entry: 'alarm', target: { piece: 'main-us-east-1/Nope1' } }, CONTEXT)).toMatchObject({ ok: false, refusal: { code: 'place-need-piece' } });
    expect(planPlace(d, { entry: 'nope', target: {} }, CONTEXT)).toMatchObject({ ok: false, refusal: { code: 'unknown-entry' } });
  });

  it('highlights only the targets an entry accepts', () => {
    const vpc = PALETTE.find((e) => e.id === 'vpc')!;
    expect(acceptsTarget(vpc, { region: 'us-east-1' })).toBe(true);
    expect(acceptsTarget(vpc, { global: true })).toBe(false);
    expect(acceptsTarget(PALETTE.find((e) => e.id === 'instance')!, { vpc: 'a/Vpc1', zone: 'us-east-1a' })).toBe(true);
  });
});

describe('remove and undo', () => {
  it('removes a load balancer with its listener and target group, and undo puts them back as they were', () => {
    let d = place(emptyDesign(['us-east-1']), 'vpc', () => ({ region: 'us-east-1' }));
    d = place(d, 'loadBalancer', (x) => ({ vpc: refsOf(x, 'vpc')[0]! }));
    d = place(d, 'autoScalingGroup', (x) => ({ vpc: refsOf(x, 'vpc')[0]! }));
    d = apply(d, planConnect(d, refsOf(d, 'loadBalancer')[0]!, refsOf(d, 'autoScalingGroup')[0]!));
    const plan = planRemove(d, refsOf(d, 'loadBalancer')[0]!);
    if (!plan.ok) throw new Error(plan.refusal.code);
    // The group that was registered with the target group is disconnected, not deleted.
    expect(plan.steps[0]).toMatchObject({ op: 'unlink', from: refsOf(d, 'autoScalingGroup')[0]! });
    const removed = apply(d, plan);
    expect(refsOf(removed, 'loadBalancer')).toEqual([]);
    expect(refsOf(removed, 'listener')).toEqual([]);
    expect(refsOf(removed, 'targetGroup')).toEqual([]);
    expect(refsOf(removed, 'autoScalingGroup')).toHaveLength(1);
    const back = apply(removed, { ok: true, steps: inverseOf(d, removed).steps });
    expect(new Set(back.resources.map((r) => refOf(back, r)))).toEqual(new Set(d.resources.map((r) => refOf(d, r))));
  });

  it('refuses to remove a subnet an instance still runs in, naming the instance', () => {
    let d = place(emptyDesign(['us-east-1']), 'vpc', () => ({ region: 'us-east-1' }));
    d = place(d, 'instance', (x) => ({ subnet: refsOf(x, 'subnet')[0]! }));
    expect(planRemove(d, refsOf(d, 'vpc')[0]!)).toMatchObject({ ok: false, refusal: { code: 'DependencyViolation', detail: refsOf(d, 'instance')[0]! } });
  });
});
