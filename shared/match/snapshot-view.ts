// The DB snapshots the account keeps, as the player sees them listed (RDS's "Snapshots" page, in the
// CloudFormation panel): what each is of, its size and what it costs a month. Read from the design (the holding
// stacks, shared/account/retained-stack.ts) and priced by the bill's own rule (sim/snapshot-price.ts).
import { snapshotsOf } from '../account/retained-stack.ts';
import type { Design } from '../design/model.ts';
import { snapshotMonthUsd } from '../sim/snapshot-price.ts';

export interface SnapshotView {
  /** What the board's delete gesture names it by (rds:DeleteDBSnapshot): "<holding stack>/<identifier>". */
  ref: string;
  identifier: string;
  region: string;
  engine: string;
  storageGb: number;
  /** The database it was taken of, "stack/LogicalId". */
  source: string;
  /** What it costs a month, to the cent. */
  monthUsd: number;
}

export function snapshotViews(design: Design): SnapshotView[] {
  return snapshotsOf(design).map((s) => ({
    ref: s.ref,
    identifier: s.identifier,
    region: s.region,
    engine: s.engine,
    storageGb: s.storageGb,
    source: s.source,
    monthUsd: Math.round(snapshotMonthUsd(s) * 100) / 100,
  }));
}
