import { hashWorld } from '../sim/hash.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import type { TrailEvent } from '../trail/event.ts';
import { matchIntentSchema } from './intents.ts';
import { createMatch, type Actor, type Match, type MatchSetup } from './match.ts';
import { runTick, type Queued, type TimelineCursor } from './tick.ts';

// A match replayed from its setup and audit log: the events that carry a userIdentity are the inputs (a
// gesture's is the entry of its first call, which carries the gesture), in log order, each at the step it was applied; everything else (alarms, scaling, failures) is an output and
// comes back by itself. Same setup, same inputs: the same worlds, byte for byte.

export interface ReplayInput {
  step: number;
  seq: number;
  actor: Actor;
  intent: Queued['intent'];
}

/** The inputs of a recorded log: refused intents included, since a refusal is part of what happened. */
export function replayInputs(trail: readonly TrailEvent[]): ReplayInput[] {
  const inputs: ReplayInput[] = [];
  for (const event of trail) {
    if (!event.userIdentity) continue;
    // A gesture's first API call carries the gesture itself; its other calls are what it did.
    const parsed = matchIntentSchema.safeParse('gesture' in event.params ? event.params.gesture : event.params);
    if (!parsed.success) continue;
    inputs.push({ step: Math.round(event.simS / STEP_SECONDS), seq: event.seq, actor: event.userIdentity as unknown as Actor, intent: parsed.data });
  }
  return inputs;
}

/**
 * Replays to `finalStep` (the step the recorded match had reached). Inputs were applied in log order at the
 * start of their step's tick, so each group is applied in that order (their log order is already the tick
 * order) before the steps that follow it.
 */
export function replayMatch(setup: MatchSetup, trail: readonly TrailEvent[], finalStep: number): Match {
  const match = createMatch(setup);
  const cursor: TimelineCursor = new Map();
  const inputs = replayInputs(trail);
  let next = 0;
  for (;;) {
    const at = match.clock.step;
    const group: Queued[] = [];
    while (next < inputs.length && inputs[next]!.step <= at) {
      const input = inputs[next++]!;
      // Log order is tick order: seq keeps it through runTick's stable grouping.
      group.push({ seq: group.length, actor: input.actor, intent: input.intent, wallMs: 0 });
    }
    const target = next < inputs.length ? inputs[next]!.step : finalStep;
    const owed = Math.max(0, target - at);
    const before = match.clock.step;
    runTickInLogOrder(match, group, owed, cursor);
    const moved = match.clock.step !== before;
    if (next >= inputs.length && (match.clock.step >= finalStep || !moved)) break;
    if (!moved && group.length === 0 && next < inputs.length && inputs[next]!.step > match.clock.step) {
      // The clock stands still but a later input exists: the log is inconsistent; stop rather than spin.
      break;
    }
  }
  return match;
}

/** runTick, but keeping the log's order exactly (it already is the tick order of the original run). */
function runTickInLogOrder(match: Match, group: Queued[], steps: number, cursor: TimelineCursor): void {
  if (group.length === 0) {
    runTick(match, [], steps, 0, cursor);
    return;
  }
  // Apply one at a time so that grouping cannot reorder them; only the last call takes the steps.
  group.forEach((q, i) => runTick(match, [q], i === group.length - 1 ? steps : 0, 0, cursor));
}

/** The fingerprint a replay must reproduce: every team's world hash and score. */
export function matchFingerprint(match: Match): { team: string; hash: string }[] {
  return match.teams.map((t) => ({ team: t.id, hash: hashWorld(t.world) }));
}
