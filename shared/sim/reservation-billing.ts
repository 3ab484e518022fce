// The money step's Reserved Instances: each step, every purchase covers up to its count of the running (billed)
// instances of its type in its region, purchases in the order bought. Covered instances are not billed On-Demand;
// every reservation is billed at the reserved rate whether an instance used it or not. AWS applies Reserved
// Instances before Savings Plans, so a Savings Plan covers only what reservations left On-Demand (money.ts).

import { priceFactorOf } from '../catalogue/index.ts';
import { REGIONS } from '../geography/regions.ts';
import { BILL_CELLS, cellOf, S_EC2 } from './bill.ts';
import { EMPTY, STEP_SECONDS } from './constants.ts';
import { TYPE_HOURLY_USD } from './compile/instance-types.ts';
import { M_COMPUTE } from './scratch.ts';
import { RI_COUNT, RI_DISCOUNT, RI_FIELDS, RI_REGION, RI_TYPE } from './state.ts';
import type { World } from './world.ts';

const HOURS_PER_STEP = STEP_SECONDS / 3600;
const REGION_FACTOR = Float64Array.from(REGIONS.map((r) => priceFactorOf(r.code)));

/**
 * Takes the On-Demand charge of covered instances off the step's compute line and its EC2 bill cells, and
 * writes the reservations' own charge for the step, per bill cell, into `feeByCell` (zeroed first). Returns the
 * fee's total. Records reserved and used instance-hours in the ledger (Cost Explorer's RI utilization).
 */
export function coverReservations(world: World, feeByCell: Float64Array): number {
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  const ledger = world.ledger;
  feeByCell.fill(0);
  let fee = 0;
  const purchases = s.reserved.length / RI_FIELDS;
  // Instances each purchase has taken this step (one instance, one reservation).
  const taken = new Uint8Array(topo.instCount);
  for (let p = 0; p < purchases; p++) {
    const o = p * RI_FIELDS;
    const type = s.reserved[o + RI_TYPE]!;
    const region = s.reserved[o + RI_REGION]!;
    const count = s.reserved[o + RI_COUNT]!;
    const onDemand = TYPE_HOURLY_USD[type]! * REGION_FACTOR[region]!;
    let covered = 0;
    for (let i = 0; i < topo.instCount && covered < count; i++) {
      if (taken[i] === 1 || s.instState[i] === EMPTY || topo.instRegion[i] !== region) continue;
      const spec = s.instSpec[i]!;
      if ((spec === 0 ? topo.instType[i]! : spec - 1) !== type) continue;
      taken[i] = 1;
      covered++;
    }
    const cell = cellOf(S_EC2, region);
    const coveredUsd = covered * onDemand * HOURS_PER_STEP;
    sc.stepCost[M_COMPUTE] = sc.stepCost[M_COMPUTE]! - coveredUsd;
    sc.stepBill[M_COMPUTE * BILL_CELLS + cell] = sc.stepBill[M_COMPUTE * BILL_CELLS + cell]! - coveredUsd;
    const charge = count * onDemand * (1 - s.reserved[o + RI_DISCOUNT]!) * HOURS_PER_STEP;
    feeByCell[cell] = feeByCell[cell]! + charge;
    fee += charge;
    ledger.reservedHours = (ledger.reservedHours ?? 0) + count * HOURS_PER_STEP;
    ledger.reservedUsedHours = (ledger.reservedUsedHours ?? 0) + covered * HOURS_PER_STEP;
    ledger.reservedSavedUsd = (ledger.reservedSavedUsd ?? 0) + coveredUsd - charge;
  }
  return fee;
}
