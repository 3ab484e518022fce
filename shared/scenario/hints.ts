// Live hints: a tip shown while a condition holds on the running world (shared/sim/hints.ts evaluates them).
// The conditions are a small fixed language, each a question a mentor would ask looking at the board and
// the consoles; thresholds have defaults so a scenario can simply name the condition.

import { z } from 'zod';

const share = z.number().min(0).max(1);
const percent = z.number().min(0).max(100);

export const hintConditionSchema = z.discriminatedUnion('condition', [
  /** A load balancer does not enable a zone where one of its targets runs (those targets get no traffic). */
  z.object({ condition: z.literal('lb-disabled-zone') }),
  /** Every running instance is in one zone. */
  z.object({ condition: z.literal('single-zone') }),
  /** Every server (instance, load balancer) is in one region while users come from several areas. */
  z.object({ condition: z.literal('single-region') }),
  /** Users reach an instance directly: no load balancer in front of it. */
  z.object({ condition: z.literal('no-load-balancer') }),
  /** A fleet whose size nothing changes: static instances, or a group without a policy or schedule. */
  z.object({ condition: z.literal('no-scaling-policy') }),
  /** No scheduled action on any Auto Scaling group. */
  z.object({ condition: z.literal('no-scheduled-action') }),
  /** A group's average (or a lone instance's) CPU is above the threshold. */
  z.object({ condition: z.literal('cpu-high'), above: percent.default(80) }),
  /** The serving instances average below the threshold (more capacity than the traffic needs). */
  z.object({ condition: z.literal('cpu-low'), below: percent.default(20) }),
  /** Every available database is below the threshold. */
  z.object({ condition: z.literal('db-cpu-low'), below: percent.default(20) }),
  /** A database's CPU is above the threshold. */
  z.object({ condition: z.literal('db-cpu-high'), above: percent.default(80) }),
  /** A primary database without a Multi-AZ standby. */
  z.object({ condition: z.literal('single-az-database') }),
  /** A primary database without a read replica. */
  z.object({ condition: z.literal('no-read-replica') }),
  /** The linear forecast (spend so far ÷ time so far × duration) is above the scenario's budget. */
  z.object({ condition: z.literal('budget-forecast-over') }),
  /** At least `minStatic` of the requests are static and no CloudFront distribution serves them. */
  z.object({ condition: z.literal('no-cdn-for-static'), minStatic: share.default(0.3) }),
  /** The front door's DNS answers are cached longer than `aboveS` seconds. */
  z.object({ condition: z.literal('dns-ttl-long'), aboveS: z.number().int().positive().default(120) }),
  /** Users enter through Route 53 rather than a Global Accelerator. */
  z.object({ condition: z.literal('no-accelerator') }),
  /** Users of an area with traffic are more than `aboveMs` round trip from every region that serves them. */
  z.object({ condition: z.literal('far-users'), aboveMs: z.number().positive().default(100) }),
  /** More than `above` of the last step's user requests failed or were shed. */
  z.object({ condition: z.literal('errors-high'), above: share.default(0.01) }),
  /** The last step's p95 latency is above the scenario's objective. */
  z.object({ condition: z.literal('latency-high') }),
  /** Instances launched with leaked credentials are running. */
  z.object({ condition: z.literal('rogue-instances') }),
  /** An instance's database is in a VPC of the same region that its VPC is not peered or attached with. */
  z.object({ condition: z.literal('vpc-unreachable') }),
  /** A running instance the scenario's on-premises office has no VPN route to (shared/sim/office.ts). */
  z.object({ condition: z.literal('office-unreachable') }),
  /** Two VPCs of the design have overlapping address ranges (AWS refuses to peer them). */
  z.object({ condition: z.literal('overlapping-cidrs') }),
  /**
   * Every registered target of a target group is unhealthy while some of them run (the console's target health,
   * CloudWatch UnHealthyHostCount): the load balancer fails open, often a health check on the wrong path.
   */
  z.object({ condition: z.literal('targets-all-unhealthy') }),
  /**
   * The application's log shows ERROR lines (failed calls to a slowing dependency, shared/sim/dependency.ts) at
   * more than `above` a minute: what a look at the log group would find before users do.
   */
  z.object({ condition: z.literal('app-log-errors'), above: z.number().nonnegative().default(10) }),
]);

export const liveHintSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'hint ids are lower-case words joined by dashes' }),
    when: hintConditionSchema,
    /** Only from this time (e.g. after the announcement the hint is about). */
    afterS: z.number().int().nonnegative().default(0),
    /** Only before this time; omitted: to the end. */
    beforeS: z.number().int().positive().optional(),
    text: z.object({ en: z.string().min(1), ko: z.string().min(1).optional() }),
  })
  .refine((h) => h.beforeS === undefined || h.beforeS > h.afterS, { message: 'a hint needs beforeS after afterS' });

export type HintCondition = z.output<typeof hintConditionSchema>;
export type LiveHint = z.output<typeof liveHintSchema>;
export const HINT_CONDITIONS = hintConditionSchema.options.map((o) => o.shape.condition.value);
