import type { Design, Resource, ResourceId } from '../model.ts';
import { findByRef, refOf } from '../edits.ts';
import { mapReferences, referencesOf } from '../references.ts';
import { canonicalJson } from '../canonical.ts';
import type { PlanStep } from './plan.ts';

// Undo as a plan: the inverse of what one gesture did, worked out from the design before and after it, not
// from what the client believed it sent. It recreates what the gesture deleted, puts back what it changed and
// deletes what it created, and nothing else. It carries the state each touched resource was left in: if any
// has changed since (a teammate's edit, a stack deploy that replaced it), the undo is refused rather than
// applied to something the gesture did not make.

export interface Inverse {
  steps: PlanStep[];
  /** Each resource the gesture touched, as it left it (null: it deleted it, so it must still be absent). */
  expect: { ref: string; fingerprint: string | null }[];
}

type Props = Record<string, unknown>;

/** A resource with its references as "stack/LogicalId" names: what it is, independent of ids. */
function named(design: Design, r: Resource): Props {
  return mapReferences(r.kind, r.props, (id) => (typeof id === 'number' && design.resources[id] ? refOf(design, design.resources[id]!) : id));
}

export function fingerprintOf(design: Design, ref: string): string | null {
  const r = findByRef(design, ref);
  return r ? canonicalJson({ kind: r.kind, props: named(design, r), position: r.position ?? null }) : null;
}

function byRef(design: Design): Map<string, Resource> {
  return new Map(design.resources.map((r) => [refOf(design, r), r]));
}

/** `ids` ordered so that each comes after every other one of them it refers to. */
function referencedFirst(design: Design, ids: readonly ResourceId[]): ResourceId[] {
  const left = new Set(ids);
  const out: ResourceId[] = [];
  while (left.size > 0) {
    const ready = [...left].filter((id) => !referencesOf(design.resources[id]!).some((other) => other !== id && left.has(other)));
    const next = ready.length > 0 ? ready : [Math.min(...left)];
    for (const id of next.sort((a, b) => a - b)) {
      out.push(id);
      left.delete(id);
    }
  }
  return out;
}

/** The plan that takes `after` back to `before`, for what differs between them by name. */
export function inverseOf(before: Design, after: Design): Inverse {
  const was = byRef(before);
  const now = byRef(after);
  const steps: PlanStep[] = [];
  const expect: Inverse['expect'] = [];

  const deleted = [...was.entries()].filter(([ref]) => !now.has(ref));
  for (const id of referencedFirst(before, deleted.map(([, r]) => r.id))) {
    const r = before.resources[id]!;
    const stack = before.stacks[r.stack]?.name ?? '';
    steps.push({ op: 'create', stack, kind: r.kind, logicalId: r.logicalId, props: named(before, r), ...(r.position ? { position: { ...r.position } } : {}) });
  }
  for (const [ref] of deleted) expect.push({ ref, fingerprint: null });

  for (const [ref, r] of now) {
    const old = was.get(ref);
    // Edits share every resource they leave alone: the same object is the same resource, and most are.
    if (!old || old === r) continue;
    const moved = old.position?.x !== r.position?.x || old.position?.y !== r.position?.y;
    // Copied but not changed: under the same id, the same ids refer to the same resources (a delete renumbers
    // every reference consistently), so equal raw properties are equal properties.
    if (!moved && old.id === r.id && JSON.stringify(old.props) === JSON.stringify(r.props)) continue;
    const oldProps = named(before, old);
    const newProps = named(after, r);
    // Renumbered by a delete but otherwise the same: nothing to put back (JSON order is kept by the renumbering).
    if (!moved && JSON.stringify(oldProps) === JSON.stringify(newProps)) continue;
    const newPrint = fingerprintOf(after, ref);
    if (canonicalJson(oldProps) !== canonicalJson(newProps)) steps.push({ op: 'update', ref, props: oldProps, replace: true });
    if (moved) steps.push({ op: 'move', ref, position: old.position ? { ...old.position } : null });
    expect.push({ ref, fingerprint: newPrint });
  }

  const created = [...now.entries()].filter(([ref]) => !was.has(ref));
  for (const id of referencedFirst(after, created.map(([, r]) => r.id)).reverse()) steps.push({ op: 'delete', ref: refOf(after, after.resources[id]!) });
  for (const [ref] of created) expect.push({ ref, fingerprint: fingerprintOf(after, ref) });

  for (const stack of after.stacks) if (!before.stacks.some((s) => s.name === stack.name)) steps.push({ op: 'deleteEmptyStack', stack: stack.name });
  return { steps, expect };
}

/** Whether every resource an undo would touch is still as the gesture left it. */
export function stillAsLeft(design: Design, inverse: Inverse): string | undefined {
  return inverse.expect.find((e) => fingerprintOf(design, e.ref) !== e.fingerprint)?.ref;
}
