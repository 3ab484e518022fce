// A change set, as CloudFormation makes one before it creates or updates a stack: each resource Add, Modify or
// Remove, and for a Modify whether it needs Replacement (True / False / Conditional) and which properties cause
// it. Compared at the template level (logical ids and their resolved Properties), so it holds for any template
// the loader accepts, modelled or not. Whether a changed property replaces the resource comes from AWS's
// resource specification (update-semantics.ts): Immutable → Always, Conditional → Conditionally, Mutable →
// Never; a type or property the table does not know counts as Conditionally (AWS decides, the game cannot say).
// A resource that is replaced gets a new physical id, so what refers to it changes too (Evaluation Dynamic),
// and that change may replace it in turn: a new VPC CIDR replaces the VPC, its subnets and their instances.

import type { DesignIssue } from '../design/model.ts';
import { resolveSide, type ResolvedResource, type ResolvedSide, type StackTemplate } from './change-set-sides.ts';
import { intrinsicOf } from './intrinsics.ts';
import type { AccountDirectory } from './parameter-types.ts';
import { deepEqual, isPlainObject, type PlainObject } from './plain-data.ts';
import { ResourceRef } from './resource-ref.ts';
import { UPDATE_SEMANTICS } from './update-semantics.ts';
import type { UpdateBehaviour } from './update-behaviour.ts';

export { deployedStackOf, type StackTemplate } from './change-set-sides.ts';

export type ChangeAction = 'Add' | 'Modify' | 'Remove';
export type Replacement = 'True' | 'False' | 'Conditional';
export type RequiresRecreation = 'Never' | 'Conditionally' | 'Always';
/** CloudFormation's Scope / Target.Attribute: what part of the resource changed. */
export type ChangeAttribute = 'Properties' | 'Tags' | 'Metadata' | 'CreationPolicy' | 'UpdatePolicy' | 'DeletionPolicy' | 'UpdateReplacePolicy';

export interface ChangeDetail {
  target: { attribute: ChangeAttribute; name?: string; requiresRecreation: RequiresRecreation };
  /** Static: known from the templates. Dynamic: it changes because a resource it refers to is replaced. */
  evaluation: 'Static' | 'Dynamic';
  changeSource: 'DirectModification' | 'ParameterReference' | 'ResourceReference' | 'ResourceAttribute';
  /** The parameter, or the replaced resource (`LogicalId` or `LogicalId.Attribute`), that causes the change. */
  causingEntity?: string;
}

export interface ResourceChange {
  action: ChangeAction;
  logicalId: string;
  resourceType: string;
  /** Modify only. */
  replacement?: Replacement;
  /** Modify only: the changed parts, in CloudFormation's order. */
  scope?: ChangeAttribute[];
  /** Modify only: the properties whose change may or will replace the resource. */
  causes?: string[];
  details?: ChangeDetail[];
  /** False for a type the game does not model: its replacement is then 'Conditional' at most certain. */
  modelled: boolean;
  /**
   * Modify only, in a deploy's change set (change-set-deploy.ts): what executing it does to the running resource in
   * the game, every Conditional decided with the values (update-behaviour.ts): a new physical resource
   * (replacement), a stop and start or reboot (interruption), or nothing visible (none).
   */
  physical?: UpdateBehaviour;
  /**
   * With `physical` other than none: the properties that decide it and AWS's words for each (update-behaviour.ts),
   * so the player reads why, a Conditional above all. A property replaced only because what it names is replaced
   * says so through `via` (that resource's logical id).
   */
  physicalBecause?: PhysicalReason[];
}

export interface PhysicalReason {
  property: string;
  aws: string;
  via?: string;
}

export interface ChangeSet {
  changes: ResourceChange[];
  /** Problems reading either template (a missing parameter, a changed resource type): an error means no deploy. */
  issues: DesignIssue[];
}

const SCOPE_ORDER: readonly ChangeAttribute[] = ['Properties', 'Tags', 'Metadata', 'CreationPolicy', 'UpdatePolicy', 'DeletionPolicy', 'UpdateReplacePolicy'];

/** How a change of one property of a type is applied, per the resource specification. */
export function requiresRecreation(resourceType: string, property: string): RequiresRecreation {
  const semantics = UPDATE_SEMANTICS[resourceType];
  if (semantics?.Immutable?.includes(property)) return 'Always';
  if (semantics?.Mutable?.includes(property)) return 'Never';
  return 'Conditionally';
}

