import { describe, expect, it } from 'vitest';
import { buildBoardModel, darkZones } from '../../client/view/board-model.ts';
import { exampleBoard } from './board-fixture.ts';

describe('the board model', () => {
  const board = exampleBoard('alb-asg-multi-az');
  const model = buildBoardModel(board);

  it('shows pieces and folds their parts into them', () => {
    const kinds = [...model.pieces.values()].map((p) => p.kind).sort();
    expect(kinds).toEqual(['autoScalingGroup', 'database', 'loadBalancer']);
    const lb = [...model.pieces.values()].find((p) => p.kind === 'loadBalancer')!;
    expect(lb.parts.map((p) => p.kind).sort()).toEqual(expect.arrayContaining(['listener', 'targetGroup']));
    const group = [...model.pieces.values()].find((p) => p.kind === 'autoScalingGroup')!;
    expect(group.parts.map((p) => p.kind)).toEqual(expect.arrayContaining(['launchTemplate', 'scalingPolicy', 'alarm']));
  });

  it('draws requests from the load balancer to the group, against the reference that registers it', () => {
    const traffic = model.lines.filter((l) => l.traffic);
    expect(traffic).toHaveLength(1);
    expect(model.byRef.get(traffic[0]!.from)!.kind).toBe('loadBalancer');
    expect(model.byRef.get(traffic[0]!.to)!.kind).toBe('autoScalingGroup');
  });

  it('lets users enter at the internet-facing load balancer', () => {
    expect(model.entries.map((r) => model.byRef.get(r)!.kind)).toEqual(['loadBalancer']);
  });

  it('carries the downstream rate and the worse health on a line', () => {
    const lb = [...model.pieces.values()].find((p) => p.kind === 'loadBalancer')!.ref;
    const group = [...model.pieces.values()].find((p) => p.kind === 'autoScalingGroup')!.ref;
    const busy = buildBoardModel(exampleBoard('alb-asg-multi-az', { [lb]: { rps: 300 }, [group]: { rps: 280, health: 'warning' } }));
    const line = busy.lines.find((l) => l.traffic)!;
    expect(line.rps).toBe(280);
    expect(line.health).toBe('warning');
  });

  it("draws the zones the rules report dark, and guesses none from a subnet's health", () => {
    const subnet = board.resources.find((r) => r.kind === 'subnet' && r.zone === 'us-east-1b')!;
    expect([...darkZones(exampleBoard('alb-asg-multi-az', { [subnet.ref]: { health: 'down' } }))]).toEqual([]);
    expect([...darkZones({ ...board, darkZones: ['us-east-1b'] })]).toEqual(['us-east-1b']);
  });
});
