import { z } from 'zod';

// CloudTrail: the record of who did what. Every intent, accepted or refused, and every system event
// (scenario events, alarms, scaling, failovers) becomes one event. The same log, with the seed, replays a
// match, so an event carries the intent as it was applied.

export const PRINCIPAL_TYPES = ['Root', 'IAMUser', 'AssumedRole', 'Scenario', 'System'] as const;

export const trailEventSchema = z.object({
  /** Position in the match's log: the replay order. */
  seq: z.number().int().min(0),
  /** Simulated seconds since the scenario started. */
  simS: z.number().min(0),
  /** Server wall-clock time, for people reading the log; never used by the simulation. */
  wallMs: z.number(),
  /** The team whose world it concerns, or null for the whole match. */
  team: z.string().nullable(),
  principal: z.object({ type: z.enum(PRINCIPAL_TYPES), name: z.string(), arn: z.string().optional() }),
  /** The AWS-style service endpoint, e.g. "ec2.amazonaws.com", as CloudTrail's eventSource. */
  eventSource: z.string(),
  /** The AWS-style action name, e.g. "RunInstances", "UpdateAutoScalingGroup", as CloudTrail's eventName. */
  eventName: z.string(),
  /** The resource acted on ("stack/LogicalId" or an ARN), when there is one. */
  resource: z.string().optional(),
  /** Request parameters: the intent itself for player actions. */
  params: z.record(z.string(), z.unknown()),
  outcome: z.enum(['Success', 'Failure']),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  /**
   * For player and host actions: who acted, fully enough to act again (seat, team, identity, role session,
   * MFA), as CloudTrail's userIdentity. A replay re-applies exactly the events that carry it.
   */
  userIdentity: z.record(z.string(), z.unknown()).optional(),
  /**
   * On inputs: the tick that applied them (the log's length when it began). Inputs of one tick share one
   * compile of each team's world, so a replay applies them together; logs from before it have none.
   */
  tick: z.number().int().min(0).optional(),
});

export type TrailEvent = z.infer<typeof trailEventSchema>;
export type Principal = TrailEvent['principal'];

export const SYSTEM: Principal = { type: 'System', name: 'five-nines' };
export const SCENARIO: Principal = { type: 'Scenario', name: 'scenario' };
