// The stack events CloudFormation writes for a deploy, as its console's Events tab lists them (oldest first):
// the stack's own status, then each resource's, and for a failed deploy the failing resource's *_FAILED with its
// reason and the rollback that puts the stack back where it was. A pure function of the change and the outcome:
// the game applies a deploy whole or not at all, so a refused one is told as CloudFormation tells a rollback.
// Resources go in CloudFormation's order (dependency-order.ts): created and updated after what they refer to,
// deleted before it; every event shares the deploy's instant (the game has no time inside a deploy).

import type { ResourceChange } from './change-set.ts';
import { creationOrder, deletionOrder, resourceDependencies } from './dependency-order.ts';
import { isPlainObject, type PlainObject } from './plain-data.ts';
import { resourcesFailed, ROLLBACK_REQUESTED, USER_INITIATED } from './stack-reasons.ts';

export type StackStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_COMPLETE'
  | 'CREATE_FAILED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_FAILED'
  | 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_COMPLETE'
  | 'DELETE_SKIPPED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_COMPLETE'
  | 'UPDATE_ROLLBACK_IN_PROGRESS'
  | 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'
  | 'UPDATE_ROLLBACK_COMPLETE';

export interface StackEvent {
  /** The resource's logical id, or the stack's name for the stack's own events. */
  logicalId: string;
  resourceType: string;
  status: StackStatus;
  reason?: string;
}

export const STACK_TYPE = 'AWS::CloudFormation::Stack';

/**
 * How a deploy ended. `beforeResources`: it failed before any resource was touched (an AWS-specific parameter
 * naming nothing in the account, which CloudFormation checks once the stack exists): only the stack's own events.
 */
export type DeployOutcome = { ok: true } | { ok: false; reason: string; logicalId?: string; beforeResources?: true };

type Change = Pick<ResourceChange, 'action' | 'logicalId' | 'resourceType' | 'replacement'>;

const REPLACING = 'Requested update requires the creation of a new physical resource; hence creating one.';

/** What a deploy would have done, for one that never got as far as a change set: the template's resources against the stack's. */
export function attemptedChanges(current: PlainObject | undefined, next: PlainObject | undefined): Change[] {
  const typeOf = (r: unknown) => (isPlainObject(r) && typeof r['Type'] === 'string' ? r['Type'] : 'AWS::CloudFormation::CustomResource');
  const before = current ?? {};
  const after = next ?? {};
  return [
    ...Object.entries(after).map(([logicalId, r]): Change => ({ action: logicalId in before ? 'Modify' : 'Add', logicalId, resourceType: typeOf(r) })),
    ...Object.entries(before)
      .filter(([logicalId]) => !(logicalId in after))
      .map(([logicalId, r]): Change => ({ action: 'Remove', logicalId, resourceType: typeOf(r) })),
  ];
}

/**
 * What a stack's policies kept of the resources it let go of, by logical id: CloudFormation skips deleting them
 * (DELETE_SKIPPED), with the reason when the account kept one only because a retained resource still uses it.
 */
export type Skipped = ReadonlyMap<string, string | undefined>;

/** The stack's `Resources` before and after the deploy (where the dependencies that order the events are read), and what its policies kept. */
export interface DeploySides {
  before?: PlainObject | undefined;
  after?: PlainObject | undefined;
  skipped?: Skipped;
}

/** `changes` reordered: `picked` by the order `order` gives their logical ids. */
function ordered(picked: readonly Change[], order: (names: string[]) => string[]): Change[] {
  const byId = new Map(picked.map((c) => [c.logicalId, c]));
  return order(picked.map((c) => c.logicalId)).map((id) => byId.get(id)!);
}

/**
 * The events of deploying `changes` to `stack` (`existed`: an update, else a create) with the given outcome:
 * creations and updates in the new template's dependency order, deletions in the old one's reverse order.
 */
