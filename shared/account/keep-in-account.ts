// What the account keeps when its stacks let go of physical resources: a stack deleted, a resource removed from
// its template by an update (DeletionPolicy), or the old copy of a replaced resource (UpdateReplacePolicy). A
// resource whose policy is Retain leaves its stack and stays in the account, running and billed, in its region's
// holding stack (retained-stack.ts); a primary database under Snapshot (RDS's default DeletionPolicy) is deleted
// and leaves a billed DB snapshot there; anything else is simply gone, a database with its data.
//
// What a retained resource still uses is retained with it: AWS cannot delete a subnet with a running instance in
// it, a security group an instance wears, the VPC of either (DependencyViolation). CloudFormation reports those as
// DELETE_FAILED and, retried, skips them; the game does both at once and keeps them in the holding stack too.
//
// Contract (`keepInAccount(after, before, leaving)`):
// - `before` is the design before the change; `leaving` names resources of `before` (by id) that the change
//   takes out of their stacks, each with the policy that applies (deletionPolicyOf or updateReplacePolicyOf).
// - `after` is the design after the change, without those physical resources. Every other resource of
//   `before` is looked for in `after` by stack name and logical id (the replacement of a replaced resource is
//   the new copy there; the old copy is the one in `leaving`). What `after` lacks of the account (the holding
//   stacks, a default VPC a kept resource stands in) is carried over as it was: a deploy that re-reads the
//   templates may pass the loader's fresh design as `after`.
// - Returns `after` with the kept resources appended (new ids at the end, references renumbered, the snapshots
//   added), and a report of what was retained, snapshotted and lost; or a `dependency-violation` refusal when a
//   kept resource uses something `after` no longer has and nobody keeps (AWS would fail to delete it).
// Pure: `after` and `before` are not changed.

import type { Design, Resource, ResourceId, ResourceKind, Stack, UnmodelledResource } from '../design/model.ts';
import { copyPlain } from '../design/copy.ts';
import { mapReferences, referencesOf } from '../design/references.ts';
import { refusal, type Refusal } from '../protocol/refusals.ts';
import { losesData, outcomeOf, type RemovalOutcome, type RemovalPolicy } from './removal-policy.ts';
import { isRetainedStack, newRetainedStack, retainedLogicalId, retainedStackName, snapshotIdentifier, snapshotResource, snapshotsOf } from './retained-stack.ts';

export interface Leaving {
  id: ResourceId;
  policy: RemovalPolicy;
}

export interface KeptReport {
  /** Resources kept in the account: as their stack named them and as the account names them now ("stack/LogicalId"). */
  retained: { from: string; to: string; kind: ResourceKind; stack: string; logicalId: string; region: string; usedBy?: string }[];
  /** Snapshots taken of databases before they were deleted. */
  snapshots: { db: string; stack: string; logicalId: string; snapshot: string; storageGb: number; region: string }[];
  /** Primary databases deleted without a snapshot: their data are gone. */
  lost: { db: string; stack: string; logicalId: string }[];
}

export type KeepResult = { ok: true; design: Design; report: KeptReport } | { ok: false; refusal: Refusal };

type Destination = { to: 'holding'; usedBy?: string } | { to: 'same' };

