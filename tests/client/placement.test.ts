import { describe, expect, it } from 'vitest';
import { changeDesign } from '../../shared/match/apply-design.ts';
import { emptyDesign } from '../../shared/match/match.ts';
import type { Design } from '../../shared/design/model.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { buildBoardModel } from '../../client/view/board-model.ts';
import { planConnection } from '../../client/view/connect-plan.ts';
import { publicSubnetRefs } from '../../client/view/board-model.ts';
import { freeSubnetCidr, freeVpcCidr, PALETTE, placeIntents, type PlaceTarget } from '../../client/view/placement.ts';
import { inverseOf } from '../../client/view/undo.ts';
import { boardOf } from './board-fixture.ts';

/** Applies intents with the shared rules, as the server would; fails the test on a refusal. */
function apply(design: Design, intents: MatchIntent[]): Design {
  let d = design;
  for (const intent of intents) {
    const result = changeDesign(d, intent as never);
    if (!result.ok) throw new Error(`${intent.type} refused: ${result.refusal.code} ${result.refusal.message} ${result.refusal.detail ?? ''}`);
    d = result.design;
  }
  return d;
}

function place(design: Design, id: string, target: (board: ReturnType<typeof boardOf>) => PlaceTarget): Design {
  const board = boardOf(design);
  const entry = PALETTE.find((p) => p.id === id)!;
  const result = placeIntents(entry, target(board), { board, publicSubnets: publicSubnetRefs(board) });
  if ('reason' in result) throw new Error(result.reason);
  return apply(design, result.intents);
}

describe('the palette places what the rules accept', () => {
  it('builds a whole multi-AZ web tier from an empty region, piece by piece', () => {
    let d = emptyDesign(['us-east-1']);
    d = place(d, 'vpc', () => ({ region: 'us-east-1' }));
    const vpc = () => boardOf(d).resources.find((r) => r.kind === 'vpc')!.ref;
    expect(boardOf(d).resources.filter((r) => r.kind === 'subnet')).toHaveLength(3);
    expect(publicSubnetRefs(boardOf(d)).size).toBe(3);
    d = place(d, 'autoScalingGroup', () => ({ vpc: vpc(), zone: 'us-east-1a', region: 'us-east-1' }));
    d = place(d, 'loadBalancer', () => ({ vpc: vpc(), zone: 'us-east-1b', region: 'us-east-1' }));
    d = place(d, 'database', () => ({ vpc: vpc(), zone: 'us-east-1c', region: 'us-east-1' }));
    d = place(d, 'instance', (b) => ({ subnet: b.resources.find((r) => r.kind === 'subnet')!.ref }));
    for (const id of ['bucket', 'transitGateway']) d = place(d, id, () => ({ region: 'us-east-1' }));
    for (const id of ['distribution', 'recordSet', 'accelerator', 'webAcl']) d = place(d, id, () => ({ global: true }));
    d = place(d, 'subnet', () => ({ vpc: vpc(), zone: 'us-east-1a' }));
    const board = boardOf(d);
    const model = buildBoardModel(board);
    const lb = board.resources.find((r) => r.kind === 'loadBalancer')!.ref;
    const group = board.resources.find((r) => r.kind === 'autoScalingGroup')!.ref;
    const plan = planConnection(board, model, lb, group);
    if ('reason' in plan) throw new Error(plan.reason);
    d = apply(d, plan.intents);
    const after = buildBoardModel(boardOf(d));
    expect(after.lines.some((l) => l.traffic && l.from === lb && l.to === group)).toBe(true);
    // The accelerator reaches the load balancer through an endpoint group it makes on the way.
    const accelerator = board.resources.find((r) => r.kind === 'accelerator')!.ref;
    const viaGroup = planConnection(boardOf(d), after, accelerator, lb);
    if ('reason' in viaGroup) throw new Error(viaGroup.reason);
    d = apply(d, viaGroup.intents);
    expect(buildBoardModel(boardOf(d)).lines.some((l) => l.traffic && l.from === accelerator && l.to === lb)).toBe(true);
  });

  it('picks address ranges nobody uses', () => {
    let d = emptyDesign(['us-east-1']);
    d = place(d, 'vpc', () => ({ region: 'us-east-1' }));
    expect(freeVpcCidr(boardOf(d))).toBe('10.1.0.0/16');
    const vpc = boardOf(d).resources.find((r) => r.kind === 'vpc')!.ref;
    expect(freeSubnetCidr(boardOf(d), vpc)).toBe('10.0.0.0/24');
  });

  it('says why something cannot go where the player clicked', () => {
    const board = boardOf(emptyDesign(['us-east-1']));
    const result = placeIntents(PALETTE.find((p) => p.id === 'instance')!, { region: 'us-east-1' }, { board, publicSubnets: new Set() });
    expect(result).toEqual({ reason: 'place.needSubnet' });
  });
});

describe('undo', () => {
  it('reverses a placement, a setting and a removal with the rules accepting each', () => {
    let d = emptyDesign(['us-east-1']);
    const board0 = boardOf(d);
    const placed = placeIntents(PALETTE[0]!, { region: 'us-east-1' }, { board: board0, publicSubnets: new Set() });
    if ('reason' in placed) throw new Error(placed.reason);
    d = apply(d, placed.intents);
    const undoPlace = inverseOf(placed.intents, board0)!;
    expect(apply(d, undoPlace).resources).toHaveLength(0);

    const subnet = boardOf(d).resources.find((r) => r.kind === 'subnet')!;
    const configure: MatchIntent = { type: 'configure', target: subnet.ref, props: { mapPublicIp: false } };
    const before = boardOf(d);
    const changed = apply(d, [configure]);
    const restored = apply(changed, inverseOf([configure], before)!);
    expect(boardOf(restored).resources.find((r) => r.ref === subnet.ref)!.props.mapPublicIp).toBe(true);

    const subnet3 = boardOf(d).resources.filter((r) => r.kind === 'subnet')[2]!;
    const remove: MatchIntent = { type: 'delete', target: subnet3.ref };
    const removed = apply(d, [remove]);
    const back = apply(removed, inverseOf([remove], boardOf(d))!);
    expect(boardOf(back).resources.find((r) => r.ref === subnet3.ref)!.props).toEqual(subnet3.props);
  });
});
