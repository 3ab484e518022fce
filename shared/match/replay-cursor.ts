// A seekable replay: a finished match played again from its setup and log, to any step, forward or back.
// Going forward runs the rules; going back starts again from the nearest keyframe (a copy of the whole match
// taken every few simulated minutes on the way) and runs forward from there, so a seek anywhere costs at most
// one keyframe's interval of steps. On the way it keeps what the charts show, step by step: the same numbers
// the live match's CloudWatch plotted (shared/match/board-view.ts), whatever path the player scrubbed along.
//
// Position `step` means: the clock stands at `step` and every input logged at that step has been applied —
// the match as the room showed it after that step's tick. A recorded match replays the same whichever way it
// is reached, since the rules are deterministic and an input's step says exactly when it was applied.
import { STEP_SECONDS } from '../sim/constants.ts';
import { hashWorld } from '../sim/hash.ts';
import { T_COST, T_FAILED, T_OFFERED, T_SHED } from '../sim/state.ts';
import type { TimelineEntry } from '../sim/world.ts';
import type { TrailEvent } from '../trail/event.ts';
import { chartPoint, type ChartPoint } from './board-view.ts';
import { extendMetricKeys } from './dashboard-metrics.ts';
import { createMatch, openingLength } from './create.ts';
import { type Match, type MatchSetup } from './match.ts';
import { nextTick, replayInputs, replayTick, type ReplayInput } from './replay.ts';
import { runTick, type TimelineCursor } from './tick.ts';

/** A step's own numbers, for a chart of the whole run: its request rate, availability, p95 and spend so far. */
export interface StepPoint {
  tS: number;
  /** User requests per second offered during the step. */
  rps: number;
  /** Share of the step's user requests that succeeded (1 when there were none). */
  availability: number;
  p95Ms: number;
  costUsd: number;
}

export interface ReplayCursor {
  /** The step the recorded match had reached: the end of the replay. */
  readonly finalStep: number;
  /** Where the replay stands now (see the file's comment). */
  readonly step: number;
  /** The match at `step`. Read it; never change it. */
  readonly match: Match;
  /** Keyframes taken so far. */
  readonly keyframes: number;
  /** Moves to `step` (clamped to 0…finalStep); returns the step reached. */
  seek(step: number): number;
  /** A chart point per simulated minute up to `step` (utilisation and dashboard metrics included), as the live CloudWatch showed them. */
  series(team: number): ChartPoint[];
  /** The dashboards' metric keys the points' metrics follow (dashboard-metrics.ts), as the room had them at `step`. */
  metricKeys(team: number): readonly string[];
  /** Every step's numbers up to `step`. */
  stepPoints(team: number): StepPoint[];
  /** The world events of the furthest point reached so far (the whole run once the end has been seen). */
  events(team: number): readonly TimelineEntry[];
  /** The team's world hash at `step`: at the end it must equal the recorded one. */
  hash(team: number): string;
}

export interface ReplayOptions {
  /** Steps between keyframes; by default about a hundred keyframes over the run, and at least every 60 steps. */
  keyframeEvery?: number;
}

interface Position {
  match: Match;
  cursor: TimelineCursor;
  /** The first input not yet applied. */
  next: number;
}

interface Keyframe {
  step: number;
  /** The match before the step's inputs, its audit log left out (the kept log's first `trailLength` events). */
  match: Match;
  trailLength: number;
  cursor: TimelineCursor;
  next: number;
}

/** Per team, what the charts need, by step (a step's numbers are the same on every visit). */
interface Recording {
  offered: Float64Array;
  failed: Float64Array;
  stepOffered: Float64Array;
  stepFailed: Float64Array;
  p95: Float64Array;
  cost: Float64Array;
  minutes: (ChartPoint | undefined)[];
  /** The dashboards' metric keys at each minute: the previous minute's, then the design's new ones (as the room adds them). */
  keys: (string[] | undefined)[];
}

const STEPS_PER_MINUTE = 60 / STEP_SECONDS;

