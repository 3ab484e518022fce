// Edge and global services: CloudFront, Route 53, Global Accelerator, WAF (us-east-1 / North America prices).

import { figure, type Curve } from './figure.ts';

const areaPrices = (na: number, sa: number, eu: number, asia: number) => ({
  'north-america': na,
  'south-america': sa,
  europe: eu,
  asia,
});

export const cloudFront = {
  hourlyUsd: figure(0, 'USD/hour', 'A CloudFront distribution has no hourly charge: you pay per request and per GB.'),
  // First 10 TB/month tier; the game does not model volume tiers.
  egressPerGbUsdByArea: {
    value: areaPrices(0.085, 0.11, 0.085, 0.12),
    unit: 'USD/GB',
    explain: 'CloudFront data transfer out to users, per GB, priced by the area the edge location serves.',
  },
  perTenThousandRequestsUsdByArea: {
    value: areaPrices(0.01, 0.022, 0.01, 0.012),
    unit: 'USD/10k requests',
    explain: 'CloudFront HTTPS requests, per 10,000, priced by the area of the edge location.',
  },
  originFetchPerGbUsd: figure(
    0,
    'USD/GB',
    'Data from an AWS origin (load balancer, instance, bucket) to CloudFront is free; the origin pays no internet egress for it.',
  ),
  edgeServiceMs: figure(2, 'ms', 'Time an edge location needs to serve a cached object.'),
  defaultTtlS: figure(86400, 's', 'Default TTL of a cache behaviour when the template gives none (CloudFront default: one day).'),
  // Game balance: the real hit ratio depends on the number of distinct objects and their popularity; the game
  // reads it from the TTL alone so a player can reason about it.
  staticHitRatioByTtl: {
    points: [
      [0, 0],
      [60, 0.5],
      [300, 0.7],
      [3600, 0.85],
      [86400, 0.93],
      [31536000, 0.97],
    ],
    xUnit: 's',
    yUnit: 'ratio',
    explain: 'Share of cacheable (static) requests served from the edge cache, read from the cache TTL: a longer TTL keeps objects cached longer.',
  } satisfies Curve,
  // Game balance: Shield Standard absorbs network-layer floods at the edge and cached answers absorb most
  // application-layer ones; cache-busting floods still reach the origin.
  floodAbsorbedShare: figure(
    0.9,
    'ratio',
    'Share of a flood that CloudFront absorbs at the edge (network-layer floods and cached answers); the rest reaches the origin.',
  ),
  priceClassAreas: {
    value: {
      PriceClass_100: ['north-america', 'europe'],
      PriceClass_200: ['north-america', 'europe', 'asia'],
      PriceClass_All: ['north-america', 'europe', 'asia', 'south-america'],
    },
    unit: 'areas',
    explain: 'Areas whose users are served from a nearby edge under each price class; others use a farther edge.',
  },
  outsidePriceClassExtraMs: figure(
    60,
    'ms',
    'Round-trip time users add when their area is outside the distribution price class and a farther edge serves them.',
  ),
};

export const route53 = {
  hostedZoneMonthUsd: figure(0.5, 'USD/month', 'A hosted zone costs this per month (billed by the hour in the game).'),
  perMillionQueriesUsd: figure(0.4, 'USD/million queries', 'Standard DNS queries (simple, weighted, failover routing).'),
  perMillionLatencyQueriesUsd: figure(0.6, 'USD/million queries', 'Latency-based routing queries cost more than standard ones.'),
  aliasQueriesFree: figure(1, 'yes/no', 'Queries for alias records that point at AWS resources (load balancer, CloudFront, bucket) are free.'),
  // Game balance: the number of DNS lookups depends on resolvers and clients; the game assumes one lookup per 50
  // requests at a 60-second TTL, scaled inversely with the TTL.
  queriesPerRequestAtTtl60: figure(
    0.02,
    'queries/request',
    'DNS lookups per request at a 60 s TTL; a shorter TTL means proportionally more lookups (and faster failover).',
  ),
  healthCheckMonthUsd: figure(0.5, 'USD/month', 'A basic health check of an AWS endpoint costs this per month.'),
  fastHealthCheckMonthUsd: figure(1, 'USD/month', 'A fast-interval (10 s) health check costs this much extra per month.'),
  healthCheckIntervalS: figure(30, 's', 'Default Route 53 health check interval (10 s for a fast check).'),
  failureThreshold: figure(3, 'checks', 'Default consecutive failed checks before Route 53 considers an endpoint unhealthy.'),
  defaultTtlS: figure(300, 's', 'TTL the console proposes for a record that is not an alias; resolvers keep an answer this long.'),
  aliasTtlS: figure(60, 's', 'Alias records to a load balancer use the load balancer TTL of 60 s.'),
  maxRecordWeight: figure(
    255,
    'weight',
    "A weighted record's weight (0–255): it gets its weight over the sum of the healthy records' weights. A zero-weight " +
      'record answers only when every record with a weight is unhealthy. A simple record has no health check: clients ' +
      'pick among its values evenly, and a value that stops answering keeps failing the clients that picked it.',
  ),
};

export const globalAccelerator = {
  hourlyUsd: figure(0.025, 'USD/hour', 'A Global Accelerator costs this per hour whether or not it carries traffic.'),
  // Real DT-Premium depends on source and destination region pair ($0.015–$0.105); one figure per user area here.
  premiumPerGbUsdByArea: {
    value: areaPrices(0.015, 0.05, 0.015, 0.035),
    unit: 'USD/GB',
    explain: 'Data transfer premium for traffic carried over the AWS backbone, on top of normal egress, by user area.',
  },
  healthCheckIntervalS: figure(30, 's', 'Default interval of Global Accelerator endpoint health checks (10 s possible).'),
  thresholdCount: figure(3, 'checks', 'Consecutive failed checks before an endpoint is unhealthy; failover needs no DNS TTL.'),
  addedLatencyMs: figure(1, 'ms', 'Time the accelerator edge adds to a request before the backbone carries it.'),
};

export const waf = {
  webAclMonthUsd: figure(5, 'USD/month', 'A WAF web ACL costs this per month.'),
  ruleMonthUsd: figure(1, 'USD/month', 'Each rule in a web ACL costs this per month.'),
  perMillionRequestsUsd: figure(0.6, 'USD/million requests', 'Every request inspected by a web ACL costs this per million.'),
  // Game balance: real users behind a corporate proxy or carrier NAT share an address; the game assumes the
  // busiest legitimate source sends this many requests per 5 minutes.
  userRequestsPer5MinPerSource: figure(
    300,
    'requests/5 min',
    'Requests the busiest legitimate source address sends in 5 minutes: a rate limit below it blocks real users.',
  ),
  floodRequestsPer5MinPerSource: figure(
    3000,
    'requests/5 min',
    'Requests one flooding address sends in 5 minutes unless the scenario says otherwise.',
  ),
  minRateLimit: figure(100, 'requests/5 min', 'Lowest rate a rate-based rule accepts (the AWS minimum is 10 since 2024; the game keeps 100).'),
};
