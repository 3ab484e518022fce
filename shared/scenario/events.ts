// Scenario events: what the scenario throws at a design, at a time (timed events) or at a seeded random
// time between two given times (random events). Each kind is written once as a shape; the timed and the random
// forms are built from the same shapes so they cannot drift. Times are simulated seconds from the start.

import { z } from 'zod';
import { catalogue } from '../catalogue/index.ts';
import { AREAS, isRegion, regionOfZone } from '../geography/regions.ts';
import { ingressRuleSchema } from '../sim/security-group-actions.ts';

const areaCodes = AREAS.map((a) => a.code) as [string, ...string[]];
export const areaSchema = z.enum(areaCodes as ['north-america', 'south-america', 'europe', 'asia']);
export const zoneSchema = z.string().refine((z) => regionOfZone(z) !== undefined, { message: 'not a known availability zone' });
export const regionSchema = z.string().refine(isRegion, { message: 'not a known region' });
const atS = z.number().int().nonnegative();
const durationS = z.number().int().positive();
/** A resource named the way its author named it: logical id, and the stack when it is ambiguous. */
const resourceRef = { target: z.string().min(1).optional(), stack: z.string().min(1).optional() };

/** The services a price change can apply to: the lines of the bill (Cost Explorer's grouping). */
export const PRICED_SERVICES = ['compute', 'database', 'balancing', 'transfer', 'edge', 'other'] as const;
export type PricedService = (typeof PRICED_SERVICES)[number];

/** An IAM user name as IAM accepts it. */
const userName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { message: 'an IAM user name is 1–64 letters, digits and +=,.@_-' });