export function openReplay(setup: MatchSetup, trail: readonly TrailEvent[], finalStep: number, options: ReplayOptions = {}): ReplayCursor {
  const first = createMatch(setup);
  // The account's opening is made again by createMatch: the inputs are what came after it.
  const inputs: ReplayInput[] = replayInputs(trail.slice(openingLength(first, trail)));
  const last = Math.max(0, Math.min(Math.floor(finalStep), first.clock.endStep));
  const every = Math.max(1, Math.floor(options.keyframeEvery ?? Math.max(60, Math.ceil(last / 100))));
  const keyframes: Keyframe[] = [];
  const keyframeSteps = new Set<number>();
  const recordings: Recording[] = first.teams.map(() => ({
    offered: new Float64Array(last + 1),
    failed: new Float64Array(last + 1),
    stepOffered: new Float64Array(last + 1),
    stepFailed: new Float64Array(last + 1),
    p95: new Float64Array(last + 1),
    cost: new Float64Array(last + 1),
    minutes: [],
    keys: [],
  }));
  let pos: Position = { match: first, cursor: new Map(), next: 0 };
  /** The longest audit log produced so far: keyframes keep only its length. */
  let log: TrailEvent[] = first.trail;
  let furthest = 0;
  let furthestEvents: readonly TimelineEntry[][] = first.teams.map((t) => t.world.timeline);

  const keep = (at: number): void => {
    if (at % every !== 0 || keyframeSteps.has(at)) return;
    const { trail, ...rest } = pos.match;
    if (trail.length > log.length) log = trail;
    keyframeSteps.add(at);
    keyframes.push({ step: at, match: structuredClone({ ...rest, trail: [] }), trailLength: trail.length, cursor: new Map(pos.cursor), next: pos.next });
    keyframes.sort((a, b) => a.step - b.step);
  };

  const record = (at: number): void => {
    pos.match.teams.forEach((team, i) => {
      const r = recordings[i]!;
      const world = team.world;
      const tally = world.state.tally;
      r.offered[at] = tally[T_OFFERED]!;
      r.failed[at] = tally[T_FAILED]! + tally[T_SHED]!;
      r.stepOffered[at] = r.offered[at]! - r.offered[at - 1]!;
      r.stepFailed[at] = r.failed[at]! - r.failed[at - 1]!;
      r.p95[at] = world.last.latencyP95Ms;
      r.cost[at] = tally[T_COST]!;
      if (at % STEPS_PER_MINUTE === 0) {
        const minute = at / STEPS_PER_MINUTE;
        const since = { at: (minute - 1) * 60, offered: r.offered[at - STEPS_PER_MINUTE]!, failed: r.failed[at - STEPS_PER_MINUTE]! };
        // The dashboards' metrics ride on the point, under the keys the room had then (server/wire/project.ts).
        const keys = extendMetricKeys(r.keys[minute - 1] ?? [], world.design);
        r.keys[minute] = keys;
        r.minutes[minute] = chartPoint(world, since, at * STEP_SECONDS, undefined, keys);
      }
    });
  };

  /** Runs the current position forward to `target`, or as far as the log goes. */
  const advance = (target: number): void => {
    for (;;) {
      const match = pos.match;
      const at = match.clock.step;
      keep(at);
      for (let group = nextTick(inputs, pos.next, at); group.length > 0; group = nextTick(inputs, pos.next, at)) {
        pos.next += group.length;
        replayTick(match, group, 0, pos.cursor);
      }
      if (at >= target || match.clock.phase !== 'running') break;
      runTick(match, [], 1, 0, pos.cursor);
      record(match.clock.step);
      if (match.trail.length > log.length) log = match.trail;
      if (match.clock.step > furthest) {
        furthest = match.clock.step;
        furthestEvents = match.teams.map((t) => t.world.timeline);
      }
    }
  };

  const restore = (k: Keyframe): void => {
    const match = structuredClone(k.match);
    match.trail = log.slice(0, k.trailLength);
    pos = { match, cursor: new Map(k.cursor), next: k.next };
  };

  const upTo = <T>(list: (T | undefined)[]): T[] => {
    const minutes = Math.floor(pos.match.clock.step / STEPS_PER_MINUTE);
    const out: T[] = [];
    for (let m = 1; m <= minutes; m++) if (list[m]) out.push(list[m]!);
    return out;
  };

  const cursor: ReplayCursor = {
    finalStep: last,
    get step() {
      return pos.match.clock.step;
    },
    get match() {
      return pos.match;
    },
    get keyframes() {
      return keyframes.length;
    },
    seek(step) {
      const target = Math.max(0, Math.min(last, Math.round(Number.isFinite(step) ? step : 0)));
      let from: Keyframe | undefined;
      for (const k of keyframes) if (k.step <= target) from = k;
      const here = pos.match.clock.step;
      if (here > target || (from && from.step > here)) {
        if (from) restore(from);
        else pos = { match: createMatch(setup), cursor: new Map(), next: 0 };
      }
      advance(target);
      return pos.match.clock.step;
    },
    series: (team) => upTo(recordings[team]?.minutes ?? []),
    metricKeys(team) {
      const keys = recordings[team]?.keys ?? [];
      for (let m = Math.floor(pos.match.clock.step / STEPS_PER_MINUTE); m > 0; m--) if (keys[m]) return keys[m]!;
      return [];
    },
    stepPoints(team) {
      const r = recordings[team];
      if (!r) return [];
      const out: StepPoint[] = [];
      for (let s = 1; s <= pos.match.clock.step; s++) {
        const offered = r.stepOffered[s]!;
        out.push({ tS: s * STEP_SECONDS, rps: offered / STEP_SECONDS, availability: offered > 0 ? 1 - r.stepFailed[s]! / offered : 1, p95Ms: r.p95[s]!, costUsd: r.cost[s]! });
      }
      return out;
    },
    events: (team) => furthestEvents[team] ?? [],
    hash: (team) => (pos.match.teams[team] ? hashWorld(pos.match.teams[team]!.world) : ''),
  };
  advance(0);
  return cursor;
}
