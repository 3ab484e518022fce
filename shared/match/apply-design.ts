import { findByRef, freeLogicalId, withoutResources, type EditResult } from '../design/edits.ts';
import type { Design, DesignIssue, DesignNotice } from '../design/model.ts';
import { referencesOf } from '../design/references.ts';
import { refusal } from '../protocol/refusals.ts';
import { checkDesign } from '../template/design-checks.ts';
import { loadDesign } from '../template/manifest.ts';
import { parseTemplateText } from '../template/template-text.ts';
import type { MatchIntent } from './intents.ts';
import { copyPlain } from '../design/copy.ts';
import { applyPlan, type PlanResult } from '../design/plans/plan.ts';
import { planPlace, type PlaceContext } from '../design/plans/place.ts';
import { planRemove } from '../design/plans/remove.ts';
import { planConnect } from '../design/plans/connect.ts';
import { FRESH_ACCOUNT, type Account } from '../account/default-vpc.ts';
import { manifestWithStack } from '../template/change-set-deploy.ts';
import { decidedUpdatesOf, withGenerations } from '../template/physical-generations.ts';
import { keepInAccount, type KeptReport, type Leaving } from '../account/keep-in-account.ts';
import { deletionPolicyOf, updateReplacePolicyOf } from '../account/removal-policy.ts';
import { restoredDatabases, type Restored } from '../account/restore.ts';
import { snapshotByRef } from '../account/retained-stack.ts';

// Design intents turned into a new design: a board gesture's plan (shared/design/plans) applied whole, and
// CloudFormation stacks created, deployed and deleted. Nothing here touches the world; the caller swaps the
// world onto the new design.

type StackIntent = Extract<MatchIntent, { type: 'createStack' | 'deployStack' | 'deleteStack' }>;
export type BoardIntent = Extract<MatchIntent, { type: 'place' | 'remove' | 'connect' | 'disconnect' | 'configure' | 'move' | 'createResource' | 'delete' }>;

export const STACK_INTENTS: readonly StackIntent['type'][] = ['createStack', 'deployStack', 'deleteStack'];
export const BOARD_INTENTS: readonly BoardIntent['type'][] = ['place', 'remove', 'connect', 'disconnect', 'configure', 'move', 'createResource', 'delete'];

/**
 * A design change, and for a stack deleted or deployed what its resources' policies did (`kept`: retained,
 * snapshotted, lost) and which new databases a snapshot restored: the timeline and the stack events tell them.
 */
export type DesignChange = EditResult & { warnings?: string[]; notices?: DesignNotice[]; kept?: KeptReport; restored?: Restored[] };

const MAX_STACKS = 20;

/** Errors only: warnings (a target in a disabled zone, a private subnet) teach, they do not forbid. */
const rules = (design: Design): DesignIssue[] => checkDesign(design);

function firstError(issues: DesignIssue[]): DesignIssue | undefined {
  return issues.find((i) => i.severity === 'error');
}