/**
 * The change set of deploying `next` to a stack now running `current` (undefined: the stack is being created).
 * `directory` resolves AWS-specific parameter types against the account, as the loader does.
 */
export function changeSetOf(
  current: StackTemplate | undefined,
  next: StackTemplate,
  stack: { name: string; region: string },
  options: ChangeSetOptions = {},
): ChangeSet {
  const { changes, issues } = changeSetWithSides(current, next, stack, options);
  return { changes, issues };
}

export interface ChangeSetOptions {
  directory?: AccountDirectory;
  /** The Resources as the player wrote them, when `next` is the game's own writing of them: where a parameter shows. */
  sources?: PlainObject;
}

/** A Modify with both sides' resolved resource: what deciding its physical outcome needs (update-behaviour.ts). */
export interface ModifiedResource {
  change: ResourceChange;
  old: ResolvedResource;
  now: ResolvedResource;
}

/** changeSetOf, with each Modify's two resolved sides by logical id. */
export function changeSetWithSides(
  current: StackTemplate | undefined,
  next: StackTemplate,
  stack: { name: string; region: string },
  options: ChangeSetOptions = {},
): ChangeSet & { modified: ReadonlyMap<string, ModifiedResource> } {
  const before = current ? resolveSide(current, stack, options.directory) : undefined;
  const after = resolveSide(next, stack, options.directory);
  const issues = [...after.issues];
  const changes: ResourceChange[] = [];
  const modified = new Map<string, ModifiedResource>();

  for (const [logicalId, now] of after.resources) {
    const old = before?.resources.get(logicalId);
    if (!old) {
      changes.push({ action: 'Add', logicalId, resourceType: now.type, modelled: isModelled(now.type) });
      continue;
    }
    if (old.type !== now.type) {
      issues.push({ severity: 'error', code: 'resource-type-changed', stack: stack.name, logicalId, message: `Update of resource type is not permitted (${old.type} → ${now.type})` });
      continue;
    }
    const change: ResourceChange = { action: 'Modify', logicalId, resourceType: now.type, modelled: isModelled(now.type), details: staticDetails(old, now, before!, after, sourceOf(options.sources, logicalId) ?? now.raw) };
    modified.set(logicalId, { change, old, now });
    changes.push(change);
  }
  for (const [logicalId, old] of before?.resources ?? []) {
    if (!after.resources.has(logicalId)) changes.push({ action: 'Remove', logicalId, resourceType: old.type, modelled: isModelled(old.type) });
  }

  const replaced = addDynamicDetails(modified);
  const kept = changes.filter((c) => c.action !== 'Modify' || (c.details?.length ?? 0) > 0);
  for (const c of kept) if (c.action === 'Modify') summarise(c, replaced);
  return { changes: kept, issues, modified };
}

function isModelled(type: string): boolean {
  return Object.hasOwn(UPDATE_SEMANTICS, type);
}

/** The changes known from the two templates alone: every property, metadata key and policy that differs. */
function staticDetails(old: ResolvedResource, now: ResolvedResource, before: ResolvedSide, after: ResolvedSide, written: PlainObject): ChangeDetail[] {
  const details: ChangeDetail[] = [];
  for (const name of unionKeys(old.properties, now.properties)) {
    if (deepEqual(old.properties[name], now.properties[name])) continue;
    const parameter = changedParameterIn(written[name], before.parameters, after.parameters);
    details.push({
      target: { attribute: name === 'Tags' ? 'Tags' : 'Properties', name, requiresRecreation: requiresRecreation(now.type, name) },
      evaluation: 'Static',
      ...(parameter === undefined ? { changeSource: 'DirectModification' as const } : { changeSource: 'ParameterReference' as const, causingEntity: parameter }),
    });
  }
  if (!deepEqual(old.metadata, now.metadata)) {
    details.push({ target: { attribute: 'Metadata', requiresRecreation: 'Never' }, evaluation: 'Static', changeSource: 'DirectModification' });
  }
  for (const name of unionKeys(old.policies, now.policies)) {
    if (deepEqual(old.policies[name], now.policies[name])) continue;
    details.push({ target: { attribute: name as ChangeAttribute, requiresRecreation: 'Never' }, evaluation: 'Static', changeSource: 'DirectModification' });
  }
  return details;
}

