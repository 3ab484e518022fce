// The catalogue's shape, checked when the module loads: a mistyped price or a missing explanation is a bug
// found at start-up by every test, not a wrong number on a student's screen.

import { z } from 'zod';
import { curveSchema, figureSchema } from './figure.ts';

const explained = <T extends z.ZodType>(value: T) =>
  z.object({ value, unit: z.string().min(1), explain: z.string().min(12) });

const areaNumbers = z.object({
  'north-america': z.number().nonnegative(),
  'south-america': z.number().nonnegative(),
  europe: z.number().nonnegative(),
  asia: z.number().nonnegative(),
});

const positive = figureSchema.refine((f) => f.value > 0, { message: 'must be positive' });

const instanceTypeSchema = z.object({
  vCpus: positive,
  memoryGiB: positive,
  hourlyUsd: positive,
  capacityRps: positive,
  baseLatencyMs: positive,
});

const databaseClassSchema = z.object({
  vCpus: positive,
  memoryGiB: positive,
  hourlyUsd: positive,
  capacityQps: positive,
  baseQueryMs: positive,
});

const figures = z.record(z.string(), figureSchema);

const loadBalancerTypeSchema = z.object({
  hourlyUsd: figureSchema,
  perMillionRequestsUsd: figureSchema,
  addedLatencyMs: figureSchema,
  healthCheckIntervalS: positive,
  healthyThreshold: positive,
  unhealthyThreshold: positive,
  crossZoneDefault: figureSchema,
  crossZonePerGbUsd: figureSchema,
});

const nonDecreasing = (c: { points: [number, number][] }) =>
  c.points.every((p, i) => i === 0 || p[1] >= c.points[i - 1]![1]);

export const catalogueSchema = z.object({
  hoursPerMonth: positive,
  regionPriceFactor: z.record(z.string(), positive),
  instanceTypes: z.record(z.string().regex(/^[a-z0-9]+\.[a-z0-9]+$/), instanceTypeSchema),
  ec2: figures,
  autoScaling: figures,
  databaseClasses: z.record(z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/), databaseClassSchema),
  database: figures,
  vpc: figures,
  peering: figures,
  transitGateway: figures,
  vpn: figures,
  natGateway: figures,
  sessionStore: figures,
  cloudWatchLogs: figures,
  dataTransfer: figures,
  loadBalancers: z.object({ application: loadBalancerTypeSchema, network: loadBalancerTypeSchema }),
  loadBalancing: figures,
  networkLoadBalancer: figures,
  gatewayLoadBalancer: figures,
  cloudFront: z.object({
    hourlyUsd: figureSchema,
    egressPerGbUsdByArea: explained(areaNumbers),
    perTenThousandRequestsUsdByArea: explained(areaNumbers),
    originFetchPerGbUsd: figureSchema,
    edgeServiceMs: figureSchema,
    defaultTtlS: figureSchema,
    staticHitRatioByTtl: curveSchema.refine(nonDecreasing, { message: 'hit ratio must not fall with TTL' }),
    floodAbsorbedShare: figureSchema.refine((f) => f.value <= 1, { message: 'a share is at most 1' }),
    priceClassAreas: explained(z.record(z.string(), z.array(z.string()))),
    outsidePriceClassExtraMs: figureSchema,
  }),
  route53: figures,
  globalAccelerator: z.object({
    hourlyUsd: figureSchema,
    premiumPerGbUsdByArea: explained(areaNumbers),
    healthCheckIntervalS: positive,
    thresholdCount: positive,
    addedLatencyMs: figureSchema,
  }),
  waf: figures,
  bucket: figures,
  cloudWatch: figures,
  flowLogs: figures,
  budgets: figures,
  recovery: figures,
  sns: figures,
  requests: figures,
  requestShapes: explained(
    z
      .array(z.object({ method: z.string().min(1), host: z.string().min(1), path: z.string().startsWith('/'), headers: z.record(z.string(), z.string()) }))
      .length(4),
  ),
  service: z.object({
    queueingCurve: curveSchema.refine(nonDecreasing, { message: 'latency must not fall as utilisation rises' }),
    latencySpread: explained(z.array(z.tuple([z.number().positive(), z.number().positive()])).min(1)).refine(
      (s) => Math.abs(s.value.reduce((sum, p) => sum + p[1], 0) - 1) < 1e-9,
      { message: 'latency spread shares must add up to 1' },
    ),
    sameZoneRttMs: figureSchema,
    crossZoneRttMs: figureSchema,
    backboneFactor: positive,
  }),
});
