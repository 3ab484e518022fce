import { describe, expect, it } from 'vitest';
import { findGroup, findUser } from '../../../shared/iam/directory.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { BUILDERS_GROUP, createMatch, openingIntents, openingLength, SYSTEM_ACTOR } from '../../../shared/match/create.ts';
import { blankMatch, type MatchSetup } from '../../../shared/match/match.ts';
import { openReplay } from '../../../shared/match/replay-cursor.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { exampleDesign, exampleScenario, host, user } from '../../support/match-fixtures.ts';

// The account's opening is a game rule of match creation: the room, the replay and the tests start alike.
// Logs recorded before it moved here (the room made the same calls itself, right after a blank match) replay
// exactly as before.
const setupFor = (scenario: string): MatchSetup => ({
  mode: 'team',
  scenario: exampleScenario(scenario),
  seed: 11,
  design: exampleDesign('alb-asg-multi-az'),
  teams: [{ id: 'red', name: 'red' }],
});

/** A match played the way the room played it before: a blank match, then the room's own opening calls. */
function recordedTheOldWay(setup: MatchSetup) {
  const match = blankMatch(setup);
  for (const intent of openingIntents(setup.scenario)) applyIntent(match, SYSTEM_ACTOR, intent, 1_700_000_000_000);
  const cursor = new Map<string, number>();
  const stack = setup.design.stacks[0]!.name;
  runTick(match, [{ seq: 0, actor: SYSTEM_ACTOR, intent: { type: 'iam', request: { op: 'createUser', name: 'ana' } }, wallMs: 1 }], 0, 0, cursor);
  runTick(match, [{ seq: 1, actor: SYSTEM_ACTOR, intent: { type: 'iam', request: { op: 'addToGroup', member: 'ana', group: BUILDERS_GROUP } }, wallMs: 2 }], 0, 0, cursor);
  runTick(match, [{ seq: 2, actor: host('red'), intent: { type: 'clock', command: 'start' }, wallMs: 3 }], 30, 0, cursor);
  runTick(match, [{ seq: 3, actor: user('ana', 'red'), intent: { type: 'createResource', stack, kind: 'bucket', logicalId: 'Logs', props: { websiteHosting: false } }, wallMs: 4 }], 90, 0, cursor);
  return match;
}

describe("a match's opening", () => {
  it('opens the account in every new match: the Builders group, and a leaking scenario its over-privileged user', () => {
    const plain = createMatch(setupFor('az-outage'));
    expect(findGroup(plain.directory, BUILDERS_GROUP)).toBeDefined();
    expect(plain.trail.map((e) => e.eventName)).toEqual(['CreateGroup', 'AttachGroupPolicy']);
    const leaking = createMatch(setupFor('leaked-credentials'));
    expect(findUser(leaking.directory, 'ci-deployer')).toBeDefined();
    expect(leaking.trail.every((e) => e.outcome === 'Success' && e.userIdentity?.nickname === SYSTEM_ACTOR.nickname)).toBe(true);
  });

  it.each(['az-outage', 'leaked-credentials'])('replays a log recorded before the move exactly, log included (%s)', (scenario) => {
    const setup = setupFor(scenario);
    const original = recordedTheOldWay(setup);
    expect(openingLength(createMatch(setup), original.trail)).toBe(openingIntents(setup.scenario).length);
    const replayed = replayMatch(setup, original.trail, original.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(original));
    const calls = (m: typeof original) => m.trail.map((e) => [e.seq, e.eventName, e.outcome, JSON.stringify(e.params)]);
    expect(calls(replayed)).toEqual(calls(original));
    const cursor = openReplay(setup, original.trail, original.clock.step);
    cursor.seek(original.clock.step);
    expect(cursor.hash(0)).toBe(matchFingerprint(original)[0]!.hash);
    expect(calls(cursor.match)).toEqual(calls(original));
  });

  it("replays a log from before gestures, whose one-resource creations were called 'place'", () => {
    const setup = setupFor('az-outage');
    const original = recordedTheOldWay(setup);
    // As such a log has it: the intent itself as the event's parameters, under its old name.
    const logged = (e: (typeof original.trail)[number]) => (e.params.gesture ?? e.params) as Record<string, unknown>;
    const renamed = original.trail.map((e) => (logged(e).type === 'createResource' ? { ...e, params: { ...logged(e), type: 'place' } } : e));
    expect(renamed.some((e) => e.params.type === 'place')).toBe(true);
    const replayed = replayMatch(setup, renamed, original.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(original));
    expect(replayed.teams[0]!.world.design.resources.some((r) => r.logicalId === 'Logs')).toBe(true);
  });

  it('replays a log that does not begin with the opening from its first entry', () => {
    const setup = setupFor('az-outage');
    const trail = recordedTheOldWay(setup).trail.slice(openingIntents(setup.scenario).length);
    expect(openingLength(createMatch(setup), trail)).toBe(0);
  });
});