/**
 * A property that refers to a replaced resource changes with it (new id, new ARN), found again and again until
 * nothing more is replaced. Only replacements propagate: an in-place update keeps the physical id.
 */
function addDynamicDetails(modified: Map<string, ModifiedResource>): Map<string, Replacement> {
  const replaced = new Map<string, Replacement>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [logicalId, m] of modified) {
      const r = replacementOf(m.change.details ?? [], replaced);
      if (r !== 'False' && replaced.get(logicalId) !== r) {
        replaced.set(logicalId, r);
        grew = true;
      }
    }
    for (const m of modified.values()) {
      const details = m.change.details!;
      for (const [name, value] of Object.entries(m.now.properties)) {
        for (const ref of refsIn(value)) {
          if (!replaced.has(ref.logicalId)) continue;
          const causingEntity = ref.attribute === undefined ? ref.logicalId : `${ref.logicalId}.${ref.attribute}`;
          if (details.some((d) => d.target.name === name && (d.evaluation === 'Static' || d.causingEntity === causingEntity))) continue;
          details.push({
            target: { attribute: name === 'Tags' ? 'Tags' : 'Properties', name, requiresRecreation: requiresRecreation(m.now.type, name) },
            evaluation: 'Dynamic',
            changeSource: ref.attribute === undefined ? 'ResourceReference' : 'ResourceAttribute',
            causingEntity,
          });
          grew = true;
        }
      }
    }
  }
  return replaced;
}

/**
 * A resource's replacement from its details: True when a property that always replaces it changes for sure
 * (in the templates, or because what it names is itself surely replaced); Conditional when one may; else False.
 */
function replacementOf(details: readonly ChangeDetail[], replaced: ReadonlyMap<string, Replacement>): Replacement {
  let result: Replacement = 'False';
  for (const d of details) {
    if (d.target.requiresRecreation === 'Never') continue;
    const sure = d.evaluation === 'Static' || replaced.get(causeId(d)) === 'True';
    if (d.target.requiresRecreation === 'Always' && sure) return 'True';
    result = 'Conditional';
  }
  return result;
}

/** The logical id of the resource whose replacement caused a Dynamic detail. */
export function causeId(detail: ChangeDetail): string {
  return (detail.causingEntity ?? '').split('.')[0]!;
}

function summarise(change: ResourceChange, replaced: ReadonlyMap<string, Replacement>): void {
  const details = change.details!;
  change.replacement = replacementOf(details, replaced);
  change.scope = SCOPE_ORDER.filter((a) => details.some((d) => d.target.attribute === a));
  change.causes = [...new Set(details.filter((d) => d.target.requiresRecreation !== 'Never' && d.target.name !== undefined).map((d) => d.target.name!))];
}

function sourceOf(sources: PlainObject | undefined, logicalId: string): PlainObject | undefined {
  const body = sources?.[logicalId];
  return isPlainObject(body) && isPlainObject(body['Properties']) ? body['Properties'] : undefined;
}

function unionKeys(a: PlainObject, b: PlainObject): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function refsIn(value: unknown): ResourceRef[] {
  if (value instanceof ResourceRef) return [value];
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (isPlainObject(value)) return Object.values(value).flatMap(refsIn);
  return [];
}

/** A parameter the raw property refers to (Ref, or ${Name} in Fn::Sub) whose value differs between the sides. */
function changedParameterIn(raw: unknown, before: Record<string, string>, after: Record<string, string>): string | undefined {
  const changed = (name: string) => Object.hasOwn(after, name) && before[name] !== after[name];
  const visit = (value: unknown): string | undefined => {
    const call = intrinsicOf(value);
    if (call?.[0] === 'Ref' && typeof call[1] === 'string' && changed(call[1])) return call[1];
    if (call?.[0] === 'Fn::Sub') {
      const text = Array.isArray(call[1]) ? call[1][0] : call[1];
      if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^}!.]+)\}/g)) if (changed(m[1]!)) return m[1];
    }
    if (Array.isArray(value)) for (const v of value) { const found = visit(v); if (found) return found; }
    if (isPlainObject(value)) for (const v of Object.values(value)) { const found = visit(v); if (found) return found; }
    return undefined;
  };
  return visit(raw);
}
