import { describe, expect, it } from 'vitest';
import { snapshotOf, type StateJson } from '../../client/net/snapshot.ts';
import { ReplayPlayer } from '../../client/view/replay-player.ts';
import { ReplaySnapshots } from '../../client/view/replay-snapshot.ts';
import { createMatch } from '../../shared/match/create.ts';
import { type MatchSetup } from '../../shared/match/match.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { openReplay } from '../../shared/match/replay-cursor.ts';
import { matchReplayOf, replayRows } from '../../shared/match/replay-file.ts';
import { runTick } from '../../shared/match/tick.ts';
import { MatchState } from '../../server/wire/match-state.ts';
import { newMemo, projectMatch } from '../../server/wire/project.ts';
import { exampleDesign, exampleScenario, host } from '../support/match-fixtures.ts';

const SETUP: MatchSetup = { mode: 'classroom', scenario: exampleScenario('az-outage'), seed: 9, design: exampleDesign('alb-asg-multi-az'), teams: [{ id: 'team-1', name: 'Red' }, { id: 'team-2', name: 'Blue' }] };

/** Plays a match a step per tick, projecting it onto the wire after each as the room does; keeps the client's snapshot at `at`. */
function recorded(at: number) {
  const match = createMatch(SETUP);
  const cursor = new Map<string, number>();
  const state = new MatchState();
  const memo = newMemo();
  const teacher = host(null);
  const ticks: [MatchIntent[], number][] = [
    [[{ type: 'clock', command: 'start' }], 30],
    [[{ type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 400, params: { zone: 'us-east-1a' } }, teams: ['team-2'] }], 70],
    [[{ type: 'createResource', stack: 'web', kind: 'bucket', logicalId: 'Assets', props: { websiteHosting: true } }], 20],
    [[{ type: 'clock', command: 'end' }], 0],
  ];
  // The teacher plays on red's board for the bucket (a classroom's host has no board of their own).
  const actorOf = (intent: MatchIntent) => (intent.type === 'createResource' ? host('team-1') : teacher);
  let seq = 0;
  let seen: ReturnType<typeof snapshotOf> | undefined;
  for (const [intents, steps] of ticks) {
    for (let i = 0; i < Math.max(1, steps); i++) {
      const queue = i === 0 ? intents.map((intent) => ({ seq: seq++, actor: actorOf(intent), intent, wallMs: 0 })) : [];
      runTick(match, queue, steps === 0 ? 0 : 1, 0, cursor);
      projectMatch(state, match, [], memo, true);
      if (match.clock.step === at && !seen) seen = snapshotOf(state.toJSON() as unknown as StateJson, '');
    }
  }
  return { match, seen: seen! };
}

describe("the replay viewer's view of a match", () => {
  it('shows a board as the live match showed it at the same step: pieces, statuses, lines, charts, standing', () => {
    const at = 75;
    const { match, seen } = recorded(at);
    const cursor = openReplay(SETUP, match.trail.filter((e) => e.userIdentity), match.clock.step);
    cursor.seek(match.clock.step);
    cursor.seek(at);
    const replayed = new ReplaySnapshots(cursor, 'X').snapshot(1);
    const live = seen.boards.find((b) => b.team === 'team-2')!;
    // A piece the world places nowhere has no zone: '' here, an unset field on the wire.
    const byRef = <T extends { ref: string; zone: string }>(list: T[]) => [...list].map((r) => ({ ...r, zone: r.zone || '' })).sort((a, b) => a.ref.localeCompare(b.ref));
    expect(byRef(replayed.board.resources)).toEqual(byRef(live.resources));
    expect(replayed.board.links).toEqual(live.links);
    expect(replayed.board.series).toEqual(live.series);
    expect(replayed.board.timeline).toEqual(live.timeline);
    expect(replayed.board.resources.some((r) => r.health === 'down')).toBe(true);
    expect(replayed.teams.map(({ members: _m, ...t }) => t)).toEqual(seen.teams.map(({ members: _m, ...t }) => t));
    expect({ step: replayed.step, simS: replayed.simS, phase: replayed.phase }).toEqual({ step: seen.step, simS: seen.simS, phase: seen.phase });
  });

  it('plays at a speed as the live game counts it, stops at the end and verifies it', async () => {
    const { match } = recorded(0);
    const rows = replayRows(matchReplayOf(match, 'class', [0, 1]));
    const progress: number[] = [];
    const opened = await ReplayPlayer.open(rows, 1, (share) => progress.push(share), 'class');
    if (!opened.ok) throw new Error(opened.error.message);
    const player = opened.player;
    expect(progress.at(-1)).toBe(1);
    expect(player.current).toMatchObject({ row: 1, step: 0, playing: false, verification: 'pending', endStep: match.clock.step });
    expect(player.current.markers.some((m) => m.kind === 'event' && /us-east-1a/.test(String(m.values.zone)))).toBe(true);
    player.setSpeed(8);
    player.play();
    // 8× is 32 steps a real second: a quarter of a second is 8 steps.
    player.frame(250);
    expect(player.current.step).toBe(8);
    player.setSpeed(64);
    player.frame(250);
    expect(player.current.step).toBe(8 + 64);
    player.frame(1000);
    expect(player.current).toMatchObject({ step: match.clock.step, playing: false, verification: 'verified' });
    expect(player.view.current.match.board.team).toBe('team-2');
    // The verdict stays while the replay is scrubbed back.
    player.seek(10);
    expect(player.current).toMatchObject({ step: 10, verification: 'verified' });
    // The other team of the same match: the same run, its own board and its own recorded end, checked once seen.
    await player.setRow(0);
    expect(player.current).toMatchObject({ row: 0, step: 10, verification: 'pending' });
    expect(player.view.current.match.board.team).toBe('team-1');
    player.seek(match.clock.step);
    expect(player.current).toMatchObject({ verification: 'verified' });
    player.seek(10);
    expect(player.view.current.match.board.resources.some((r) => r.logicalId === 'Assets')).toBe(false);
    player.seek(100);
    expect(player.view.current.match.board.resources.some((r) => r.logicalId === 'Assets')).toBe(true);
  });

  it('warns when the recorded end does not match', async () => {
    const { match } = recorded(0);
    const rows = replayRows(matchReplayOf(match, 'class', [0])).map((r) => ({ ...r, finalStateHash: '0123456789abcdef' }));
    const opened = await ReplayPlayer.open(rows, undefined, () => undefined, 'class');
    if (!opened.ok) throw new Error(opened.error.message);
    opened.player.seek(match.clock.step);
    expect(opened.player.current.verification).toBe('mismatch');
  });
});
