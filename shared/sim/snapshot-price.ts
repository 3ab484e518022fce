// What a DB snapshot the account kept costs (shared/account/retained-stack.ts): RDS backup storage by the GB-month,
// at the region's price factor. One rule for the bill (compile/control.ts charges it by the hour) and for what the
// player reads beside the snapshot (match/snapshot-view.ts).
import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import type { DbSnapshot } from '../account/retained-stack.ts';

/** The snapshot's charge per hour, as the money step bills it. */
export function snapshotHourlyUsd(snapshot: Pick<DbSnapshot, 'storageGb' | 'region'>): number {
  return ((snapshot.storageGb * catalogue.database.snapshotGbMonthUsd.value) / catalogue.hoursPerMonth.value) * priceFactorOf(snapshot.region);
}

/** The same charge for a whole month (hoursPerMonth hours), as a price list states it. */
export function snapshotMonthUsd(snapshot: Pick<DbSnapshot, 'storageGb' | 'region'>): number {
  return snapshot.storageGb * catalogue.database.snapshotGbMonthUsd.value * priceFactorOf(snapshot.region);
}