export function keepInAccount(after: Design, before: Design, leaving: readonly Leaving[]): KeepResult {
  const name = (id: ResourceId) => {
    const r = before.resources[id]!;
    return `${before.stacks[r.stack]?.name ?? '?'}/${r.logicalId}`;
  };
  const outcome = new Map<ResourceId, RemovalOutcome>();
  for (const l of leaving) {
    const r = before.resources[l.id];
    if (r) outcome.set(l.id, outcomeOf(r, l.policy));
  }
  const afterIndex = indexByName(after);
  const locate = (id: ResourceId): ResourceId | undefined => {
    const r = before.resources[id]!;
    return afterIndex.get(`${before.stacks[r.stack]?.name ?? ''}\u0000${r.logicalId}`);
  };
  const accountStack = (id: ResourceId) => before.stacks[before.resources[id]!.stack]?.account === true;

  // Which resources of `before` go into `after`, and where.
  const carried = new Map<ResourceId, Destination>();
  const queue: ResourceId[] = [];
  const carry = (id: ResourceId, where: Destination) => {
    if (carried.has(id)) return;
    carried.set(id, where);
    queue.push(id);
  };
  for (const r of before.resources) {
    if (isRetainedStack(before.stacks[r.stack]) && !outcome.has(r.id) && locate(r.id) === undefined) carry(r.id, { to: 'same' });
  }
  for (const [id, o] of outcome) if (o === 'retain') carry(id, { to: 'holding' });
  while (queue.length > 0) {
    const id = queue.shift()!;
    const where = carried.get(id)!;
    // The parts the loader derived from a resource (a classic ELB's listener) go with it.
    for (const part of before.resources) if (part.partOf === id) carry(part.id, where);
    for (const target of referencesOf(before.resources[id]!)) {
      if (carried.has(target) || before.resources[target] === undefined) continue;
      if (outcome.has(target)) carry(target, { to: 'holding', usedBy: name(id) });
      else if (locate(target) !== undefined) continue;
      else if (accountStack(target)) {
        // A default VPC the re-read templates no longer use, or a holding stack's resource: the account still has it.
        const stack = before.resources[target]!.stack;
        for (const r of before.resources) if (r.stack === stack && locate(r.id) === undefined) carry(r.id, { to: 'same' });
      } else {
        return { ok: false, refusal: refusal('dependency-violation', `${name(target)} cannot be deleted: ${name(id)}, kept in the account, still uses it`) };
      }
    }
  }
  // A derived part follows its parent even when it was listed on its own.
  for (const id of carried.keys()) outcome.delete(id);

  const report: KeptReport = { retained: [], snapshots: [], lost: [] };
  const stacks: Stack[] = [...after.stacks];
  const unmodelled: UnmodelledResource[] = [...after.unmodelled];
  const stackIndex = (stackName: string, make: () => Stack): number => {
    const found = stacks.findIndex((s) => s.name === stackName);
    if (found >= 0) return found;
    stacks.push(make());
    return stacks.length - 1;
  };
  // A holding stack's own resources come over under their names (`same`), possibly after a newly kept one in
  // `before`'s order: their names are taken from the start, so a resource replaced twice under Retain keeps both.
  const carriedNames = new Map<string, Set<string>>();
  for (const [id, where] of carried) {
    if (where.to !== 'same') continue;
    const r = before.resources[id]!;
    const stackName = before.stacks[r.stack]!.name;
    carriedNames.set(stackName, (carriedNames.get(stackName) ?? new Set()).add(r.logicalId));
  }
  const takenIds = (stack: number, extra: Iterable<string>) =>
    new Set([...after.resources.filter((r) => r.stack === stack).map((r) => r.logicalId), ...(carriedNames.get(stacks[stack]!.name) ?? []), ...extra]);

  // Ids: appended in `before`'s order, so the same change always gives the same design.
  const order = [...carried.keys()].sort((a, b) => a - b);
  const newId = new Map<ResourceId, ResourceId>();
  order.forEach((id, k) => newId.set(id, after.resources.length + k));
  const placed: { stack: number; logicalId: string }[] = [];
  const assigned = new Map<number, Set<string>>();
  for (const id of order) {
    const r = before.resources[id]!;
    const from = before.stacks[r.stack]!;
    if (carried.get(id)!.to === 'same') {
      placed.push({ stack: stackIndex(from.name, () => copyPlain(from)), logicalId: r.logicalId });
      continue;
    }
    const stack = stackIndex(retainedStackName(from.region), () => newRetainedStack(from.region));
    const used = assigned.get(stack) ?? new Set<string>();
    const logicalId = retainedLogicalId(from.name, r.logicalId, takenIds(stack, used));
    used.add(logicalId);
    assigned.set(stack, used);
    placed.push({ stack, logicalId });
  }
  const renumber = (ref: unknown): unknown => (typeof ref === 'number' ? (newId.get(ref) ?? locate(ref)) : ref);
  const kept: Resource[] = order.map((id, k) => {
    const r = before.resources[id]!;
    const where = carried.get(id)!;
    const { dependsOn: _d, written: _w, unwritten: _u, attributes: _a, partOf, ...rest } = copyPlain(r);
    const copy = { ...rest, id: newId.get(id)!, stack: placed[k]!.stack, logicalId: placed[k]!.logicalId, props: mapReferences(r.kind, r.props, renumber) } as Resource;
    const parent = partOf === undefined ? undefined : newId.get(partOf);
    if (parent !== undefined) copy.partOf = parent;
    if (where.to === 'holding') {
      const fromStack = before.stacks[r.stack]!;
      copy.retainedFrom = r.retainedFrom ?? { stack: fromStack.name, logicalId: r.logicalId };
      if (partOf === undefined || newId.get(partOf) === undefined) {
        report.retained.push({
          from: name(id),
          to: `${stacks[copy.stack]!.name}/${copy.logicalId}`,
          kind: r.kind,
          stack: fromStack.name,
          logicalId: r.logicalId,
          region: fromStack.region,
          ...(where.usedBy ? { usedBy: where.usedBy } : {}),
        });
      }
    } else if (r.retainedFrom) copy.retainedFrom = r.retainedFrom;
    return copy;
  });

  // The holding stacks' snapshots `after` lacks, then the new ones, each in its region's holding stack.
  const have = new Set(after.unmodelled.map((u) => `${after.stacks[u.stack]?.name}\u0000${u.logicalId}`));
  for (const u of before.unmodelled) {
    const stack = before.stacks[u.stack];
    if (!isRetainedStack(stack) || have.has(`${stack!.name}\u0000${u.logicalId}`)) continue;
    unmodelled.push({ ...copyPlain(u), stack: stackIndex(stack!.name, () => newRetainedStack(stack!.region)) });
  }
  for (const id of [...outcome.keys()].sort((a, b) => a - b)) {
    const r = before.resources[id]!;
    const o = outcome.get(id)!;
    const fromStack = before.stacks[r.stack]!;
    if (o === 'snapshot' && r.kind === 'database') {
      const stack = stackIndex(retainedStackName(fromStack.region), () => newRetainedStack(fromStack.region));
      const taken = new Set(snapshotsOf({ ...after, stacks, unmodelled }).map((s) => s.identifier));
      const identifier = snapshotIdentifier(fromStack.name, r.logicalId, taken);
      unmodelled.push(snapshotResource(stack, { identifier, storageGb: r.props.storageGb, engine: r.props.engine, source: name(id) }));
      report.snapshots.push({ db: name(id), stack: fromStack.name, logicalId: r.logicalId, snapshot: identifier, storageGb: r.props.storageGb, region: fromStack.region });
    } else if (losesData(r, o)) {
      report.lost.push({ db: name(id), stack: fromStack.name, logicalId: r.logicalId });
    }
  }
  return { ok: true, design: { ...after, stacks, resources: [...after.resources, ...kept], unmodelled }, report };
}

function indexByName(design: Design): Map<string, ResourceId> {
  const m = new Map<string, ResourceId>();
  for (const r of design.resources) m.set(`${design.stacks[r.stack]?.name ?? ''}\u0000${r.logicalId}`, r.id);
  return m;
}
