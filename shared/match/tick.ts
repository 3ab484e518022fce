import { exfiltrationEvents } from './data-events.ts';
import { step } from '../sim/step.ts';
import { timelineSentence } from '../sim/timeline-text.ts';
import type { TimelineEntry, TimelineKind } from '../sim/world.ts';
import { SCENARIO, SYSTEM, type TrailEvent } from '../trail/event.ts';
import { userArn } from '../iam/arn.ts';
import { tickClock } from './clock.ts';
import { applyIntent, compilePending, type Applied, type TickContext } from './apply.ts';
import type { MatchIntent } from './intents.ts';
import type { Actor, Match, Team } from './match.ts';

// The fixed-step tick. Intents queued since the last tick are applied first, in this documented order:
//   1. the host's controls (clock, speed, injected events): everyone's world changes at the same step;
//   2. IAM changes: a permission revoked in this tick already binds the intents that follow it;
//   3. stack creates, deploys and deletes (whole templates), then
//   4. board gestures (place, remove, connect, disconnect, configure, move, undo, and the single-resource
//      createResource and delete): each one's whole plan, or none of it, with one recompile of the world
//      (apply-gesture.ts), then
//   5. run-time actions (scale, promote, reboot, resize);
// within each group, in order of arrival. Each team's design is compiled into its world once for all the
// tick's edits (before the first intent that acts on a running world, else at the end of the queue); each input
// in the log carries the tick's id, so that a replay applies the same intents together (replay.ts). Then,
// while the clock runs, every team's world takes the steps owed, and what the worlds reported (alarms,
// scaling, failures) joins the audit log as system events.

export interface Queued {
  /** Arrival order, from the room. */
  seq: number;
  actor: Actor;
  intent: MatchIntent;
  wallMs: number;
}

const GROUP: Record<MatchIntent['type'], number> = {
  clock: 1,
  speed: 1,
  inject: 1,
  iam: 2,
  createStack: 3,
  deployStack: 3,
  deleteStack: 3,
  place: 4,
  remove: 4,
  undo: 4,
  createResource: 4,
  configure: 4,
  move: 4,
  connect: 4,
  disconnect: 4,
  delete: 4,
  setDesiredCapacity: 5,
  startInstanceRefresh: 5,
  promoteReplica: 5,
  reboot: 5,
  modifyDbClass: 5,
  purchaseSavingsPlan: 5,
  purchaseReservedInstances: 5,
  updateCostAllocationTag: 5,
  subscribe: 5,
  unsubscribe: 5,
  authorizeSecurityGroupIngress: 5,
  revokeSecurityGroupIngress: 5,
};

export function inTickOrder(queue: readonly Queued[]): Queued[] {
  return [...queue].sort((a, b) => GROUP[a.intent.type] - GROUP[b.intent.type] || a.seq - b.seq);
}

/** Where world timeline entries go in CloudTrail: which service reports them. */
const SOURCE: Record<TimelineKind, [string, string] | undefined> = {
  event: ['health.amazonaws.com', 'ScenarioEvent'],
  failure: ['health.amazonaws.com', 'ResourceFailure'],
  recovery: ['health.amazonaws.com', 'ResourceRecovery'],
  health: ['elasticloadbalancing.amazonaws.com', 'TargetHealthChange'],
  dns: ['route53.amazonaws.com', 'HealthCheckStatusChange'],
  database: ['rds.amazonaws.com', 'DBInstanceEvent'],
  alarm: ['monitoring.amazonaws.com', 'SetAlarmState'],
  scaling: ['autoscaling.amazonaws.com', 'ScalingActivity'],
  budget: ['budgets.amazonaws.com', 'BudgetAlert'],
  // Actions are logged as the intents that caused them.
  action: undefined,
};

/** How far each team's timeline has been copied into the audit log (kept beside the match, not in it). */
export type TimelineCursor = Map<string, number>;

function logTimeline(match: Match, team: Team, cursor: TimelineCursor, wallMs: number): void {
  const timeline: TimelineEntry[] = team.world.timeline;
  for (let i = cursor.get(team.id) ?? 0; i < timeline.length; i++) {
    const entry = timeline[i]!;
    const source = SOURCE[entry.kind];
    if (!source) continue;
    // An API call someone made with leaked keys: logged as that IAM user's own call, as CloudTrail would.
    const call = entry.actor && entry.action ? entry.action.split(':') : undefined;
    const event: TrailEvent = {
      seq: match.trail.length,
      simS: entry.tS,
      wallMs,
      team: team.id,
      principal: entry.actor ? { type: 'IAMUser', name: entry.actor, arn: userArn(entry.actor) } : entry.kind === 'event' ? SCENARIO : SYSTEM,
      eventSource: call ? `${call[0]}.amazonaws.com` : source[0],
      eventName: call ? call[1]! : source[1],
      // The English sentence for people reading the log; the code and values for a client to say it in its language.
      // A call's own request parameters (a colleague's security group change), as CloudTrail's requestParameters.
      params: { ...entry.request, message: timelineSentence(entry), code: entry.code, values: entry.values },
      outcome: 'Success',
      ...(entry.resources?.length ? { resource: entry.resources.join(', ') } : {}),
    };
    match.trail.push(event);
    match.trail.push(...exfiltrationEvents(match, team, entry, wallMs));
  }
  cursor.set(team.id, timeline.length);
}

export interface TickResult {
  applied: { queued: Queued; result: Applied }[];
  steps: number;
}

/** Applies the queue, then takes up to `steps` steps while the clock runs. */
export function runTick(match: Match, queue: readonly Queued[], steps: number, wallMs: number, cursor: TimelineCursor): TickResult {
  const tick: TickContext = { id: match.trail.length, pending: new Map() };
  const applied = inTickOrder(queue).map((queued) => ({ queued, result: applyIntent(match, queued.actor, queued.intent, queued.wallMs, tick) }));
  compilePending(match, tick);
  let taken = 0;
  while (taken < steps && match.clock.phase === 'running') {
    for (const team of match.teams) step(team.world);
    match.clock = tickClock(match.clock);
    taken++;
  }
  for (const team of match.teams) logTimeline(match, team, cursor, wallMs);
  return { applied, steps: taken };
}
