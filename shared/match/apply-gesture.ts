import type { Design, ResourceKind } from '../design/model.ts';
import { findByRef } from '../design/edits.ts';
import { inverseOf, stillAsLeft, type Inverse } from '../design/plans/inverse.ts';
import type { PlanStep } from '../design/plans/plan.ts';
import { resourceArn } from '../iam/arn.ts';
import { refusal, type Refusal } from '../protocol/refusals.ts';
import { kindAllowed } from '../scenario/start.ts';
import { apiCallOf, apiCallOfStep, arnPartsOf, type ApiCall } from './api-calls.ts';
import { applyBoardPlan, planOf, type BoardIntent } from './apply-design.ts';
import type { MatchIntent } from './intents.ts';
import { simSeconds, type Actor, type Match, type Team } from './match.ts';
import { consoleUpdateOf, withNewPhysical } from '../template/console-updates.ts';

// One player gesture applied to a team's design: its plan computed by the shared rules, every API call of
// it checked against the scenario and the player's IAM policies, then the whole plan applied with one check
// of the design's rules and one recompile of the world, and each call logged in CloudTrail. Any refusal, of
// a call or of the rules, refuses the whole gesture: the design and the undo history stay as they were and
// the log gains the one refusal entry. The inverse of each applied gesture is kept for its player's undo.

export type Gesture = Extract<MatchIntent, { type: BoardIntent['type'] | 'undo' }>;

export const GESTURE_TYPES: readonly Gesture['type'][] = ['place', 'remove', 'connect', 'disconnect', 'configure', 'move', 'createResource', 'delete', 'undo'];

export function isGesture(intent: MatchIntent): intent is Gesture {
  return (GESTURE_TYPES as readonly string[]).includes(intent.type);
}

/** One player's undoable gesture: the inverse plan and the state it expects to find. */
export interface UndoEntry {
  player: string;
  inverse: Inverse;
}

/** How many gestures each player can take back. */
export const MAX_UNDO_PER_PLAYER = 30;

/** What the match's own bookkeeping offers a gesture: the audit log, the IAM check and the world swap. */
export interface GestureHost {
  record(params: Record<string, unknown>, call: ApiCall, resource: string | undefined, input: boolean, refused?: Refusal): void;
  permit(action: string | undefined, arn: string, region: string | undefined): Refusal | undefined;
  adopt(design: Design): void;
}

/** The resource a gesture names first, for its refusal entry. */
function leadRef(intent: Gesture): string | undefined {
  switch (intent.type) {
    case 'place':
      return intent.target.piece ?? intent.target.subnet ?? intent.target.vpc ?? intent.target.region;
    case 'remove':
      return intent.ref;
    case 'connect':
    case 'disconnect':
      return intent.from;
    case 'configure':
    case 'move':
    case 'delete':
      return intent.target;
    case 'createResource':
      return `${intent.stack}/${intent.logicalId ?? '*'}`;
    case 'undo':
      return undefined;
  }
}

/** What a step names in the log and the IAM resource it acts on, with the plan's new stacks and resources known. */
function stepTarget(step: PlanStep, kindOf: (ref: string) => ResourceKind | undefined, regionOf: (stack: string) => string | undefined): { ref: string; arn: string; region?: string } {
  if (step.op === 'createStack' || step.op === 'deleteEmptyStack') {
    const region = step.op === 'createStack' ? step.region : regionOf(step.stack);
    return { ref: step.stack, arn: resourceArn({ service: 'cloudformation', region: region ?? '', type: 'stack', name: step.stack }), ...(region ? { region } : {}) };
  }
  if (step.op === 'deleteSnapshot') {
    // arn:aws:rds:<region>:<account>:snapshot:<identifier>; the holding stack is named after its region.
    const slash = step.ref.lastIndexOf('/');
    const region = regionOf(step.ref.slice(0, slash)) ?? '';
    return { ref: step.ref, arn: resourceArn({ service: 'rds', region, type: 'snapshot', name: step.ref.slice(slash + 1) }), region };
  }
  const ref = step.op === 'create' ? `${step.stack}/${step.logicalId}` : 'from' in step ? step.from : step.ref;
  const kind = step.op === 'create' ? step.kind : kindOf(ref);
  if (!kind) return { ref, arn: '*' };
  const region = regionOf(ref.slice(0, ref.lastIndexOf('/'))) ?? '';
  const { service, type } = arnPartsOf(kind);
  return { ref, arn: resourceArn({ service, region, type, name: ref }), region };
}

function stepParams(step: PlanStep): Record<string, unknown> {
  const { op, ...rest } = step;
  return { action: op, ...rest };
}

