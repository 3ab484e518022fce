import { describe, expect, it } from 'vitest';
import type { MatchSnapshot } from '../../client/net/snapshot.ts';
import { MatchView } from '../../client/view/match-view.ts';
import { exampleBoard } from './board-fixture.ts';
import { FRESH_ACCOUNT } from '../../shared/account/default-vpc.ts';

function snapshot(): MatchSnapshot {
  const one = { ...exampleBoard('single-instance'), team: 'team-1' };
  const two = { ...exampleBoard('alb-asg-multi-az'), team: 'team-2' };
  return {
    code: 'ABC234',
    mode: 'classroom',
    scenarioId: 'az-outage',
    title: 'x',
    phase: 'running',
    speed: 1,
    step: 0,
    endStep: 10,
    simS: 0,
    durationS: 100,
    buildEndsAtMs: 0,
    account: FRESH_ACCOUNT,
    me: { sessionId: 's', nickname: 'T', team: '', host: true, connected: true, principal: 'root', mfa: true, switchRole: '' },
    players: [],
    teams: [],
    board: one,
    boards: [one, two],
    directory: null,
  };
}

describe('the view-model', () => {
  it('lets the host look at another team and back, across snapshots', () => {
    const view = new MatchView(snapshot());
    expect(view.current.match.board.team).toBe('team-1');
    view.viewBoardOf('team-2');
    expect(view.current.match.board.team).toBe('team-2');
    expect([...view.current.model.pieces.values()].some((p) => p.kind === 'loadBalancer')).toBe(true);
    view.setMatch(snapshot());
    expect(view.current.match.board.team).toBe('team-2');
    view.viewBoardOf(null);
    expect(view.current.match.board.team).toBe('team-1');
  });

  it('drops a selection whose piece left the board, and keeps the layout when only statuses change', () => {
    const first = snapshot();
    const view = new MatchView(first);
    const instance = first.board.resources.find((r) => r.kind === 'instance')!.ref;
    view.select(instance);
    const layout = view.current.layout;
    const busier = snapshot();
    busier.board.resources.forEach((r) => (r.rps = 42));
    view.setMatch(busier);
    expect(view.current.layout).toBe(layout);
    expect(view.current.selected).toBe(instance);
    const gone = snapshot();
    gone.board = { ...gone.board, revision: 2, resources: gone.board.resources.filter((r) => r.ref !== instance) };
    view.setMatch(gone);
    expect(view.current.selected).toBeNull();
  });
});

describe("the view-model's updates", () => {
  it('keeps the board model whole when a snapshot left the board alone, and remakes only the changed pieces', () => {
    const first = snapshot();
    const view = new MatchView(first);
    const model = view.current.model;
    const layout = view.current.layout;
    view.setMatch({ ...first, step: 1, simS: 5 });
    expect(view.current.model).toBe(model);
    expect(view.current.match.step).toBe(1);
    // One resource's status changes (a new object, as the snapshot reader makes it): only its piece is new.
    const instance = first.board.resources.find((r) => r.kind === 'instance')!;
    const board = { ...first.board, resources: first.board.resources.map((r) => (r === instance ? { ...r, health: 'down' as const } : r)) };
    view.setMatch({ ...first, board, boards: [board, first.boards[1]!] });
    const after = view.current.model;
    expect(after).not.toBe(model);
    expect(after.pieces.get(instance.ref)!.resource.health).toBe('down');
    for (const [ref, piece] of after.pieces) if (ref !== instance.ref) expect(piece).toBe(model.pieces.get(ref));
    expect(after.ownerOf).toBe(model.ownerOf);
    expect(view.current.layout).toBe(layout);
  });
});
