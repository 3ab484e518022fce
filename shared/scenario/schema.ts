// The scenario format: what a scenario file says, checked by zod at the edge. Durations and times are
// simulated seconds from the start of the scenario.

import { z } from 'zod';
import { AREAS, isRegion, regionOfZone } from '../geography/regions.ts';

const areaCodes = AREAS.map((a) => a.code) as [string, ...string[]];
export const areaSchema = z.enum(areaCodes as ['north-america', 'south-america', 'europe', 'asia']);
const zoneSchema = z.string().refine((z) => regionOfZone(z) !== undefined, { message: 'not a known availability zone' });
const regionSchema = z.string().refine(isRegion, { message: 'not a known region' });
const atS = z.number().int().nonnegative();
const durationS = z.number().int().positive();
/** A resource named the way its author named it: logical id, and the stack when it is ambiguous. */
const resourceRef = { target: z.string().min(1).optional(), stack: z.string().min(1).optional() };

const trafficSchema = z.object({
  area: areaSchema,
  baselineRps: z.number().nonnegative(),
  /** 24 multipliers, one per hour of day (UTC); the curve is linear between them. Omitted: flat. */
  dailyCurve: z.array(z.number().nonnegative()).length(24).optional(),
});

const mixSchema = z
  .object({ static: z.number().nonnegative(), read: z.number().nonnegative(), write: z.number().nonnegative() })
  .refine((m) => Math.abs(m.static + m.read + m.write - 1) < 1e-6, { message: 'the request mix must add up to 1' });

export const scenarioEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('instance-failure'),
    atS,
    params: z.object({ count: z.number().int().positive().default(1), zone: zoneSchema.optional(), ...resourceRef }).default({ count: 1 }),
  }),
  z.object({ type: z.literal('az-outage'), atS, durationS: durationS.optional(), params: z.object({ zone: zoneSchema }) }),
  z.object({ type: z.literal('region-outage'), atS, durationS: durationS.optional(), params: z.object({ region: regionSchema }) }),
  z.object({ type: z.literal('db-failure'), atS, params: z.object(resourceRef).default({}) }),
  z.object({
    type: z.literal('inter-region-degradation'),
    atS,
    durationS: durationS.optional(),
    params: z.object({
      addedMs: z.number().nonnegative().default(0),
      lossPct: z.number().min(0).max(100).default(0),
      /** Only paths touching this region; omitted: every inter-region path. */
      region: regionSchema.optional(),
    }),
  }),
  z.object({
    type: z.literal('flood'),
    atS,
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
  }),
  ...(['traffic-spike', 'flash-crowd'] as const).map((type) =>
    z.object({
      type: z.literal(type),
      atS,
      durationS: durationS.optional(),
      params: z.object({
        multiplier: z.number().nonnegative(),
        /** Areas affected; omitted: all. */
        areas: z.array(areaSchema).optional(),
        /** Seconds to ramp from 1× to the multiplier (a flash crowd defaults to 60, a spike to 600). */
        rampS: z.number().int().nonnegative().optional(),
      }),
    }),
  ),
  z.object({ type: z.literal('budget-cut'), atS, params: z.object({ amountUsd: z.number().nonnegative() }) }),
  z.object({ type: z.literal('announcement'), atS, params: z.object({ message: z.string().min(1) }) }),
]);

export const objectiveMetrics = [
  'availability',
  'nines',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'cost',
  'revenue',
  'profit',
] as const;

export const objectiveSchema = z.object({
  id: z.string().min(1),
  primary: z.boolean().default(false),
  metric: z.enum(objectiveMetrics),
  comparison: z.enum(['>=', '<=', '>', '<']),
  target: z.number(),
  description: z.string().optional(),
});

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'ids are lower-case words joined by dashes' }),
    title: z.string().min(1),
    teachingGoal: z.string().optional(),
    durationS: z.number().int().positive().max(7 * 86400),
    budgetUsd: z.number().nonnegative(),
    /** The p95 latency users accept; good requests above it earn no revenue. */
    latencyObjectiveMs: z.number().positive(),
    revenuePerGoodRequestUsd: z.number().nonnegative().default(0),
    /** Hour of day (UTC) at the start of the scenario, for the daily curves. */
    startHour: z.number().min(0).max(24).default(0),
    traffic: z.array(trafficSchema).min(1),
    mix: mixSchema,
    events: z.array(scenarioEventSchema).default([]),
    objectives: z.array(objectiveSchema).default([]),
    /** Scores (0–1000) that earn one, two and three stars once every primary objective is met. */
    stars: z
      .tuple([z.number(), z.number(), z.number()])
      .refine((s) => s[0] <= s[1] && s[1] <= s[2], { message: 'star thresholds must not decrease' })
      .default([400, 600, 800]),
    hints: z.array(z.string()).default([]),
  })
  .refine((s) => s.events.every((e) => e.atS <= s.durationS), { message: 'an event starts after the scenario ends' })
  .refine((s) => new Set(s.traffic.map((t) => t.area)).size === s.traffic.length, {
    message: 'each area appears once in traffic',
  })
  .refine((s) => new Set(s.objectives.map((o) => o.id)).size === s.objectives.length, {
    message: 'objective ids must be unique',
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioEvent = z.output<typeof scenarioEventSchema>;
export type Objective = z.output<typeof objectiveSchema>;
export type ObjectiveMetric = (typeof objectiveMetrics)[number];
