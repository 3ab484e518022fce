// Buying Standard Reserved Instances during a run (PurchaseReservedInstancesOffering): a count of one instance
// type in one region for a term at a payment option. From the purchase on, each hour the reservations cover
// that many running instances of the type in the region at the reserved rate and are billed whether instances
// use them or not (money.ts, coverReservations). Refused, changing nothing, by the field that is wrong.

import { REGIONS } from '../geography/regions.ts';
import { INSTANCE_TYPE_NAMES } from './compile/instance-types.ts';
import { reservationDiscountOf } from './reserved-instances.ts';
import { PAYMENT_OPTIONS, TERMS, type PaymentOption, type Term } from './savings-plans.ts';
import { RI_COUNT, RI_DISCOUNT, RI_FIELDS, RI_FROM_S, RI_PAYMENT, RI_REGION, RI_TERM_YEARS, RI_TYPE, T_NOW } from './state.ts';
import { note, type World } from './world.ts';

/**
 * The most reservations one purchase takes. AWS limits the Reserved Instances an account buys each month per
 * Region (20 by default, more on request); the game keeps that default per purchase.
 */
export const MAX_RESERVATIONS_PER_PURCHASE = 20;

export interface ReservationPurchase {
  instanceType: string;
  region: string;
  count: number;
  term: string;
  paymentOption: string;
}

export type PurchaseResult = { ok: true } | { ok: false; code: string; message: string };

/** The first field PurchaseReservedInstancesOffering would not take, as a refusal; undefined when all are good. */
export function reservationRefusal(p: ReservationPurchase): PurchaseResult | undefined {
  if (!INSTANCE_TYPE_NAMES.includes(p.instanceType)) return { ok: false, code: 'invalid-instance-type', message: `no instance type ${p.instanceType} to reserve` };
  if (!REGIONS.some((r) => r.code === p.region)) return { ok: false, code: 'invalid-region', message: `no region ${p.region} to reserve instances in` };
  if (!Number.isInteger(p.count) || p.count < 1 || p.count > MAX_RESERVATIONS_PER_PURCHASE)
    return { ok: false, code: 'invalid-instance-count', message: `a purchase reserves 1 to ${MAX_RESERVATIONS_PER_PURCHASE} instances, a whole number` };
  if (!(TERMS as readonly string[]).includes(p.term)) return { ok: false, code: 'invalid-reservation-term', message: `a Reserved Instance's term is ${TERMS.join(' or ')}` };
  if (!(PAYMENT_OPTIONS as readonly string[]).includes(p.paymentOption))
    return { ok: false, code: 'invalid-reservation-payment-option', message: `a Reserved Instance's payment option is ${PAYMENT_OPTIONS.join(', ')}` };
  return undefined;
}

/** Adds the purchase to the state's reservations (any number of purchases a run). */
export function purchaseReservedInstances(world: World, p: ReservationPurchase): PurchaseResult {
  const bad = reservationRefusal(p);
  if (bad) return bad;
  const s = world.state;
  const term = p.term as Term;
  const payment = p.paymentOption as PaymentOption;
  const next = new Float64Array(s.reserved.length + RI_FIELDS);
  next.set(s.reserved);
  const r = s.reserved.length;
  next[r + RI_TYPE] = INSTANCE_TYPE_NAMES.indexOf(p.instanceType);
  next[r + RI_REGION] = REGIONS.findIndex((x) => x.code === p.region);
  next[r + RI_COUNT] = p.count;
  next[r + RI_DISCOUNT] = reservationDiscountOf(term, payment);
  next[r + RI_TERM_YEARS] = term === '1y' ? 1 : 3;
  next[r + RI_PAYMENT] = PAYMENT_OPTIONS.indexOf(payment);
  next[r + RI_FROM_S] = s.tally[T_NOW]!;
  s.reserved = next;
  note(world, 'reservedInstancesPurchased', {
    count: p.count,
    instanceType: p.instanceType,
    region: p.region,
    term,
    payment,
    discountPct: Math.round(next[r + RI_DISCOUNT]! * 100),
  });
  return { ok: true };
}
