import { metricsFromWire } from '../../../shared/protocol/series-metrics.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { type Actor, type Match, type MatchSetup } from '../../../shared/match/match.ts';
import { openReplay } from '../../../shared/match/replay-cursor.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick, type Queued } from '../../../shared/match/tick.ts';
import { STEP_SECONDS } from '../../../shared/sim/constants.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { MatchState } from '../../../server/wire/match-state.ts';
import { newMemo, projectMatch } from '../../../server/wire/project.ts';
import { exampleDesign, exampleScenario, host, user } from '../../support/match-fixtures.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';

const STACK = exampleDesign('alb-asg-multi-az').stacks[0]!.name;
const ASG = exampleDesign('alb-asg-multi-az').resources.find((r) => r.kind === 'autoScalingGroup')!.logicalId;

/** The scenario shortened to END_STEP steps, so that the match ended at step 263 is played out to its end in a few ticks. */
const END_STEP = 283;

function setupOf(scenario = 'az-outage', design = 'alb-asg-multi-az'): MatchSetup {
  return { mode: 'team', scenario: { ...exampleScenario(scenario), durationS: END_STEP * STEP_SECONDS }, seed: 7, design: exampleDesign(design), teams: [{ id: 'red', name: 'red' }, { id: 'blue', name: 'blue' }] };
}

type Tick = { queue: [Actor, MatchIntent][]; steps: number };

/**
 * Plays a match as the room does, tick by tick (each tick's queue, then the steps it owed), and after every
 * tick projects it onto a wire state as the room does: the charts the players saw.
 */
function play(setup: MatchSetup, ticks: Tick[], oneStepTicks = false): { match: Match; state: MatchState } {
  const match = createMatch(setup);
  const cursor = new Map<string, number>();
  const state = new MatchState();
  const memo = newMemo();
  let seq = 0;
  for (const tick of ticks) {
    const queue: Queued[] = tick.queue.map(([actor, intent]) => ({ seq: seq++, actor, intent, wallMs: 1_000 + seq }));
    if (!oneStepTicks) {
      runTick(match, queue, tick.steps, 0, cursor);
      projectMatch(state, match, [], memo, true);
      continue;
    }
    runTick(match, queue, Math.min(1, tick.steps), 0, cursor);
    projectMatch(state, match, [], memo, true);
    for (let i = 1; i < tick.steps; i++) {
      runTick(match, [], 1, 0, cursor);
      projectMatch(state, match, [], memo, true);
    }
  }
  return { match, state };
}

/** A match with everything a replay must get right: build-phase edits, edits while running, speed, a pause, chaos, the end. */
const RECORDED: Tick[] = [
  { queue: [[host(null), { type: 'iam', request: { op: 'createUser', name: 'ana' } }], [host(null), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }]], steps: 0 },
  { queue: [[user('ana', 'red'), { type: 'createResource', stack: STACK, kind: 'bucket', logicalId: 'Early', props: { websiteHosting: true } }], [host(null), { type: 'clock', command: 'start' }]], steps: 30 },
  { queue: [[user('ana', 'blue'), { type: 'setDesiredCapacity', target: `${STACK}/${ASG}`, desired: 6 }], [host(null), { type: 'speed', speed: 4 }]], steps: 41 },
  { queue: [[user('ana', 'red'), { type: 'createResource', stack: STACK, kind: 'bucket', logicalId: 'Late', props: { websiteHosting: false } }]], steps: 17 },
  { queue: [[host(null), { type: 'clock', command: 'pause' }]], steps: 10 },
  { queue: [[user('ana', 'red'), { type: 'delete', target: `${STACK}/Nope` }], [host(null), { type: 'clock', command: 'resume' }]], steps: 25 },
  { queue: [[host(null), { type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 600, params: { zone: 'us-east-1b' } }, teams: ['blue'] }]], steps: 90 },
  { queue: [[user('ana', 'red'), { type: 'delete', target: `${STACK}/Early` }]], steps: 60 },
  // Ended early: the rest is played out as built (no action applies any more), then the results.
  { queue: [[host(null), { type: 'clock', command: 'end' }]], steps: 5 },
  { queue: [[user('ana', 'red'), { type: 'createResource', stack: STACK, kind: 'bucket', logicalId: 'TooLate', props: { websiteHosting: false } }]], steps: 10 },
  { queue: [[user('ana', 'red'), { type: 'createResource', stack: STACK, kind: 'bucket', logicalId: 'TooLateAgain', props: { websiteHosting: false } }]], steps: 100 },
];