/** `design` is the team's design as this tick has left it so far (compiled into its world at the tick's end). */
export function applyGesture(match: Match, team: Team, actor: Actor, intent: Gesture, design: Design, host: GestureHost): { ok: true } | { ok: false; refusal: Refusal } {
  const kinds = new Map<string, ResourceKind>();
  const kindOf = (ref: string): ResourceKind | undefined => kinds.get(ref) ?? findByRef(design, ref)?.kind;
  const regions = new Map(design.stacks.map((s) => [s.name, s.region]));
  const regionOf = (stack: string): string | undefined => regions.get(stack);
  const refuse = (why: Refusal, call: ApiCall = apiCallOf(intent, kindOf), resource = leadRef(intent)) => {
    host.record({ gesture: intent }, call, resource, true, why);
    return { ok: false as const, refusal: why };
  };

  const history = team.undo ?? [];
  let undone = -1;
  let steps: readonly PlanStep[];
  if (intent.type === 'undo') {
    undone = history.findLastIndex((e) => e.player === actor.nickname);
    if (undone < 0) return refuse(refusal('nothing-to-undo'));
    const stale = stillAsLeft(design, history[undone]!.inverse);
    if (stale !== undefined) return refuse(refusal('undo-stale', stale));
    steps = history[undone]!.inverse.steps;
  } else {
    const plan = planOf(design, intent, { simS: simSeconds(match), durationS: match.scenario.durationS });
    if (!plan.ok) return refuse(plan.refusal);
    steps = plan.steps;
  }

  // Every call is decided before anything changes: the scenario's kinds, then the caller's permissions.
  const calls: { step: PlanStep; call: ApiCall; ref: string }[] = [];
  for (const step of steps) {
    if (step.op === 'createStack') regions.set(step.stack, step.region);
    if (step.op === 'create') kinds.set(`${step.stack}/${step.logicalId}`, step.kind);
    const call = apiCallOfStep(step, kindOf);
    const target = stepTarget(step, kindOf, regionOf);
    if (step.op === 'create' && !kindAllowed(match.scenario, step.kind)) return refuse(refusal('kind-not-allowed', step.kind), call, target.ref);
    const denied = host.permit(call.action, target.arn, target.region);
    if (denied) return refuse(denied, call, target.ref);
    calls.push({ step, call, ref: target.ref });
  }

  const applied = applyBoardPlan(design, { ok: true, steps: [...steps] });
  if (!applied.ok) return refuse(applied.refusal);
  // Once the match runs, what the gesture changes is running: a property AWS cannot change on a live resource
  // refuses the gesture, or makes a new physical resource (an instance moved to another subnet is launched anew).
  const live = match.clock.step === 0 ? undefined : consoleUpdateOf(design, applied.design, changedRefs(steps));
  if (live && !live.ok) return refuse(live.refusal);
  const change = live && live.replaced.length > 0 ? { ...applied, design: withNewPhysical(applied.design, live.replaced) } : applied;
  host.adopt(change.design);

  // One entry per call that changed something; the first carries the gesture, the input a replay applies again.
  const made = calls.filter((c) => change.applied?.includes(c.step) ?? true);
  const logged = made.length > 0 ? made : [{ step: undefined, call: apiCallOf(intent, kindOf), ref: leadRef(intent) }];
  logged.forEach((c, i) => host.record({ ...(c.step ? stepParams(c.step) : {}), ...(i === 0 ? { gesture: intent } : {}) }, c.call, c.ref, i === 0));
  for (const c of made) if (c.call.action && !team.actionsUsed.includes(c.call.action)) team.actionsUsed.push(c.call.action);

  if (intent.type === 'undo') history.splice(undone, 1);
  else {
    const inverse = inverseOf(design, change.design);
    if (inverse.steps.length > 0) {
      history.push({ player: actor.nickname, inverse });
      team.undo = history;
      const mine = history.filter((e) => e.player === actor.nickname);
      if (mine.length > MAX_UNDO_PER_PLAYER) history.splice(history.indexOf(mine[0]!), 1);
    }
  }
  return { ok: true };
}

/** The resources a plan changes rather than creates or deletes: what an update or a connection rewrites. */
function changedRefs(steps: readonly PlanStep[]): string[] {
  const refs: string[] = [];
  for (const step of steps) {
    if (step.op === 'update') refs.push(step.ref);
    else if (step.op === 'link' || step.op === 'unlink') refs.push(step.from, step.to);
  }
  return refs;
}

/** A stack replaced or deleted by CloudFormation takes its resources out of every player's undo. */
export function forgetUndoIn(team: Team, stack: string): void {
  if (!team.undo) return;
  const prefix = `${stack}/`;
  team.undo = team.undo.filter((e) => !e.inverse.expect.some((x) => x.ref.startsWith(prefix)) && !e.inverse.steps.some((s) => 'stack' in s && s.stack === stack));
}
