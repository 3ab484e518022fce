import { hashWorld } from '../sim/hash.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import type { TrailEvent } from '../trail/event.ts';
import { matchIntentSchema } from './intents.ts';
import { createMatch, openingLength } from './create.ts';
import { type Actor, type Match, type MatchSetup } from './match.ts';
import { runTick, type Queued, type TimelineCursor } from './tick.ts';

// A match replayed from its setup and audit log: the events that carry a userIdentity are the inputs (a
// gesture's is the entry of its first call, which carries the gesture), in log order, each at the step it was applied; everything else (alarms, scaling, failures) is an output and
// comes back by itself. Same setup, same inputs: the same worlds, byte for byte.

export interface ReplayInput {
  step: number;
  seq: number;
  actor: Actor;
  intent: Queued['intent'];
  /** The tick that applied it, when the log records it: one tick's inputs are applied together. */
  tick?: number;
}

/**
 * An intent as logged, in today's words. Logs recorded before gestures named one resource's creation `place`
 * ({stack, kind, …}); that is `createResource` now, and `place` is the palette's gesture ({entry, target}).
 */
function currentIntent(logged: unknown): unknown {
  if (typeof logged !== 'object' || logged === null) return logged;
  const intent = logged as Record<string, unknown>;
  return intent.type === 'place' && 'kind' in intent && 'stack' in intent ? { ...intent, type: 'createResource' } : logged;
}

/** The inputs of a recorded log: refused intents included, since a refusal is part of what happened. */
export function replayInputs(trail: readonly TrailEvent[]): ReplayInput[] {
  const inputs: ReplayInput[] = [];
  for (const event of trail) {
    if (!event.userIdentity) continue;
    // A gesture's first API call carries the gesture itself; its other calls are what it did.
    const parsed = matchIntentSchema.safeParse(currentIntent('gesture' in event.params ? event.params.gesture : event.params));
    if (!parsed.success) continue;
    inputs.push({ step: Math.round(event.simS / STEP_SECONDS), seq: event.seq, actor: event.userIdentity as unknown as Actor, intent: parsed.data, ...(event.tick !== undefined ? { tick: event.tick } : {}) });
  }
  return inputs;
}

/**
 * The inputs from `from` that one tick applied at step `at` or before: those that share its id, in log order
 * (which is the tick's own order). A log from before ticks were recorded gives one input per tick, as it ran.
 */
export function nextTick(inputs: readonly ReplayInput[], from: number, at: number): ReplayInput[] {
  const first = inputs[from];
  if (!first || first.step > at) return [];
  if (first.tick === undefined) return [first];
  let end = from + 1;
  while (end < inputs.length && inputs[end]!.tick === first.tick && inputs[end]!.step <= at) end++;
  return inputs.slice(from, end);
}

/** Applies one recorded tick's inputs together, as the tick that recorded them did, then takes `steps`. */
export function replayTick(match: Match, inputs: readonly ReplayInput[], steps: number, cursor: TimelineCursor): void {
  // Log order is tick order: seq keeps it through runTick's stable grouping.
  runTick(match, inputs.map((input, seq) => ({ seq, actor: input.actor, intent: input.intent, wallMs: 0 })), steps, 0, cursor);
}

/**
 * Replays to `finalStep` (the step the recorded match had reached). Inputs were applied in log order at the
 * start of their step's tick, so each group is applied in that order (their log order is already the tick
 * order) before the steps that follow it.
 */
export function replayMatch(setup: MatchSetup, trail: readonly TrailEvent[], finalStep: number): Match {
  const match = createMatch(setup);
  const cursor: TimelineCursor = new Map();
  // The account's opening is made again by createMatch: the inputs are what came after it.
  const inputs = replayInputs(trail.slice(openingLength(match, trail)));
  let next = 0;
  for (;;) {
    const at = match.clock.step;
    const ticks: ReplayInput[][] = [];
    for (let group = nextTick(inputs, next, at); group.length > 0; group = nextTick(inputs, next, at)) {
      ticks.push(group);
      next += group.length;
    }
    const target = next < inputs.length ? inputs[next]!.step : finalStep;
    const owed = Math.max(0, target - at);
    const before = match.clock.step;
    // Only the last of the step's ticks takes the steps owed.
    if (ticks.length === 0) runTick(match, [], owed, 0, cursor);
    ticks.forEach((group, i) => replayTick(match, group, i === ticks.length - 1 ? owed : 0, cursor));
    const moved = match.clock.step !== before;
    if (next >= inputs.length && (match.clock.step >= finalStep || !moved)) break;
    if (!moved && ticks.length === 0 && next < inputs.length && inputs[next]!.step > match.clock.step) {
      // The clock stands still but a later input exists: the log is inconsistent; stop rather than spin.
      break;
    }
  }
  return match;
}

/** The fingerprint a replay must reproduce: every team's world hash and score. */
export function matchFingerprint(match: Match): { team: string; hash: string }[] {
  return match.teams.map((t) => ({ team: t.id, hash: hashWorld(t.world) }));
}