const inputsOf = (trail: readonly TrailEvent[]) => trail.filter((e) => e.userIdentity);

/** The independent reference: replayMatch over the inputs logged at or before `step`, to `step`. */
function referenceAt(setup: MatchSetup, trail: readonly TrailEvent[], step: number): string[] {
  const upTo = inputsOf(trail).filter((e) => Math.round(e.simS / STEP_SECONDS) <= step);
  return replayMatch(setup, upTo, step).teams.map((t) => hashWorld(t.world));
}

describe('a seekable replay', () => {
  const setup = setupOf();
  const { match: recorded, state } = play(setup, RECORDED, true);
  const finalStep = recorded.clock.step;
  const trail = inputsOf(recorded.trail);
  const references = new Map<number, string[]>();
  const reference = (step: number): string[] => {
    if (!references.has(step)) references.set(step, referenceAt(setup, trail, step));
    return references.get(step)!;
  };
  const hashes = (cursor: ReturnType<typeof openReplay>) => cursor.match.teams.map((_, i) => cursor.hash(i));

  it('ends where the recorded match ended, world by world, as replayMatch does', () => {
    // Ended at step 263 (30 + 41 + 17 + 25 + 90 + 60), played out to the scenario's end.
    expect(recorded.clock.endedAtStep).toBe(30 + 41 + 17 + 25 + 90 + 60);
    expect(finalStep).toBe(END_STEP);
    expect(recorded.teams[0]!.world.design.resources.some((r) => r.logicalId.startsWith('TooLate'))).toBe(false);
    const cursor = openReplay(setup, trail, finalStep);
    expect(cursor.seek(finalStep)).toBe(finalStep);
    expect(cursor.match.clock.phase).toBe('results');
    expect(matchFingerprint(cursor.match)).toEqual(matchFingerprint(recorded));
    expect(matchFingerprint(cursor.match)).toEqual(matchFingerprint(replayMatch(setup, trail, finalStep)));
  });

  it('shows each step as a fresh replay to that step does: forward, backward, and back again', () => {
    const cursor = openReplay(setup, trail, finalStep, { keyframeEvery: 20 });
    for (const step of [0, 1, 30, 31, 71, 88, 100, 150, finalStep, 140, 88, 87, 20, 0, 199, 61]) {
      cursor.seek(step);
      expect(cursor.step, `step ${step}`).toBe(step);
      expect(hashes(cursor), `step ${step}`).toEqual(reference(step));
    }
    expect(cursor.keyframes).toBeGreaterThan(5);
  });

  it('seeks in any order to the same worlds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: finalStep }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 8, max: 90 }), (steps, every) => {
        const cursor = openReplay(setup, trail, finalStep, { keyframeEvery: every });
        for (const step of steps) {
          cursor.seek(step);
          expect(hashes(cursor)).toEqual(reference(step));
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('keeps an input logged at a step out of the world before that step and in it from that step', () => {
    const cursor = openReplay(setup, trail, finalStep);
    const late = (step: number) => (cursor.seek(step), cursor.match.teams[0]!.world.design.resources.some((r) => r.logicalId === 'Late'));
    expect(late(70)).toBe(false);
    expect(late(71)).toBe(true);
    expect(late(finalStep)).toBe(true);
    expect(late(12)).toBe(false);
  });

  it('never goes past the recorded end, and treats odd targets as the nearest step', () => {
    const cursor = openReplay(setup, trail, finalStep);
    expect(cursor.seek(finalStep + 500)).toBe(finalStep);
    expect(cursor.seek(-3)).toBe(0);
    expect(cursor.seek(Number.NaN)).toBe(0);
    expect(cursor.seek(40.4)).toBe(40);
  });

  it("gives the charts the live match showed: CloudWatch's minute points, whatever path the cursor took", () => {
    const cursor = openReplay(setup, trail, finalStep, { keyframeEvery: 25 });
    cursor.seek(finalStep);
    cursor.seek(10);
    cursor.seek(finalStep);
    const live = (team: string) => (state.boards.get(team)!.toJSON() as { series: { metrics: string }[] }).series.map((p) => ({ ...p, metrics: metricsFromWire(p.metrics) }));
    expect(cursor.series(0)).toEqual(live('red'));
    expect(cursor.series(1)).toEqual(live('blue'));
    expect(cursor.series(0).length).toBe(Math.floor((finalStep * STEP_SECONDS) / 60));
    cursor.seek(100);
    expect(cursor.series(0)).toEqual(live('red').slice(0, Math.floor((100 * STEP_SECONDS) / 60)));
    const points = cursor.stepPoints(1);
    expect(points).toHaveLength(100);
    expect(points.every((p) => p.availability >= 0 && p.availability <= 1 && p.rps >= 0)).toBe(true);
    expect(cursor.series(0).every((p) => p.computeLoad >= 0 && p.computeLoad <= 1 && p.databaseLoad >= 0 && p.databaseLoad <= 1)).toBe(true);
  });

  it("replays the dashboards' metrics the live match sampled, under the keys the room had (a dashboard saved mid-run)", () => {
    const dashboard = {
      name: 'ops',
      widgets: [{ type: 'metric', x: 0, y: 0, width: 12, height: 6, view: 'timeSeries', stat: 'Maximum', period: 120 }],
      metrics: [{ widget: 0, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: [{ name: 'AutoScalingGroupName' }], subject: `${STACK}/${ASG}` }],
      alarms: [],
    };
    const ticks: Tick[] = [
      { queue: [[host(null), { type: 'clock', command: 'start' }]], steps: 30 },
      { queue: [[user('ana', 'red'), { type: 'createResource', stack: STACK, kind: 'dashboard', props: dashboard }]], steps: 60 },
    ];
    const dashSetup = setupOf();
    const { match, state: live } = play(dashSetup, [RECORDED[0]!, ...ticks], true);
    const cursor = openReplay(dashSetup, inputsOf(match.trail), match.clock.step, { keyframeEvery: 25 });
    cursor.seek(match.clock.step);
    const board = live.boards.get('red')!.toJSON() as { metricKeys: string[]; series: { metrics: string }[] };
    expect(board.metricKeys).toEqual([`AWS/EC2|CPUUtilization|${STACK}/${ASG}`]);
    expect(cursor.metricKeys(0)).toEqual(board.metricKeys);
    expect(cursor.metricKeys(1)).toEqual([]);
    const replayed = cursor.series(0);
    expect(replayed.map((p) => p.metrics)).toEqual(board.series.map((p) => metricsFromWire(p.metrics)));
    // Sampled from the minute after the dashboard was saved, not before.
    expect(replayed[0]!.metrics).toEqual([]);
    expect(replayed.at(-1)!.metrics[0]).toBeGreaterThan(0);
    cursor.seek(20);
    expect(cursor.metricKeys(0)).toEqual([]);
  });

  it("lists the run's world events once the end has been seen (the timeline's markers)", () => {
    const cursor = openReplay(setup, trail, finalStep);
    cursor.seek(finalStep);
    cursor.seek(0);
    const blue = cursor.events(1);
    expect(blue.some((e) => e.kind === 'event' && /us-east-1b/.test(timelineSentence(e)))).toBe(true);
    expect(blue).toEqual(recorded.teams[1]!.world.timeline);
  });

  it('replays a full-length level and prints what a seek costs (figures, not asserted)', () => {
    const level = setupOf('two-zones-behind-a-load-balancer', 'alb-asg-multi-az');
    const { match } = play(level, [
      { queue: [[host(null), { type: 'clock', command: 'start' }], [host(null), { type: 'speed', speed: 8 }]], steps: 400 },
      { queue: [[host('red'), { type: 'setDesiredCapacity', target: `${STACK}/${ASG}`, desired: 5 }]], steps: 5000 },
    ]);
    expect(match.clock.phase).toBe('results');
    const end = match.clock.step;
    const time = (f: () => void): number => {
      const started = performance.now();
      f();
      return performance.now() - started;
    };
    const cursor = openReplay(level, inputsOf(match.trail), end);
    const toEnd = time(() => cursor.seek(end));
    expect(matchFingerprint(cursor.match)).toEqual(matchFingerprint(match));
    const back = time(() => cursor.seek(Math.floor(end / 3)));
    const again = time(() => cursor.seek(Math.floor((end * 2) / 3) + 7));
    const randomSeeks = [...Array(20).keys()].map((i) => (i * 7919) % end);
    const scrub = time(() => randomSeeks.forEach((s) => cursor.seek(s)));
    console.log(
      `replay of a full level (${end} steps, two teams, ${cursor.keyframes} keyframes): first run to the end ${toEnd.toFixed(0)} ms; ` +
        `seek back to a third ${back.toFixed(1)} ms; forward to two thirds ${again.toFixed(1)} ms; 20 random seeks ${(scrub / 20).toFixed(1)} ms each`,
    );
  });
});
