import { findByRef, freeLogicalId, withoutResources, type EditResult } from '../design/edits.ts';
import type { Design, DesignIssue } from '../design/model.ts';
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

// Design intents turned into a new design: a board gesture's plan (shared/design/plans) applied whole, and
// CloudFormation stacks created, deployed and deleted. Nothing here touches the world; the caller swaps the
// world onto the new design.

type StackIntent = Extract<MatchIntent, { type: 'createStack' | 'deployStack' | 'deleteStack' }>;
export type BoardIntent = Extract<MatchIntent, { type: 'place' | 'remove' | 'connect' | 'disconnect' | 'configure' | 'move' | 'createResource' | 'delete' }>;

export const STACK_INTENTS: readonly StackIntent['type'][] = ['createStack', 'deployStack', 'deleteStack'];
export const BOARD_INTENTS: readonly BoardIntent['type'][] = ['place', 'remove', 'connect', 'disconnect', 'configure', 'move', 'createResource', 'delete'];

export type DesignChange = EditResult & { warnings?: string[] };

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
  const warnings = loaded.issues.filter((i) => i.severity === 'warning' && i.stack === stack).map(describe);
  const next = { ...loaded.design, stacks: [...loaded.design.stacks, ...empty.map((e) => copyPlain(e))] };
  // The physical resources: what the change set replaces gets a new generation, everything else keeps its own.
  return { ok: true, design: withGenerations(design, next, stack, decidedUpdatesOf(design, next, stack)), warnings };
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
      const inside = new Set(design.resources.filter((r) => r.stack === index).map((r) => r.id));
      const outsideUser = design.resources.find((r) => !inside.has(r.id) && findDependency(design, r.id, inside));
      if (outsideUser) return { ok: false, refusal: refusal('dependency-violation', `${design.stacks[outsideUser.stack]?.name}/${outsideUser.logicalId}`) };
      const without = withoutResources(design, inside);
      const stacks = without.stacks.filter((_, i) => i !== index);
      const resources = without.resources.map((r) => ({ ...r, stack: r.stack > index ? r.stack - 1 : r.stack }));
      const unmodelled = without.unmodelled.filter((u) => u.stack !== index).map((u) => ({ ...u, stack: u.stack > index ? u.stack - 1 : u.stack }));
      return { ok: true, design: { ...without, stacks, resources, unmodelled } };
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
