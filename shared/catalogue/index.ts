// The component catalogue: every price, capacity, latency, limit and timing the game uses, each with its
// unit and a one-sentence explanation. Validated against its schema when this module loads.

import { REGIONS } from '../geography/regions.ts';
import { autoScaling, ec2, instanceTypes } from './compute.ts';
import { database, databaseClasses } from './database.ts';
import { cloudFront, globalAccelerator, route53, waf } from './edge.ts';
import { figure, type Figure } from './figure.ts';
import { dataTransfer, loadBalancers, loadBalancing, natGateway, peering, sessionStore, transitGateway, vpc, vpn } from './network.ts';
import { networkLoadBalancer } from './network-load-balancer.ts';
import { gatewayLoadBalancer } from './gateway-load-balancer.ts';
import { bucket, budgets, cloudWatch, recovery, reservedInstances, savingsPlans, sns } from './operations.ts';
import { flowLogs } from './flow-logs.ts';
import { cloudWatchLogs } from './log-pricing.ts';
import { catalogueSchema } from './schema.ts';
import { requestShapes } from './request-shapes.ts';
import { requests, service } from './traffic.ts';

export type { Curve, Figure } from './figure.ts';
export { readCurve } from './figure.ts';
export type { InstanceTypeEntry } from './compute.ts';
export type { DatabaseClassEntry } from './database.ts';
export type { LoadBalancerTypeEntry } from './network.ts';
export { CLASSIC_ELB } from './network.ts';
export { NLB_LISTENER_PROTOCOLS } from './network-load-balancer.ts';
export { GWLB_TARGET_PORT, GWLB_TARGET_PROTOCOL } from './gateway-load-balancer.ts';
export type { RequestShape } from './request-shapes.ts';
export { SITE_HOST } from './request-shapes.ts';
export { catalogueSchema } from './schema.ts';

const regionPriceFactor: Record<string, Figure> = Object.fromEntries(
  REGIONS.map((r) => [
    r.code,
    figure(r.priceFactor, '×', `Prices in ${r.name} are this multiple of us-east-1 prices (a rounded average over services).`),
  ]),
);

export const catalogue = {
  hoursPerMonth: figure(730, 'hours', 'Monthly prices are divided by 730 hours to bill them by the hour, as AWS does.'),
  regionPriceFactor,
  instanceTypes,
  ec2,
  autoScaling,
  databaseClasses,
  database,
  vpc,
  peering,
  transitGateway,
  vpn,
  natGateway,
  sessionStore,
  cloudWatchLogs,
  dataTransfer,
  loadBalancers,
  loadBalancing,
  networkLoadBalancer,
  gatewayLoadBalancer,
  cloudFront,
  route53,
  globalAccelerator,
  waf,
  bucket,
  cloudWatch,
  flowLogs,
  budgets,
  sns,
  savingsPlans,
  recovery,
  reservedInstances,
  requests,
  requestShapes,
  service,
};

export type Catalogue = typeof catalogue;

// Fail at load: a broken catalogue must never reach a running match.
const checked = catalogueSchema.safeParse(catalogue);
if (!checked.success) {
  throw new Error(`the component catalogue is invalid: ${checked.error.message}`);
}

/** The price factor of a region (1 for an unknown region, which the loader reports separately). */
export function priceFactorOf(region: string): number {
  return catalogue.regionPriceFactor[region]?.value ?? 1;
}
