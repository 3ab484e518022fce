// The scenario format: what a scenario file says, checked by zod at the edge. Durations and times are
// simulated seconds from the start of the scenario. English text is the main field (`title`, `teachingGoal`,
// `hints`); Korean sits beside it (`ko`, `messageKo`, `text.ko`) so the match room keeps reading plain strings.

import { z } from 'zod';
import { PROPS_SCHEMAS } from '../design/schema.ts';
import type { ResourceKind } from '../design/model.ts';
import { areaSchema, randomEventSchema, regionSchema, scenarioEventSchema } from './events.ts';
import { liveHintSchema } from './hints.ts';
import { manifestActionSchema, manifestStackSchema } from '../template/manifest-schema.ts';

export { areaSchema, scenarioEventSchema, randomEventSchema } from './events.ts';
export type { ScenarioEvent, RandomEvent, ScenarioEventType } from './events.ts';

/** Every resource kind of the design model (shared/design/model.ts), for `allowedKinds`. */
export const RESOURCE_KINDS = Object.keys(PROPS_SCHEMAS) as [ResourceKind, ...ResourceKind[]];

/** A path under the assets folder (no way out of it, no absolute path). */
const assetPath = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_./-]*\.ya?ml$/, { message: 'a path relative to the assets folder, ending in .yaml' })
  .refine((p) => !p.split('/').includes('..'), { message: 'a path inside the assets folder' });

const trafficSchema = z.object({
  area: areaSchema,
  baselineRps: z.number().nonnegative(),
  /** 24 multipliers, one per hour of day (UTC); the curve is linear between them. Omitted: flat. */
  dailyCurve: z.array(z.number().nonnegative()).length(24).optional(),
});

const mixSchema = z
  .object({ static: z.number().nonnegative(), read: z.number().nonnegative(), write: z.number().nonnegative() })
  .refine((m) => Math.abs(m.static + m.read + m.write - 1) < 1e-6, { message: 'the request mix must add up to 1' });

/**
 * A design written out in the scenario itself: a manifest whose templates are inside it (CloudFormation as data,
 * intrinsic functions in their long form), so a level a teacher writes carries its boards with it and names no
 * file. The shape is the design manifest's (shared/template/manifest-schema.ts); what the templates mean is
 * checked by the loader, as for any design.
 */
export const inlineDesignSchema = z
  .object({
    stacks: z
      .array(manifestStackSchema.extend({ template: z.record(z.string(), z.unknown()).describe('The CloudFormation template itself (as data).') }).strict())
      .min(1, 'a design has at least one stack')
      .max(10),
    actions: z.array(manifestActionSchema).max(200).optional().describe("Timed actions the design's run plays (as a manifest's actions:)."),
  })
  .strict();

/** A design a scenario names: a manifest under assets/ (the campaign's files), or one written inline. */
export const designSourceSchema = z.union([assetPath, inlineDesignSchema]);

/**
 * The board a player starts from: a design manifest (a path under assets/, e.g.
 * `scenarios/solutions/budget-crunch/naive/manifest.yaml`), a design written inline (`stacks:`), or an empty
 * board with one stack per region.
 */
export const startSchema = z.union([
  z.object({ design: assetPath }).strict(),
  z.object({ regions: z.array(regionSchema).min(1).max(6) }).strict(),
  inlineDesignSchema,
]);

/**
 * Which published level and which of its versions a match plays (set by the server when a room is made from a
 * level; a level's own file does not carry it). A replay or a checkpoint keeps the scenario it was played on,
 * so it names the version, and a later version of the level never changes it.
 */
export const levelOriginSchema = z
  .object({ code: z.string().regex(/^[A-Z0-9]{4,12}$/), version: z.number().int().positive() })
  .strict();

export const objectiveMetrics = [
  'availability',
  'nines',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'cost',
  'revenue',
  'profit',
  /** Spend ÷ the scenario budget at the end (after any budget cut): 1 is the whole budget. */
  'budgetShare',
  /**
   * Share of the users' requests that passed a Gateway Load Balancer's appliances (firewalls) on their way in:
   * requests sent around the appliances, and those they shed or dropped, are not inspected.
   */
  'inspectedShare',
  /**
   * Least privilege over the match, as IAM Access Analyzer's unused access finds it: 1 − the weighted share of
   * the permissions held by the team's IAM users that CloudTrail shows unused (shared/iam/least-privilege.ts).
   * Runs without players (the command line) score 1.
   */
  'leastPrivilege',
  /**
   * Seconds from the step at which a colleague's security group change (event `security-group-change`) broke
   * service to the step at which it was restored (shared/sim/recovery.ts); 0 when it broke nothing.
   */
  'timeToRecoveryS',
] as const;

