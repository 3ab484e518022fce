// A database created from a DB snapshot: a template's AWS::RDS::DBInstance that names one in
// DBSnapshotIdentifier (its identifier, or its ARN) is restored from it, as RDS does, and so starts with the data
// the snapshot kept. The snapshot must be in the account, in the database's region: otherwise RDS fails the
// create (DBSnapshotNotFound) and the deploy rolls back. The snapshot stays (and is billed) after the restore,
// as a manual snapshot does. The game does not model the data themselves: a restore is told in the timeline.

import type { Design } from '../design/model.ts';
import type { Refusal } from '../protocol/refusals.ts';
import { findSnapshot } from './retained-stack.ts';

export interface Restored {
  db: string;
  snapshot: string;
}

/** The snapshot a database's template names, if any (the loader keeps DBSnapshotIdentifier as written). */
export function snapshotNamedBy(resource: Design['resources'][number]): string | undefined {
  if (resource.kind !== 'database') return undefined;
  const named = resource.unmodelled?.['DBSnapshotIdentifier'];
  return typeof named === 'string' && named !== '' ? named : undefined;
}

/** The databases a deploy of `stack` creates from snapshots, or the refusal of one whose snapshot is not there. */
export function restoredDatabases(before: Design, after: Design, stack: string): { ok: true; restored: Restored[] } | { ok: false; refusal: Refusal } {
  const index = after.stacks.findIndex((s) => s.name === stack);
  const beforeIndex = before.stacks.findIndex((s) => s.name === stack);
  const existed = new Set(before.resources.filter((r) => r.stack === beforeIndex && r.kind === 'database').map((r) => r.logicalId));
  const restored: Restored[] = [];
  for (const r of after.resources) {
    if (r.stack !== index || existed.has(r.logicalId)) continue;
    const named = snapshotNamedBy(r);
    if (named === undefined) continue;
    const snapshot = findSnapshot(after, named, after.stacks[index]!.region);
    if (!snapshot) {
      return { ok: false, refusal: { code: 'design-rule', message: `${stack}/${r.logicalId}: DBSnapshot not found: ${named}`, detail: 'DBSnapshotNotFound' } };
    }
    restored.push({ db: `${stack}/${r.logicalId}`, snapshot: snapshot.identifier });
  }
  return { ok: true, restored };
}
