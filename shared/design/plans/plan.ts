import type { BoardPosition, Design, ResourceKind } from '../model.ts';
import { configureResource, deleteResource, findByRef, moveResource, placeResource, type DesignRules, type EditResult } from '../edits.ts';
import { connectResources, disconnectResources } from '../connections.ts';
import { refusal } from '../../protocol/refusals.ts';
import { snapshotByRef, withoutSnapshot } from '../../account/retained-stack.ts';

// A plan: what one player gesture does to a design, as the API calls the console (or CloudFormation) would
// make for it, in order. The shared rules compute plans (place.ts, remove.ts, connect.ts, inverse.ts); the
// tick applies a plan whole or not at all, with one check of the design's rules at the end, and logs one
// CloudTrail entry per step. Resources are named "stack/LogicalId" throughout: ids shift as a plan deletes.

export type PlanStep =
  | { op: 'createStack'; stack: string; region: string }
  | { op: 'create'; stack: string; kind: ResourceKind; logicalId: string; props: Record<string, unknown>; position?: BoardPosition }
  | { op: 'delete'; ref: string }
  /** Merges `props` into the resource's (a console edit); `replace` puts them in place of all of them (an undo). */
  | { op: 'update'; ref: string; props: Record<string, unknown>; replace?: boolean }
  /** A board position; null takes it away (an undo of the first move of something placed without one). */
  | { op: 'move'; ref: string; position: BoardPosition | null }
  /** A connection of the design's own (connections.ts): registering targets, an alias, an origin, … */
  | { op: 'link' | 'unlink'; from: string; to: string }
  /** Deletes a stack a gesture created, only while it is empty: an undo never takes anyone else's resources. */
  | { op: 'deleteEmptyStack'; stack: string }
  /** Deletes a DB snapshot the account keeps (rds:DeleteDBSnapshot), named as snapshotsOf names it. No undo brings it back. */
  | { op: 'deleteSnapshot'; ref: string };

export type PlanResult = { ok: true; steps: PlanStep[] } | { ok: false; refusal: ReturnType<typeof refusal> };

export function refFor(stack: string, logicalId: string): string {
  return `${stack}/${logicalId}`;
}

/** The rules are checked once, after the last step: a plan's middle may be briefly incomplete. */
const noRules: DesignRules = () => [];

/**
 * The account's own stack (a region's default VPC, shared/account) is not a gesture's to add to, change or
 * delete from: no stack made it, and the game keeps it as AWS made it. Placing into its subnets and connecting
 * to its parts is fine. What the account kept when a stack let go of it (a holding stack, retained-stack.ts) is
 * the player's to change and delete, as one does any resource outside CloudFormation; nothing new goes into it.
 */
function accountOwned(design: Design, step: PlanStep): string | undefined {
  if (step.op === 'create') return design.stacks.find((s) => s.name === step.stack)?.account ? step.stack : undefined;
  if (step.op !== 'delete' && step.op !== 'update') return undefined;
  const found = findByRef(design, step.ref);
  const stack = found ? design.stacks[found.stack] : undefined;
  if (stack?.retained) return undefined;
  return stack?.account ? step.ref : undefined;
}

function stepOn(design: Design, step: PlanStep): EditResult {
  const owned = accountOwned(design, step);
  if (owned) return { ok: false, refusal: refusal('account-resource', owned) };
  switch (step.op) {
    case 'createStack':
      if (design.stacks.some((s) => s.name === step.stack)) return { ok: false, refusal: refusal('duplicate-logical-id', step.stack) };
      return { ok: true, design: { ...design, stacks: [...design.stacks, { name: step.stack, region: step.region, parameters: {} }] } };
    case 'create':
      return placeResource(design, { stack: step.stack, kind: step.kind, logicalId: step.logicalId, props: step.props, ...(step.position ? { position: step.position } : {}) }, noRules);
    case 'delete':
      return deleteResource(design, step.ref, noRules);
    case 'update': {
      if (!step.replace) return configureResource(design, step.ref, step.props, noRules);
      const found = findByRef(design, step.ref);
      if (!found) return { ok: false, refusal: refusal('unknown-resource', step.ref) };
      // Replacing: every current property is dropped first (an undo restores a resource exactly as it was).
      const cleared = { ...design, resources: design.resources.map((r) => (r.id === found.id ? ({ ...r, props: {} } as typeof r) : r)) };
      return configureResource(cleared, step.ref, step.props, noRules);
    }
    case 'move': {
      if (step.position) return moveResource(design, step.ref, step.position);
      const found = findByRef(design, step.ref);
      if (!found) return { ok: false, refusal: refusal('unknown-resource', step.ref) };
      const { position: _dropped, ...unplaced } = found;
      return { ok: true, design: { ...design, resources: design.resources.map((r) => (r.id === found.id ? (unplaced as typeof r) : r)) } };
    }
    case 'link':
      return connectResources(design, step.from, step.to, noRules);
    case 'unlink':
      return disconnectResources(design, step.from, step.to, noRules);
    case 'deleteSnapshot': {
      const snapshot = snapshotByRef(design, step.ref);
      return snapshot ? { ok: true, design: withoutSnapshot(design, snapshot) } : { ok: false, refusal: refusal('unknown-resource', step.ref) };
    }
    case 'deleteEmptyStack': {
      const index = design.stacks.findIndex((s) => s.name === step.stack);
      if (index < 0 || design.resources.some((r) => r.stack === index) || design.unmodelled.some((u) => u.stack === index)) return { ok: true, design };
      const resources = design.resources.map((r) => (r.stack > index ? { ...r, stack: r.stack - 1 } : r));
      const unmodelled = design.unmodelled.map((u) => (u.stack > index ? { ...u, stack: u.stack - 1 } : u));
      return { ok: true, design: { ...design, stacks: design.stacks.filter((_, i) => i !== index), resources, unmodelled } };
    }
  }
}

/**
 * Applies every step of a plan to a copy of the design, then the design's rules once. The first refusal,
 * of a step or of the rules, refuses the whole plan: the caller keeps the design it had.
 */
export function applyPlan(design: Design, steps: readonly PlanStep[], rules: DesignRules): EditResult & { applied?: PlanStep[] } {
  let current = design;
  const applied: PlanStep[] = [];
  for (const step of steps) {
    const result = stepOn(current, step);
    if (!result.ok) return result;
    if (result.design !== current) applied.push(step);
    current = result.design;
  }
  // Each step checked the properties of what it touched (a link or an unlink, of every resource it may change).
  const error = rules(current).find((i) => i.severity === 'error');
  if (error) return { ok: false, refusal: { code: 'design-rule', message: error.message, detail: error.code } };
  return { ok: true, design: current, applied };
}