/** The AWS account the stacks run in, where it differs from a fresh one (shared/account/default-vpc.ts). */
const accountSchema = z
  .object({
    defaultVpcDeletedIn: z
      .array(regionSchema)
      .max(6)
      .refine((regions) => new Set(regions).size === regions.length, { message: 'each region appears once' })
      .default([])
      .describe('Regions whose default VPC has been deleted: templates that rely on it are refused there, as AWS refuses them.'),
  })
  .strict();

/**
 * A partner whose firewall allow-lists the addresses of the entry point it was given (shared/sim/allow-list.ts):
 * its requests reach only addresses that do not change. At `addressesChangeAtS` the addresses of every entry
 * point that has no fixed ones (an ALB's nodes, CloudFront, an instance's public IP) change, and from then on the
 * partner's requests to them fail; an NLB's static or Elastic IPs and Global Accelerator's anycast IPs stay.
 */
const allowListSchema = z
  .object({
    areas: z
      .array(areaSchema)
      .min(1)
      .refine((areas) => new Set(areas).size === areas.length, { message: 'each area appears once' })
      .describe("The world areas the partner's servers call from."),
    share: z.number().positive().max(1).default(1).describe("Share of those areas' requests that are the partner's (1: all of them)."),
    addressesChangeAtS: z.number().int().nonnegative().describe("When the entry points without fixed addresses get new ones (the partner's firewall does not follow)."),
  })
  .strict();

/**
 * Users who log in and whose session the application keeps in the serving instance's memory
 * (shared/sim/sessions.ts). Without sticky sessions their request on another instance finds no session and
 * fails (logged out); with stickiness they stay, but an instance that fails, is replaced or scaled in loses its
 * users' sessions; a shared session store (ElastiCache, DynamoDB) makes the instances stateless.
 */
const sessionsSchema = z
  .object({
    share: z.number().positive().max(1).describe("Share of the dynamic (read and write) requests that belong to logged-in users' sessions."),
    fromS: z.number().int().nonnegative().default(0).describe('When users start logging in (a release that adds accounts); 0: from the start.'),
  })
  .strict();

/**
 * What the application answers HTTP requests on (shared/sim/health-check-path.ts): a load balancer's health check
 * on a path it does not serve gets 404 Not Found and fails. Omitted: every path answers 200 (the levels before
 * health-check paths mattered).
 */
const applicationSchema = z
  .object({
    paths: z
      .array(z.string().regex(/^\/[^\s]*$/, { message: 'a path starts with /' }))
      .min(1)
      .describe('The paths the application answers 200 OK on; any other path answers 404 Not Found.'),
  })
  .strict();

/**
 * The company's office: an on-premises network (its own range, in a world area) whose staff use the teams'
 * applications over a private connection (shared/sim/office.ts). Its requests reach an instance only over a
 * Site-to-Site VPN whose routes lead there: into that VPC's virtual private gateway, or through a Transit Gateway.
 */
const officeSchema = z
  .object({
    cidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/).describe("The office network's range (an on-premises CIDR block that no VPC should overlap)."),
    area: z.string().min(1).describe('The world area the office is in (its internet round trip to the region).'),
    rps: z.number().positive().describe("Requests per second the office's staff send to the teams' applications, spread over the running instances."),
  })
  .strict();