const shapes = {
  instanceFailure: {
    type: z.literal('instance-failure'),
    // Which EC2 status check the failure fails (shared/sim/instance-actions.ts): "system" (the default) when the
    // host fails (lost power or network, a hardware fault), "instance" when the instance's own OS does.
    params: z
      .object({ count: z.number().int().positive().default(1), zone: zoneSchema.optional(), check: z.enum(['system', 'instance']).optional(), ...resourceRef })
      .default({ count: 1 }),
  },
  azOutage: { type: z.literal('az-outage'), durationS: durationS.optional(), params: z.object({ zone: zoneSchema }) },
  regionOutage: { type: z.literal('region-outage'), durationS: durationS.optional(), params: z.object({ region: regionSchema }) },
  dbFailure: { type: z.literal('db-failure'), params: z.object(resourceRef).default({}) },
  /** A database taken out of service for good (an engine at its end of support): it leaves the board. */
  dbRetirement: { type: z.literal('db-retirement'), params: z.object({ target: z.string().min(1), stack: z.string().min(1).optional() }) },
  /**
   * A team's stack arrives: the design's stack of that name is created at atS (until then none of its resources
   * exist). Its template and parameters are the design's: what the team's stack connects to (a Transit Gateway
   * it attaches itself to, peerings, nothing) is decided there (shared/sim/arrival.ts). Timed only.
   */
  stackArrival: { type: z.literal('stack-arrival'), params: z.object({ stack: z.string().min(1) }) },
  interRegionDegradation: {
    type: z.literal('inter-region-degradation'),
    durationS: durationS.optional(),
    params: z.object({
      addedMs: z.number().nonnegative().default(0),
      lossPct: z.number().min(0).max(100).default(0),
      /** Only paths touching this region; omitted: every inter-region path. */
      region: regionSchema.optional(),
    }),
  },
  flood: {
    type: z.literal('flood'),
    durationS: durationS.optional(),
    params: z
      .object({
        area: areaSchema,
        /** Flood requests per second; or `multiplier` of the area's baseline. */
        rps: z.number().nonnegative().optional(),
        multiplier: z.number().nonnegative().optional(),
        /** Requests per 5 minutes each flooding address sends (what a WAF rate rule compares). */
        perSourceRate: z.number().positive().optional(),
      })
      .refine((p) => p.rps !== undefined || p.multiplier !== undefined, { message: 'a flood needs rps or multiplier' }),
  },
  ...spikeShapes(),
  budgetCut: { type: z.literal('budget-cut'), params: z.object({ amountUsd: z.number().nonnegative() }) },
  priceChange: {
    type: z.literal('price-change'),
    durationS: durationS.optional(),
    params: z.object({
      /** The line of the bill whose prices change (every price on it, in every region). */
      service: z.enum(PRICED_SERVICES),
      /** New price = catalogue price × multiplier (1.3 is a 30% rise). */
      multiplier: z.number().positive().max(100),
    }),
  },
  leakedCredentials: {
    type: z.literal('leaked-credentials'),
    /** Omitted: until the credentials are revoked (the `revoke-credentials` action). */
    durationS: durationS.optional(),
    params: z.object({
      /** The IAM user whose access key leaked: the rogue launches are recorded as this user's API calls. */
      user: userName,
      region: regionSchema.default('us-east-1'),
      instanceType: z
        .string()
        .refine((t) => catalogue.instanceTypes[t] !== undefined, { message: 'not an instance type of the catalogue' })
        .default('c5.2xlarge'),
      /** Instances each launch starts. */
      count: z.number().int().positive().max(20).default(2),
      /** Seconds between launches (the first is at the event's time). */
      everyS: z.number().int().min(60).default(600),
      /**
       * The public IPv4 address the attacker calls from (aws:SourceIp); omitted: 198.51.100.77
       * (shared/iam/source-ip.ts). A policy denying calls from outside the office stops them.
       */
      sourceIp: z
        .string()
        .regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, { message: 'an IPv4 address' })
        .optional(),
      /**
       * With each launch the key's holder also reads the objects of every S3 bucket on the board (s3:GetObject,
       * CloudTrail data events: logged only by a trail whose event selectors enable them; shared/match/data-events.ts).
       */
      exfiltrates: z.boolean().optional(),
    }),
  },
  /**
   * A bad release: from atS the instances of `stack` (or only those named `target` in it) answer a share of
   * their requests with errors. Only the traffic that reaches them fails, so a weighted DNS record that sends
   * a new version 10% of the traffic loses 10% of that share (shared/sim/release.ts).
   */
  release: {
    type: z.literal('release'),
    /** Omitted: until the end of the scenario (nobody rolls the release back for the player). */
    durationS: durationS.optional(),
    params: z.object({
      stack: z.string().min(1),
      target: z.string().min(1).optional(),
      /** Share of the requests these instances answer with an error (percent). */
      errorPct: z.number().min(0).max(100),
    }),
  },
  /**
   * A colleague changes a security group by hand (shared/sim/colleague.ts): at atS the IAM user `user` calls
   * RevokeSecurityGroupIngress (or AuthorizeSecurityGroupIngress) on the group `target` with `rule`, through the
   * same rule change a player's action makes. Nobody announces it: it shows in CloudTrail as that user's call.
   */
  securityGroupChange: {
    type: z.literal('security-group-change'),
    params: z.object({
      user: userName,
      target: z.string().min(1),
      stack: z.string().min(1).optional(),
      change: z.enum(['revoke', 'authorize']).default('revoke'),
      rule: ingressRuleSchema,
    }),
  },
  /**
   * A dependency of the application slowly failing: from atS the answers of a downstream service every order (a
   * write request) calls (a payment provider, say) take longer, from fromMs to toMs over rampS. Each instance holds a
   * pool of poolSize connections to it; a call that finds every connection busy fails, is logged as an ERROR
   * and retried up to `retries` times; the user's request fails only when every attempt does
   * (shared/sim/dependency.ts). The instances' CPU does not rise: they wait, they do not work. Never announced.
   */
  dependencySlowdown: {
    type: z.literal('dependency-slowdown'),
    /** Omitted: until the end of the scenario. */
    durationS: durationS.optional(),
    params: z.object({
      /** The dependency's name, as the application's log lines write it. */
      dependency: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, { message: 'a lower-case name of letters, digits and dashes' }),
      fromMs: z.number().positive(),
      toMs: z.number().positive(),
      rampS: z.number().int().nonnegative().default(0),
      /** Connections each instance's pool keeps to the dependency. */
      poolSize: z.number().int().positive().max(1000),
      /** Retries after a failed call (attempts = retries + 1). */
      retries: z.number().int().min(0).max(4).default(2),
      /** Only the instances of this stack; omitted: every instance. */
      stack: z.string().min(1).optional(),
    }),
  },
  announcement: {
    type: z.literal('announcement'),
    params: z.object({ message: z.string().min(1), messageKo: z.string().min(1).optional() }),
  },
};

