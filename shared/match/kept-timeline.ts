// What a stack's deletion or deploy did under its resources' policies, told in the team's timeline: what the
// account retained (running and billed), the snapshots it took, the databases whose data are gone with them, and
// the databases a deploy created from a snapshot (shared/account).
import type { KeptReport } from '../account/keep-in-account.ts';
import type { Restored } from '../account/restore.ts';
import { note, type World } from '../sim/world.ts';

export function noteKept(world: World, kept: KeptReport | undefined, restored: readonly Restored[] = []): void {
  for (const r of kept?.retained ?? []) {
    if (r.usedBy) note(world, 'resourceRetainedInUse', { resource: r.from, kept: r.to, usedBy: r.usedBy });
    else note(world, 'resourceRetained', { resource: r.from, kept: r.to });
  }
  for (const s of kept?.snapshots ?? []) note(world, 'dbSnapshotTaken', { db: s.db, snapshot: s.snapshot, storageGb: s.storageGb });
  for (const l of kept?.lost ?? []) note(world, 'dbDataLost', { db: l.db });
  for (const r of restored) note(world, 'dbRestored', { db: r.db, snapshot: r.snapshot });
}