export const objectiveSchema = z.object({
  id: z.string().min(1),
  primary: z.boolean().default(false),
  metric: z.enum(objectiveMetrics),
  comparison: z.enum(['>=', '<=', '>', '<']),
  target: z.number(),
  description: z.string().optional(),
  descriptionKo: z.string().optional(),
});

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'ids are lower-case words joined by dashes' }).describe('Lower-case words joined by dashes; the file is named <id>.yaml.'),
    title: z.string().min(1).describe('The title players see (English).'),
    teachingGoal: z.string().optional().describe('What the scenario teaches, in a sentence or two (English).'),
    /** Korean title, teaching goal and briefing hints. */
    ko: z.object({ title: z.string().min(1), teachingGoal: z.string().optional(), hints: z.array(z.string()).optional() }).optional(),
    /** Place in the solo campaign (1 first); scenarios without one are for classrooms and free play. */
    campaign: z.object({ order: z.number().int().positive() }).optional(),
    durationS: z.number().int().positive().max(7 * 86400).describe('Simulated seconds; at normal speed the room plays 20 simulated seconds per real second.'),
    budgetUsd: z.number().nonnegative().describe('Starting budget in USD (a budget-cut event lowers it).'),
    /**
     * How many simulated seconds make one period (a month) of the design's AWS Budgets budgets. A budget's
     * amount is for its whole period, so a run of `durationS` gets the run's share of it (durationS ÷ this),
     * and its alerts and actions compare the run's spend with that share. Omitted: the run is the whole period.
     */
    budgetPeriodS: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Simulated seconds in one period (month) of the design's AWS Budgets budgets; omitted: the run is the whole period."),
    /** The p95 latency users accept; good requests above it earn no revenue. */
    latencyObjectiveMs: z.number().positive(),
    revenuePerGoodRequestUsd: z.number().nonnegative().default(0),
    /** Hour of day (UTC) at the start of the scenario, for the daily curves. */
    startHour: z.number().min(0).max(24).default(0),
    start: startSchema.default({ regions: ['us-east-1'] }).describe('The starting board: { design: <manifest under assets/> } or { regions: [...] } for an empty one.'),
    account: accountSchema.optional().describe('The AWS account the stacks run in; omitted: a fresh account with a default VPC in every region.'),
    allowList: allowListSchema.optional().describe("A partner that allow-lists the entry point's addresses: only fixed addresses (NLB, Global Accelerator) keep reaching it."),
    sessions: sessionsSchema.optional().describe("Logged-in users whose sessions live in the instance's memory: without stickiness or a shared session store, a request on another instance fails."),
    application: applicationSchema.optional().describe('The paths the application serves (200 OK); a health check on any other path gets 404. Omitted: every path answers 200.'),
    office: officeSchema.optional().describe("An on-premises office whose staff reach the applications' private addresses over a VPN."),
    /** The resource kinds players may place; omitted: all of them. */
    allowedKinds: z.array(z.enum(RESOURCE_KINDS)).min(1).optional(),
    traffic: z.array(trafficSchema).min(1).describe('Users per world area: baseline requests per second and an optional 24-hour curve.'),
    mix: mixSchema.describe('Shares of static, dynamic read and write requests (they add up to 1).'),
    events: z.array(scenarioEventSchema).default([]).describe('Timed events; any of them may carry an announcement shown leadS seconds ahead.'),
    random: z.array(randomEventSchema).default([]).describe('Seeded random events: count copies of an event at times drawn within a range.'),
    objectives: z.array(objectiveSchema).default([]).describe('Objectives; stars are earned only when every primary one is met.'),
    /** Scores (0–1000) that earn one, two and three stars once every primary objective is met. */
    stars: z
      .tuple([z.number(), z.number(), z.number()])
      .refine((s) => s[0] <= s[1] && s[1] <= s[2], { message: 'star thresholds must not decrease' })
      .default([400, 600, 800]),
    /** Tips for the briefing, shown before play. */
    hints: z.array(z.string()).default([]),
    /** Tips shown during play while their condition holds on the running world. */
    liveHints: z.array(liveHintSchema).default([]),
    /** Designs that prove the scenario: one meets every primary objective, the other misses one. */
    solutions: z.object({ reference: designSourceSchema, naive: designSourceSchema }).optional(),
    level: levelOriginSchema.optional().describe('Set by the server on a match made from a published level: its code and version.'),
  })
  .refine((s) => s.events.every((e) => e.atS <= s.durationS), { message: 'an event starts after the scenario ends' })
  .refine((s) => s.events.every((e) => !e.announce || e.announce.leadS <= e.atS), {
    message: 'an announcement cannot come before the scenario starts (leadS is more than atS)',
  })
  .refine((s) => !s.allowList || s.allowList.addressesChangeAtS <= s.durationS, { message: 'the addresses change after the scenario ends' })
  .refine((s) => !s.sessions || s.sessions.fromS <= s.durationS, { message: 'logins open after the scenario ends' })
  .refine((s) => s.random.every((r) => r.within[1] <= s.durationS), { message: 'a random event can fall after the scenario ends' })
  .refine((s) => new Set(s.traffic.map((t) => t.area)).size === s.traffic.length, {
    message: 'each area appears once in traffic',
  })
  .refine((s) => new Set(s.objectives.map((o) => o.id)).size === s.objectives.length, {
    message: 'objective ids must be unique',
  })
  .refine((s) => new Set(s.liveHints.map((h) => h.id)).size === s.liveHints.length, {
    message: 'live hint ids must be unique',
  })
  .refine(
    (s) => new Set([...s.events, ...s.random.map((r) => r.event)].flatMap((e) => (e.type === 'dependency-slowdown' ? [e.params.dependency] : []))).size <= 1,
    { message: 'the application has one dependency: every dependency-slowdown names the same one' },
  );

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Objective = z.output<typeof objectiveSchema>;
export type ObjectiveMetric = (typeof objectiveMetrics)[number];
export type ScenarioStart = z.output<typeof startSchema>;
export type AllowList = z.output<typeof allowListSchema>;
export type Sessions = z.output<typeof sessionsSchema>;
export type Application = z.output<typeof applicationSchema>;
export type Office = z.output<typeof officeSchema>;
export type InlineDesign = z.output<typeof inlineDesignSchema>;
export type DesignSource = z.output<typeof designSourceSchema>;
export type LevelOrigin = z.output<typeof levelOriginSchema>;