function spikeShapes() {
  const spike = (type: 'traffic-spike' | 'flash-crowd') => ({
    type: z.literal(type),
    durationS: durationS.optional(),
    params: z.object({
      multiplier: z.number().nonnegative(),
      /** Areas affected; omitted: all. */
      areas: z.array(areaSchema).optional(),
      /** Seconds to ramp from 1× to the multiplier (a flash crowd defaults to 60, a spike to 600). */
      rampS: z.number().int().nonnegative().optional(),
    }),
  });
  return { trafficSpike: spike('traffic-spike'), flashCrowd: spike('flash-crowd') };
}

/** A warning shown `leadS` seconds before the event starts (in the timeline and the room's event feed). */
export const announceSchema = z.object({
  leadS: z.number().int().positive(),
  message: z.string().min(1),
  messageKo: z.string().min(1).optional(),
});

const timed = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, atS, announce: announceSchema.optional() });

export const scenarioEventSchema = z.discriminatedUnion('type', [
  timed(shapes.instanceFailure),
  timed(shapes.azOutage),
  timed(shapes.regionOutage),
  timed(shapes.dbFailure),
  timed(shapes.dbRetirement),
  timed(shapes.stackArrival),
  timed(shapes.interRegionDegradation),
  timed(shapes.flood),
  timed(shapes.trafficSpike),
  timed(shapes.flashCrowd),
  timed(shapes.budgetCut),
  timed(shapes.priceChange),
  timed(shapes.leakedCredentials),
  timed(shapes.announcement),
  timed(shapes.release),
  timed(shapes.securityGroupChange),
  timed(shapes.dependencySlowdown),
]);

/** An event without its time: what a random event draws a time for. */
export const untimedEventSchema = z.discriminatedUnion('type', [
  z.object(shapes.instanceFailure),
  z.object(shapes.azOutage),
  z.object(shapes.regionOutage),
  z.object(shapes.dbFailure),
  z.object(shapes.dbRetirement),
  z.object(shapes.interRegionDegradation),
  z.object(shapes.flood),
  z.object(shapes.trafficSpike),
  z.object(shapes.flashCrowd),
  z.object(shapes.budgetCut),
  z.object(shapes.priceChange),
  z.object(shapes.leakedCredentials),
  z.object(shapes.announcement),
  z.object(shapes.release),
  z.object(shapes.securityGroupChange),
  z.object(shapes.dependencySlowdown),
]);

const range = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([a, b]) => a <= b, { message: 'a range is [lowest, highest]' });

/**
 * Seeded random events: between count[0] and count[1] copies of `event`, each at a time drawn inside `within`
 * (seconds from the start), drawn once from the world's seeded generator when the world is created, so the
 * same seed always gives the same events and a replay is exact. Players never see the drawn times.
 */
export const randomEventSchema = z.object({
  count: range,
  within: range,
  event: untimedEventSchema,
});

export type ScenarioEvent = z.output<typeof scenarioEventSchema>;
export type ScenarioEventType = ScenarioEvent['type'];
export type RandomEvent = z.output<typeof randomEventSchema>;
export type Announce = z.output<typeof announceSchema>;
