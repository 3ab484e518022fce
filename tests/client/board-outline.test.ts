import { describe, expect, it } from 'vitest';
import { boardOutline } from '../../client/view/board-outline.ts';
import { buildBoardModel } from '../../client/view/board-model.ts';
import { layoutBoard } from '../../client/view/layout.ts';
import { exampleBoard } from './board-fixture.ts';

function outlineOf(name: string) {
  const board = exampleBoard(name);
  const model = buildBoardModel(board);
  const layout = layoutBoard(board, model);
  return { board, model, layout, nodes: boardOutline(layout, model) };
}

describe('the board outline (the board as a keyboard-walkable tree)', () => {
  for (const name of ['single-instance', 'alb-asg-multi-az', 'two-region-failover', 'alb-asg-cloudfront']) {
    it(`lists every piece once, every VPC and subnet, and a place for each region (${name})`, () => {
      const { model, layout, nodes } = outlineOf(name);
      const pieces = nodes.filter((n) => n.kind === 'piece').map((n) => n.ref);
      expect(pieces.sort()).toEqual([...model.pieces.keys()].sort());
      expect(nodes.filter((n) => n.kind === 'vpc').map((n) => n.ref).sort()).toEqual(layout.vpcs.map((v) => v.ref).sort());
      expect(nodes.filter((n) => n.kind === 'subnet').map((n) => n.ref).sort()).toEqual(layout.subnets.map((s) => s.ref).sort());
      expect(nodes.filter((n) => n.kind === 'region').map((n) => n.region)).toEqual(layout.regions.map((r) => r.code));
      expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
      // A tree: each item is at most one level below the one before it.
      nodes.forEach((n, i) => i > 0 && expect(n.level).toBeLessThanOrEqual(nodes[i - 1]!.level + 1));
    });
  }

  it('nests an instance under the subnet its card is drawn in, and a load balancer under its VPC', () => {
    const { model, nodes } = outlineOf('alb-asg-multi-az');
    const parentOf = (ref: string) => {
      const i = nodes.findIndex((n) => n.ref === ref && n.kind === 'piece');
      for (let k = i - 1; k >= 0; k--) if (nodes[k]!.level < nodes[i]!.level) return nodes[k]!;
      return undefined;
    };
    const lb = [...model.pieces.values()].find((p) => p.kind === 'loadBalancer')!;
    const lbParent = parentOf(lb.ref)!;
    expect(lbParent.kind).toBe('vpc');
    const cdn = outlineOf('alb-asg-cloudfront');
    const distribution = [...cdn.model.pieces.values()].find((p) => p.kind === 'distribution')!;
    const i = cdn.nodes.findIndex((n) => n.ref === distribution.ref);
    expect(cdn.nodes.slice(0, i).reverse().find((n) => n.level < cdn.nodes[i]!.level)?.kind).toBe('global');

    const single = outlineOf('single-instance');
    const instance = [...single.model.pieces.values()].find((p) => p.kind === 'instance')!;
    const k = single.nodes.findIndex((n) => n.ref === instance.ref);
    const parent = single.nodes.slice(0, k).reverse().find((n) => n.level < single.nodes[k]!.level)!;
    expect(parent.kind).toBe('subnet');
    expect(parent.ref).toBe(instance.resource.props.subnet);
  });

  it('gives every place the target a click on that place sends, and no piece a target', () => {
    const { nodes } = outlineOf('alb-asg-multi-az');
    for (const n of nodes) {
      if (n.kind === 'piece') expect(n.target).toBeUndefined();
      else expect(n.target).toBeDefined();
    }
    const subnet = nodes.find((n) => n.kind === 'subnet')!;
    expect(subnet.target).toMatchObject({ subnet: subnet.ref, zone: subnet.zone });
    const cell = nodes.find((n) => n.kind === 'cell')!;
    expect(cell.target).toMatchObject({ zone: cell.zone, region: cell.region });
    expect(nodes[0]!.target).toEqual({ global: true });
  });
});
