import { describe, expect, it } from 'vitest';
import { refOf } from '../../../shared/design/edits.ts';
import { pieceStatuses } from '../../../shared/match/board-view.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { runTick, type TimelineCursor } from '../../../shared/match/tick.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';

// The inspector shows an Auto Scaling group as AWS's console does: the desired capacity the group holds now
// (not the design's starting figure, which a run-time change leaves alone) and its instances by lifecycle state,
// so "6 running of 2 desired" can no longer be read off two different sources.

function ticked(match: Match, cursor: TimelineCursor, intents: MatchIntent[], steps: number): void {
  runTick(match, intents.map((intent, seq) => ({ seq, actor: host(), intent, wallMs: 0 })), steps, 0, cursor);
}

describe("an Auto Scaling group's figures", () => {
  it('follow SetDesiredCapacity: desired now, new instances Pending until they boot, then InService', () => {
    const match = testMatch();
    const cursor: TimelineCursor = new Map();
    const world = () => match.teams[0]!.world;
    const group = world().design.resources.find((r) => r.kind === 'autoScalingGroup')!;
    const ref = refOf(world().design, group);
    const designed = group.props.desired as number;
    ticked(match, cursor, [{ type: 'clock', command: 'start' }], 30);
    const start = pieceStatuses(world())[group.id]!.group!;
    expect(start).toMatchObject({ desired: designed, inService: designed, pending: 0, unhealthy: 0 });

    const wanted = designed + 3;
    ticked(match, cursor, [{ type: 'configure', target: ref, props: { max: wanted + 2 } }, { type: 'setDesiredCapacity', target: ref, desired: wanted }], 2);
    const scaling = pieceStatuses(world())[group.id]!.group!;
    expect(scaling.desired).toBe(wanted);
    expect(scaling.max).toBe(wanted + 2);
    expect(scaling.pending).toBe(3);
    expect(scaling.inService).toBe(designed);
    // The design keeps its starting figure: the inspector must read the group's own.
    expect((world().design.resources[group.id]!.props as { desired: number }).desired).toBe(designed);

    // Ten minutes on, the group's target tracking policy has scaled it back in: whatever it holds now, the
    // instances it runs and the desired capacity it shows are the same figures, both the group's.
    ticked(match, cursor, [], 600);
    const later = pieceStatuses(world())[group.id]!.group!;
    expect(later.inService + later.pending + later.unhealthy).toBe(later.desired);
    expect(later.desired).toBeGreaterThanOrEqual(later.min);
  });
});
