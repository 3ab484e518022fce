import { describe, expect, it } from 'vitest';
import { refOf } from '../../../shared/design/edits.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick, type TimelineCursor } from '../../../shared/match/tick.ts';
import { resourceStatuses } from '../../../shared/sim/status.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';

// A tick compiles each team's world once for all its edits, and the log records which inputs shared a tick so
// that a replay does the same. It shows in the world: an instance removed and put back by an undo in one tick
// never stopped running; in two ticks it was terminated and boots again.

function ticked(match: Match, cursor: TimelineCursor, intents: MatchIntent[], steps: number): void {
  runTick(match, intents.map((intent, seq) => ({ seq, actor: host(), intent, wallMs: 0 })), steps, 0, cursor);
}

/** A running match with one booted instance of the player's own, and its name. */
function withInstance(): { match: Match; cursor: TimelineCursor; instance: string } {
  const match = testMatch();
  const cursor: TimelineCursor = new Map();
  const design = match.teams[0]!.world.design;
  const subnet = design.resources.find((r) => r.kind === 'subnet')!;
  ticked(match, cursor, [{ type: 'clock', command: 'start' }, { type: 'place', entry: 'instance', target: { subnet: refOf(design, subnet) }, name: 'Solo' }], 60);
  const instance = `${design.stacks[subnet.stack]!.name}/Solo`;
  return { match, cursor, instance };
}

function healthOf(match: Match, ref: string): string | undefined {
  const world = match.teams[0]!.world;
  const r = world.design.resources.find((x) => refOf(world.design, x) === ref);
  return r ? resourceStatuses(world)[r.id]?.health : undefined;
}

describe('a tick', () => {
  it('compiles its edits once: an instance removed and undone in one tick keeps running, in two ticks it boots again', () => {
    const one = withInstance();
    expect(healthOf(one.match, one.instance)).toBe('ok');
    ticked(one.match, one.cursor, [{ type: 'remove', ref: one.instance }, { type: 'undo' }], 1);
    expect(healthOf(one.match, one.instance)).toBe('ok');

    const two = withInstance();
    ticked(two.match, two.cursor, [{ type: 'remove', ref: two.instance }], 0);
    ticked(two.match, two.cursor, [{ type: 'undo' }], 1);
    expect(healthOf(two.match, two.instance)).toBe('booting');

    // Each log replays exactly, because it says which inputs shared a tick.
    for (const { match } of [one, two]) {
      ticked(match, match === one.match ? one.cursor : two.cursor, [], 30);
      expect(matchFingerprint(replayMatch(match.origin, match.trail, match.clock.step))).toEqual(matchFingerprint(match));
    }
    // Without the tick ids, the first log would replay as two ticks: a different world.
    const untimed = one.match.trail.map(({ tick: _tick, ...event }) => event);
    expect(matchFingerprint(replayMatch(one.match.origin, untimed, one.match.clock.step))).not.toEqual(matchFingerprint(one.match));
  });

  it('lets a run-time action in the same tick act on the world its edits made', () => {
    const { match, cursor } = withInstance();
    const group = match.teams[0]!.world.design.resources.find((r) => r.kind === 'autoScalingGroup')!;
    const ref = refOf(match.teams[0]!.world.design, group);
    const before = match.trail.length;
    ticked(match, cursor, [{ type: 'configure', target: ref, props: { max: 20 } }, { type: 'setDesiredCapacity', target: ref, desired: 15 }], 1);
    expect(match.trail.slice(before).filter((e) => e.userIdentity).map((e) => e.outcome)).toEqual(['Success', 'Success']);
    expect(matchFingerprint(replayMatch(match.origin, match.trail, match.clock.step))).toEqual(matchFingerprint(match));
  });
});