export function stackEventsOf(stack: string, existed: boolean, changes: readonly Change[], outcome: DeployOutcome, sides: DeploySides = {}): StackEvent[] {
  const after = resourceDependencies(sides.after ?? {});
  const before = resourceDependencies(sides.before ?? {});
  const skipped: Skipped = sides.skipped ?? new Map();
  const events: StackEvent[] = [];
  const own = (status: StackStatus, reason?: string) => events.push({ logicalId: stack, resourceType: STACK_TYPE, status, ...(reason ? { reason } : {}) });
  const of = (c: Change, status: StackStatus, reason?: string) => events.push({ logicalId: c.logicalId, resourceType: c.resourceType, status, ...(reason ? { reason } : {}) });
  own(existed ? 'UPDATE_IN_PROGRESS' : 'CREATE_IN_PROGRESS', USER_INITIATED);
  const forward = ordered(changes.filter((c) => c.action !== 'Remove'), (names) => creationOrder(names, after));
  const removed = changes.filter((c) => c.action === 'Remove');

  if (outcome.ok) {
    for (const c of forward) {
      const creates = c.action === 'Add' || c.replacement === 'True';
      of(c, c.action === 'Add' ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS', c.action === 'Modify' && creates ? REPLACING : undefined);
      of(c, c.action === 'Add' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE');
    }
    if (!existed) {
      own('CREATE_COMPLETE');
      return events;
    }
    // What was removed, and the old physical resources of what was replaced, are deleted in the cleanup.
    const cleaned = ordered([...removed, ...forward.filter((c) => c.action === 'Modify' && c.replacement === 'True')], (names) => deletionOrder(names, before));
    if (cleaned.length > 0) own('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
    for (const c of cleaned) {
      // A retained resource (DeletionPolicy), or the old copy of a replaced one (UpdateReplacePolicy), stays.
      if (skipped.has(c.logicalId)) {
        of(c, 'DELETE_SKIPPED', skipped.get(c.logicalId));
        continue;
      }
      of(c, 'DELETE_IN_PROGRESS');
      of(c, 'DELETE_COMPLETE');
    }
    own('UPDATE_COMPLETE');
    return events;
  }

  if (outcome.beforeResources) {
    own(existed ? 'UPDATE_ROLLBACK_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS', `${outcome.reason}. ${ROLLBACK_REQUESTED}`);
    if (existed) own('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
    own(existed ? 'UPDATE_ROLLBACK_COMPLETE' : 'ROLLBACK_COMPLETE');
    return events;
  }
  // The failing resource: the one the refusal names, else the first the deploy would have touched.
  const failing = forward.find((c) => c.logicalId === outcome.logicalId) ?? forward[0];
  const done = failing ? forward.slice(0, forward.indexOf(failing)) : [];
  for (const c of done) {
    of(c, c.action === 'Add' ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS');
    of(c, c.action === 'Add' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE');
  }
  if (failing) {
    of(failing, failing.action === 'Add' ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS');
    of(failing, failing.action === 'Add' ? 'CREATE_FAILED' : 'UPDATE_FAILED', outcome.reason);
  }
  const failed = failing ? resourcesFailed(failing.action === 'Add' ? 'create' : 'update', failing.logicalId) : outcome.reason;
  own(existed ? 'UPDATE_ROLLBACK_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS', existed ? failed : `${failed} ${ROLLBACK_REQUESTED}`);
  // The rollback undoes what was done, newest first: what was created is deleted, what was updated is put back.
  for (const c of [...done].reverse()) {
    if (c.action === 'Add') {
      of(c, 'DELETE_IN_PROGRESS');
      of(c, 'DELETE_COMPLETE');
    } else {
      of(c, 'UPDATE_IN_PROGRESS');
      of(c, 'UPDATE_COMPLETE');
    }
  }
  if (failing?.action === 'Add') of(failing, 'DELETE_COMPLETE');
  if (existed) own('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
  own(existed ? 'UPDATE_ROLLBACK_COMPLETE' : 'ROLLBACK_COMPLETE');
  return events;
}

/**
 * The events of deleting a stack: its resources deleted newest first (CloudFormation deletes in reverse
 * dependency order), each retained one skipped, then the stack.
 */
export function deletedStackEvents(stack: string, resources: readonly { logicalId: string; resourceType: string }[], skipped: Skipped = new Map()): StackEvent[] {
  const events: StackEvent[] = [{ logicalId: stack, resourceType: STACK_TYPE, status: 'DELETE_IN_PROGRESS', reason: USER_INITIATED }];
  for (const r of [...resources].reverse()) {
    if (skipped.has(r.logicalId)) {
      const reason = skipped.get(r.logicalId);
      events.push({ ...r, status: 'DELETE_SKIPPED', ...(reason ? { reason } : {}) });
      continue;
    }
    events.push({ ...r, status: 'DELETE_IN_PROGRESS' }, { ...r, status: 'DELETE_COMPLETE' });
  }
  events.push({ logicalId: stack, resourceType: STACK_TYPE, status: 'DELETE_COMPLETE' });
  return events;
}
