import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick, type Queued } from '../../../shared/match/tick.ts';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { Actor } from '../../../shared/match/match.ts';
import { exampleDesign, exampleScenario, host, testMatch, user } from '../../support/match-fixtures.ts';

const setup = () => ({
  mode: 'team' as const,
  scenario: exampleScenario('az-outage'),
  seed: 7,
  design: exampleDesign('alb-asg-multi-az'),
  teams: [{ id: 'red', name: 'red' }, { id: 'blue', name: 'blue' }],
});

/** Plays a match tick by tick: each tick's queue, then the steps it owed. */
function play(ticks: { queue: [Actor, MatchIntent][]; steps: number }[]) {
  const match = testMatch({ teams: ['red', 'blue'] });
  const cursor = new Map<string, number>();
  let seq = 0;
  for (const tick of ticks) {
    const queue: Queued[] = tick.queue.map(([actor, intent]) => ({ seq: seq++, actor, intent, wallMs: 1_000 + seq }));
    runTick(match, queue, tick.steps, 0, cursor);
  }
  return match;
}

describe('replays', () => {
  it('reproduce a recorded match from its log and setup, world by world', () => {
    const stack = exampleDesign('alb-asg-multi-az').stacks[0]!.name;
    const asg = exampleDesign('alb-asg-multi-az').resources.find((r) => r.kind === 'autoScalingGroup')!;
    const original = play([
      { queue: [[host(null), { type: 'iam', request: { op: 'createUser', name: 'ana' } }], [host(null), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }]], steps: 3 },
      { queue: [[user('ana', 'red'), { type: 'createResource', stack, kind: 'bucket', props: { websiteHosting: true } }], [host(null), { type: 'clock', command: 'start' }]], steps: 20 },
      { queue: [[user('ana', 'blue'), { type: 'setDesiredCapacity', target: `${stack}/${asg.logicalId}`, desired: 6 }], [host(null), { type: 'speed', speed: 4 }]], steps: 40 },
      { queue: [[host(null), { type: 'clock', command: 'pause' }]], steps: 10 },
      { queue: [[user('ana', 'red'), { type: 'delete', target: `${stack}/Nope` }], [host(null), { type: 'clock', command: 'resume' }]], steps: 25 },
      { queue: [[host(null), { type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 300, params: { zone: 'us-east-1b' } }, teams: ['blue'] }]], steps: 60 },
    ]);
    expect(original.clock.step).toBe(145);
    const replayed = replayMatch(setup(), original.trail, original.clock.step);
    expect(replayed.clock.step).toBe(original.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(original));
    expect(matchFingerprint(original)[0]!.hash).not.toBe(matchFingerprint(original)[1]!.hash);
  });

  it('reproduce any sequence of ticks of random intents (property)', () => {
    const stack = exampleDesign('alb-asg-multi-az').stacks[0]!.name;
    const intent = fc.oneof(
      fc.constant<MatchIntent>({ type: 'clock', command: 'start' }),
      fc.constant<MatchIntent>({ type: 'clock', command: 'pause' }),
      fc.constant<MatchIntent>({ type: 'clock', command: 'resume' }),
      fc.integer({ min: 1, max: 8 }).map((speed): MatchIntent => ({ type: 'speed', speed })),
      fc.integer({ min: 1, max: 50 }).map((n): MatchIntent => ({ type: 'createResource', stack, kind: 'bucket', logicalId: `B${n}`, props: { websiteHosting: false } })),
      fc.integer({ min: 1, max: 50 }).map((n): MatchIntent => ({ type: 'delete', target: `${stack}/B${n}` })),
    );
    const actor = fc.constantFrom(host('red'), host('blue'));
    fc.assert(
      fc.property(fc.array(fc.record({ queue: fc.array(fc.tuple(actor, intent), { maxLength: 4 }), steps: fc.integer({ min: 0, max: 15 }) }), { maxLength: 8 }), (ticks) => {
        const original = play(ticks);
        const replayed = replayMatch(setup(), original.trail, original.clock.step);
        expect(matchFingerprint(replayed)).toEqual(matchFingerprint(original));
      }),
      { numRuns: 25 },
    );
  });
});
