import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameLabels } from '../../client/scenes/board-frame.ts';
import { buildBoardModel } from '../../client/view/board-model.ts';
import { contains, layoutBoard, type Rect } from '../../client/view/layout.ts';
import { loadTemplate } from '../shared/template/load-helpers.ts';
import { boardOf, exampleBoard } from './board-fixture.ts';
import { changeStacks } from '../../shared/match/apply-design.ts';
import { pieceSubtitle } from '../../client/scenes/piece-labels.ts';

const inside = (inner: Rect, outer: Rect) => contains(outer, inner.x, inner.y) && contains(outer, inner.x + inner.w, inner.y + inner.h);
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the board layout, by containment', () => {
  for (const name of ['single-instance', 'alb-asg-multi-az', 'two-region-failover', 'two-region-accelerator', 'alb-asg-cloudfront']) {
    it(`places ${name} inside its boxes without overlaps`, () => {
      const board = exampleBoard(name);
      const model = buildBoardModel(board);
      const layout = layoutBoard(board, model);
      expect(layout.regions.length).toBeGreaterThan(0);
      for (const vpc of layout.vpcs) expect(inside(vpc.rect, layout.regions.find((r) => r.code === vpc.region)!.rect)).toBe(true);
      for (const subnet of layout.subnets) {
        expect(inside(subnet.rect, layout.vpcs.find((v) => v.ref === subnet.vpc)!.rect)).toBe(true);
        const column = layout.regions.flatMap((r) => r.zones).find((z) => z.zone === subnet.zone)!;
        expect(inside(subnet.rect, column.rect)).toBe(true);
      }
      for (const ref of model.pieces.keys()) expect(layout.pieces.has(ref)).toBe(true);
      const spots = [...layout.pieces.values()].map((s) => s.rect);
      spots.forEach((a, i) => spots.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
      for (const [ref, spot] of layout.pieces) {
        const r = model.byRef.get(ref)!;
        if (r.kind === 'instance') {
          const subnet = layout.subnets.find((s) => s.ref === r.props.subnet)!;
          expect(inside(spot.rect, subnet.rect)).toBe(true);
        }
        if (['distribution', 'recordSet', 'accelerator'].includes(r.kind)) expect(inside(spot.rect, layout.global)).toBe(true);
      }
    });
  }

  it('spans a load balancer over the zones it enables', () => {
    const board = exampleBoard('alb-asg-multi-az');
    const model = buildBoardModel(board);
    const layout = layoutBoard(board, model);
    const lb = [...model.pieces.values()].find((p) => p.kind === 'loadBalancer')!;
    const span = layout.pieces.get(lb.ref)!.span!;
    const zones = layout.regions[0]!.zones;
    expect(span.x).toBeLessThan(zones[0]!.rect.x + zones[0]!.rect.w);
    expect(span.x + span.w).toBeGreaterThan(zones[2]!.rect.x);
  });

  it('marks public subnets by the loader rule', () => {
    const board = exampleBoard('alb-asg-multi-az');
    const layout = layoutBoard(board, buildBoardModel(board));
    const byName = Object.fromEntries(layout.subnets.map((s) => [s.ref.split('/')[1], s.public]));
    expect(byName.PublicSubnetA).toBe(true);
    expect(byName.PrivateSubnetA).toBe(false);
  });

  it('darkens the zones and the region the rules report down, and no region only because its zones are', () => {
    const board = exampleBoard('alb-asg-multi-az');
    const zones = new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    const outages = layoutBoard(board, buildBoardModel(board), zones);
    expect(outages.regions[0]!.zones.every((z) => z.dark)).toBe(true);
    expect(outages.regions[0]!.dark).toBe(false);
    const regionDown = { ...board, darkZones: [...zones], darkRegions: ['us-east-1'] };
    const layout = layoutBoard(regionDown, buildBoardModel(regionDown), zones);
    expect(layout.regions[0]!.zones.every((z) => z.dark)).toBe(true);
    expect(layout.regions[0]!.dark).toBe(true);
  });
});

describe("the account's default VPC on the board", () => {
  it('is laid out like any VPC, marked as the account’s so that it is drawn quietly, with the stack’s instance inside it', () => {
    const loaded = loadTemplate(readFileSync('tests/fixtures/account-templates/single-instance-default-vpc.yaml', 'utf8'));
    const board = boardOf(loaded.design!);
    const model = buildBoardModel(board);
    const layout = layoutBoard(board, model);
    const vpc = layout.vpcs.find((v) => v.cidr === '172.31.0.0/16')!;
    expect(vpc.account).toBe(true);
    expect(layout.subnets.filter((s) => s.vpc === vpc.ref).map((s) => s.cidr)).toEqual(['172.31.0.0/20', '172.31.16.0/20', '172.31.32.0/20']);
    const instance = [...model.pieces.values()].find((p) => p.kind === 'instance')!;
    expect(inside(layout.pieces.get(instance.ref)!.rect, vpc.rect)).toBe(true);
    expect(frameLabels(layout).some((l) => l.text.startsWith('Default VPC') && l.text.endsWith('172.31.0.0/16'))).toBe(true);
  });
});

describe('what the account retained, on the board', () => {
  it('draws a retained VPC as the account’s, says it is retained, and marks a retained piece', () => {
    const template = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.2.0.0/16}
  Sub:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.2.0.0/24, AvailabilityZone: us-east-1a}
  Box:
    Type: AWS::EC2::Instance
    DeletionPolicy: Retain
    Properties: {InstanceType: t3.micro, ImageId: ami-12345678, SubnetId: !Ref Sub}
`;
    const loaded = loadTemplate(template);
    const stack = loaded.design!.stacks[0]!.name;
    const deleted = changeStacks(loaded.design!, { type: 'deleteStack', stack });
    if (!deleted.ok) throw new Error(deleted.refusal.message);
    const board = boardOf(deleted.design);
    expect(board.stacks.find((s) => s.retained)).toMatchObject({ name: 'account:retained:us-east-1', account: true });
    const layout = layoutBoard(board, buildBoardModel(board));
    const vpc = layout.vpcs.find((v) => v.cidr === '10.2.0.0/16')!;
    expect(vpc).toMatchObject({ account: true, retained: true });
    expect(frameLabels(layout).some((l) => l.text.includes('retained in the account') && l.text.endsWith('10.2.0.0/16'))).toBe(true);
    const box = board.resources.find((r) => r.kind === 'instance')!;
    expect(pieceSubtitle(box).startsWith('retained · ')).toBe(true);
  });
});
