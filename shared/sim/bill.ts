// The bill's cells: every charge is booked to a service in a region (or "global", for what AWS bills
// globally: CloudFront, Route 53, Global Accelerator), as well as to its line of the bill (M_* in scratch.ts,
// which a price change scales). Cost Explorer groups the spend by these cells, so the only prices it shows are
// the ones the money step charged.
import { REGIONS } from '../geography/regions.ts';
import { REGION_COUNT } from './constants.ts';
import type { Scratch } from './scratch.ts';

/** Services as Cost Explorer names them (translated by the client under `cost.services.<code>`). */
export const SERVICES = [
  'ec2',
  'rds',
  'elb',
  'dataTransfer',
  'cloudFront',
  'route53',
  'waf',
  's3',
  'globalAccelerator',
  'transitGateway',
  'cloudWatch',
  'vpc',
  // Added after replays were recorded: hashed only once charged (LATE_SERVICES_FROM).
  'elastiCache',
  'dynamoDb',
] as const;
export type ServiceCode = (typeof SERVICES)[number];

export const S_EC2 = 0;
export const S_RDS = 1;
export const S_ELB = 2;
export const S_TRANSFER = 3;
export const S_CLOUDFRONT = 4;
export const S_ROUTE53 = 5;
export const S_WAF = 6;
export const S_S3 = 7;
export const S_ACCELERATOR = 8;
export const S_TRANSIT_GATEWAY = 9;
export const S_CLOUDWATCH = 10;
export const S_VPC = 11;
export const S_ELASTICACHE = 12;
export const S_DYNAMODB = 13;
/**
 * Services from this one on came after golden replays were recorded: their cells of the spend are hashed only
 * when something was charged to them (shared/sim/hash.ts), and a snapshot without them restores them as zeros.
 */
export const LATE_SERVICES_FROM = S_ELASTICACHE;

/** The regions, then one slot for what is billed globally. */
export const REGION_SLOTS = REGION_COUNT + 1;
export const GLOBAL_SLOT = REGION_COUNT;
export const BILL_CELLS = SERVICES.length * REGION_SLOTS;
/** The cells before the late services: what a spend array held when replays were first recorded. */
export const EARLY_BILL_CELLS = LATE_SERVICES_FROM * REGION_SLOTS;
/** Lines of the bill (M_COMPUTE … M_OTHER). */
export const BILL_LINES = 6;

/** The region code of a slot ("global" for the global slot). */
export function slotRegion(slot: number): string {
  return slot === GLOBAL_SLOT ? 'global' : REGIONS[slot]!.code;
}

/** The slot of a region code; unknown or empty codes bill globally. */
export function regionSlot(code: string): number {
  const i = REGIONS.findIndex((r) => r.code === code);
  return i < 0 ? GLOBAL_SLOT : i;
}

export function cellOf(service: number, slot: number): number {
  return service * REGION_SLOTS + slot;
}

/** Books `usd` of this step's charges on `line` of the bill, as its total (stepCost) and in its cell. */
export function chargeStep(sc: Scratch, line: number, service: number, slot: number, usd: number): void {
  sc.stepCost[line] = sc.stepCost[line]! + usd;
  book(sc, line, service, slot, usd);
}

/** Books `usd` of this step's charges on `line` of the bill to a service in a region slot. */
export function book(sc: Scratch, line: number, service: number, slot: number, usd: number): void {
  const i = line * BILL_CELLS + service * REGION_SLOTS + slot;
  sc.stepBill[i] = sc.stepBill[i]! + usd;
}