function describe(issue: DesignIssue): string {
  const where = [issue.stack, issue.logicalId].filter(Boolean).join('/');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Replaces (or adds) one stack's template by re-reading the whole design through the loader, as CloudFormation does. */
function deploy(design: Design, stack: string, region: string, templateText: string, parameters: Record<string, string> | undefined, account: Account): DesignChange {
  const existing = design.stacks.find((s) => s.name === stack);
  if (existing && existing.region !== region) return { ok: false, refusal: refusal('design-rule', `stack ${stack} is in ${existing.region}`) };
  if (!existing && design.stacks.length >= MAX_STACKS) return { ok: false, refusal: refusal('design-limit', `${MAX_STACKS} stacks`) };
  const parsed = parseTemplateText(templateText, { stack });
  const parseError = firstError(parsed.issues);
  if (parseError || parsed.value === undefined) {
    return { ok: false, refusal: { code: 'design-rule', message: parseError ? describe(parseError) : 'the template is empty', detail: parseError?.code ?? 'template-empty' } };
  }
  // A stack with nothing in it yet (a board's empty starting stack) has no template CloudFormation would take:
  // manifestWithStack leaves it out of the reading, and it is put back as it was.
  const empty = design.stacks.filter((s, i) => s.name !== stack && !design.resources.some((r) => r.stack === i) && !design.unmodelled.some((u) => u.stack === i));
  // The whole board is read again in the match's account: a default VPC its scenario deleted is not there to use.
  const loaded = loadDesign(manifestWithStack(design, stack, region, parsed.value, parameters), () => undefined, { account });
  const error = firstError(loaded.issues);
  if (error || !loaded.design) {
    return { ok: false, refusal: { code: 'design-rule', message: error ? describe(error) : 'the template could not be read', detail: error?.code ?? 'unreadable' } };
  }
  const stackWarnings = loaded.issues.filter((i) => i.severity === 'warning' && i.stack === stack);
  const warnings = stackWarnings.map(describe);
  // The same warnings as codes and values, for a client to say in its player's language.
  const notices = stackWarnings.map(({ code, stack: s, logicalId, message, params }): DesignNotice => ({ code, ...(s ? { stack: s } : {}), ...(logicalId ? { logicalId } : {}), message, ...(params ? { params } : {}) }));
  const next = { ...loaded.design, stacks: [...loaded.design.stacks, ...empty.map((e) => copyPlain(e))] };
  // The physical resources: what the change set replaces gets a new generation, everything else keeps its own.
  const generations = withGenerations(design, next, stack, decidedUpdatesOf(design, next, stack));
  // What the template no longer declares leaves the stack under its DeletionPolicy, and the old copy of what was
  // replaced under its UpdateReplacePolicy; the account keeps what it kept before (the re-read design has only
  // the templates' resources).
  const kept = keepInAccount(generations, design, [...removedBy(design, generations, stack), ...replacedBy(design, generations, stack)]);
  if (!kept.ok) return kept;
  const restored = restoredDatabases(design, kept.design, stack);
  if (!restored.ok) return restored;
  return { ok: true, design: kept.design, warnings, notices, kept: kept.report, restored: restored.restored };
}

/** The old physical copies of the resources of `stack` that `after` replaced (a higher generation), each with its UpdateReplacePolicy. */
function replacedBy(before: Design, after: Design, stack: string): Leaving[] {
  const index = before.stacks.findIndex((s) => s.name === stack);
  const afterIndex = after.stacks.findIndex((s) => s.name === stack);
  if (index < 0 || afterIndex < 0) return [];
  const generation = new Map(after.resources.filter((r) => r.stack === afterIndex).map((r) => [r.logicalId, r.generation ?? 0]));
  return before.resources
    .filter((r) => r.stack === index && r.partOf === undefined && (generation.get(r.logicalId) ?? -1) > (r.generation ?? 0))
    .map((r) => ({ id: r.id, policy: updateReplacePolicyOf(r) }));
}

/** The resources of `stack` in `before` that `after` no longer has, each with its DeletionPolicy. */
function removedBy(before: Design, after: Design, stack: string): Leaving[] {
  const index = before.stacks.findIndex((s) => s.name === stack);
  if (index < 0) return [];
  const afterIndex = after.stacks.findIndex((s) => s.name === stack);
  const still = new Set(after.resources.filter((r) => r.stack === afterIndex).map((r) => r.logicalId));
  return before.resources
    .filter((r) => r.stack === index && r.partOf === undefined && !still.has(r.logicalId))
    .map((r) => ({ id: r.id, policy: deletionPolicyOf(r) }));
}

/** The plan of a board intent: the API calls the console would make for it, computed by the shared rules. */
export function planOf(design: Design, intent: BoardIntent, context: PlaceContext): PlanResult {
  switch (intent.type) {
    case 'place':
      return planPlace(design, { entry: intent.entry, target: intent.target, ...(intent.settings ? { settings: intent.settings } : {}), ...(intent.name ? { name: intent.name } : {}) }, context);
    case 'remove':
      return planRemove(design, intent.ref);
    case 'connect':
    case 'disconnect':
      return planConnect(design, intent.from, intent.to, intent.type === 'disconnect');
    case 'configure':
      return { ok: true, steps: [{ op: 'update', ref: intent.target, props: intent.props }] };
    case 'move':
      return { ok: true, steps: [{ op: 'move', ref: intent.target, position: intent.position }] };
    case 'delete':
      // A DB snapshot the account keeps is no resource of the board's: RDS deletes it by its identifier.
      if (!findByRef(design, intent.target) && snapshotByRef(design, intent.target)) return { ok: true, steps: [{ op: 'deleteSnapshot', ref: intent.target }] };
      return { ok: true, steps: [{ op: 'delete', ref: intent.target }] };
    case 'createResource': {
      const stack = design.stacks.findIndex((s) => s.name === intent.stack);
      if (stack < 0) return { ok: false, refusal: refusal('unknown-stack', intent.stack) };
      if (typeof intent.props !== 'object' || intent.props === null || Array.isArray(intent.props)) return { ok: false, refusal: refusal('invalid-properties') };
      const logicalId = intent.logicalId ?? freeLogicalId(design, stack, intent.kind);
      return { ok: true, steps: [{ op: 'create', stack: intent.stack, kind: intent.kind, logicalId, props: intent.props, ...(intent.position ? { position: intent.position } : {}) }] };
    }
  }
}

/** A plan applied to a design with the design's rules checked once, at the end. */
export function applyBoardPlan(design: Design, plan: Extract<PlanResult, { ok: true }>): ReturnType<typeof applyPlan> {
  return applyPlan(design, plan.steps, rules);
}

/** A stack created, deployed or deleted; a deploy reads the templates in `account` (the scenario's). */
export function changeStacks(design: Design, intent: StackIntent, account: Account = FRESH_ACCOUNT): DesignChange {
  switch (intent.type) {
    case 'createStack': {
      if (design.stacks.some((s) => s.name === intent.stack)) return { ok: false, refusal: refusal('duplicate-logical-id', intent.stack) };
      if (design.stacks.length >= MAX_STACKS) return { ok: false, refusal: refusal('design-limit', `${MAX_STACKS} stacks`) };
      return { ok: true, design: { ...design, stacks: [...design.stacks, { name: intent.stack, region: intent.region, parameters: {} }] } };
    }
    case 'deployStack':
      return deploy(design, intent.stack, intent.region, intent.template, intent.parameters, account);
    case 'deleteStack': {
      const index = design.stacks.findIndex((s) => s.name === intent.stack);
      if (index < 0) return { ok: false, refusal: refusal('unknown-stack', intent.stack) };
      if (design.stacks[index]!.account) return { ok: false, refusal: refusal('account-resource', intent.stack) };
      const inside = new Set(design.resources.filter((r) => r.stack === index).map((r) => r.id));
      const outsideUser = design.resources.find((r) => !inside.has(r.id) && findDependency(design, r.id, inside));
      if (outsideUser) return { ok: false, refusal: refusal('dependency-violation', `${design.stacks[outsideUser.stack]?.name}/${outsideUser.logicalId}`) };
      const without = withoutResources(design, inside);
      const stacks = without.stacks.filter((_, i) => i !== index);
      const resources = without.resources.map((r) => ({ ...r, stack: r.stack > index ? r.stack - 1 : r.stack }));
      const unmodelled = without.unmodelled.filter((u) => u.stack !== index).map((u) => ({ ...u, stack: u.stack > index ? u.stack - 1 : u.stack }));
      // Each resource leaves under its DeletionPolicy (the parts derived from one go with it).
      const leaving = design.resources.filter((r) => r.stack === index && r.partOf === undefined).map((r) => ({ id: r.id, policy: deletionPolicyOf(r) }));
      const kept = keepInAccount({ ...without, stacks, resources, unmodelled }, design, leaving);
      if (!kept.ok) return kept;
      return { ok: true, design: kept.design, kept: kept.report };
    }
  }
}

/** Whether resource `id` refers to any resource in `inside` (a stack being deleted). */
function findDependency(design: Design, id: number, inside: ReadonlySet<number>): boolean {
  const resource = design.resources[id];
  return resource !== undefined && referencesOf(resource).some((ref) => inside.has(ref));
}

/** The kind of a "stack/LogicalId" in a design, for naming the API call. */
export function kindIn(design: Design) {
  return (ref: string) => findByRef(design, ref)?.kind;
}
