import { PROPS_SCHEMAS } from './schema.ts';
import type { BoardPosition, Design, DesignIssue, Resource, ResourceId, ResourceKind } from './model.ts';
import { dependentsOf, mapReferences, referencesOf } from './references.ts';
import { followLoadBalancerType } from './lb-type-switch.ts';
import { familyOf, typeSwitchRefusal } from './lb-settings.ts';
import { refusal, type Refusal } from '../protocol/refusals.ts';

// Edits a player makes to a team's design on the board: place, configure, move and delete one resource.
// Each works on a copy and returns it only when the result is still a valid design, so a refused edit
// changes nothing. Resources are named in intents as "stack/LogicalId": ids are positions that shift when
// something is deleted, names are what players and CloudFormation use.

/** The most resources one team's design may hold: keeps rooms, patches and the simulation bounded. */
export const MAX_DESIGN_RESOURCES = 600;

export type EditResult = { ok: true; design: Design; resource?: Resource } | { ok: false; refusal: Refusal };

/** Rule checks over a whole design (CIDR containment, overlaps, …): the loader's, passed in by the caller. */
export type DesignRules = (design: Design) => DesignIssue[];

export function refOf(design: Design, resource: Resource): string {
  return `${design.stacks[resource.stack]?.name ?? '?'}/${resource.logicalId}`;
}

export function findByRef(design: Design, ref: unknown): Resource | undefined {
  if (typeof ref !== 'string') return undefined;
  const slash = ref.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const stack = design.stacks.findIndex((s) => s.name === ref.slice(0, slash));
  const logicalId = ref.slice(slash + 1);
  return design.resources.find((r) => r.stack === stack && r.logicalId === logicalId);
}

function fail(code: Parameters<typeof refusal>[0], detail?: string): EditResult {
  return { ok: false, refusal: refusal(code, detail) };
}

/** Checks props against the kind's schema and the whole design against the rules; on success returns it. */
function settle(design: Design, changed: Resource | undefined, rules: DesignRules): EditResult {
  if (changed) {
    const parsed = PROPS_SCHEMAS[changed.kind].safeParse(changed.props);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid-properties', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
    }
    const dangling = referencesOf(changed).find((id) => design.resources[id] === undefined);
    if (dangling !== undefined) return fail('unknown-resource', `#${dangling}`);
  }
  const error = rules(design).find((i) => i.severity === 'error');
  if (error) return { ok: false, refusal: { code: 'design-rule', message: error.message, detail: error.code } };
  return changed ? { ok: true, design, resource: changed } : { ok: true, design };
}

/**
 * Turns "stack/LogicalId" references in intent props into ids. Intents never name resources by id (ids shift
 * when something is deleted), so a number where a reference belongs is as unknown as a name that is not there.
 */
function resolveRefs(design: Design, kind: ResourceKind, props: unknown): { props: Record<string, unknown>; unknown?: string } {
  let unknown: string | undefined;
  const resolved = mapReferences(kind, props, (ref) => {
    const found = findByRef(design, ref);
    if (!found) unknown ??= String(ref).slice(0, 80);
    return found?.id ?? -1;
  });
  return unknown === undefined ? { props: resolved } : { props: resolved, unknown };
}

/** A logical id like "Instance3": the kind's name and the first free number in the stack. */
export function freeLogicalId(design: Design, stack: number, kind: ResourceKind): string {
  const stem = kind[0]!.toUpperCase() + kind.slice(1);
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}`;
    if (!design.resources.some((r) => r.stack === stack && r.logicalId === candidate)) return candidate;
  }
}

export interface PlaceRequest {
  stack: string;
  kind: ResourceKind;
  logicalId?: string;
  props: unknown;
  position?: BoardPosition;
}

export function placeResource(current: Design, request: PlaceRequest, rules: DesignRules): EditResult {
  if (current.resources.length >= MAX_DESIGN_RESOURCES) return fail('design-limit', String(MAX_DESIGN_RESOURCES));
  const stack = current.stacks.findIndex((s) => s.name === request.stack);
  if (stack < 0) return fail('unknown-stack', request.stack);
  // Designs are values: an edit shares every part it does not change (copying a whole design was most of an edit's cost).
  const design: Design = { ...current, resources: [...current.resources] };
  const logicalId = request.logicalId ?? freeLogicalId(design, stack, request.kind);
  if (design.resources.some((r) => r.stack === stack && r.logicalId === logicalId)) {
    return fail('duplicate-logical-id', logicalId);
  }
  if (typeof request.props !== 'object' || request.props === null || Array.isArray(request.props)) {
    return fail('invalid-properties');
  }
  const refs = resolveRefs(design, request.kind, request.props);
  if (refs.unknown !== undefined) return fail('unknown-resource', refs.unknown);
  const resource = {
    id: design.resources.length,
    stack,
    logicalId,
    kind: request.kind,
    props: refs.props,
    ...(request.position ? { position: { x: request.position.x, y: request.position.y } } : {}),
  } as Resource;
  design.resources.push(resource);
  return settle(design, resource, rules);
}

/** Replaces the given properties of a resource (a shallow merge: arrays and objects are replaced whole). */
export function configureResource(current: Design, ref: string, patch: unknown, rules: DesignRules): EditResult {
  const found = findByRef(current, ref);
  if (!found) return fail('unknown-resource', ref);
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return fail('invalid-properties');
  const refs = resolveRefs(current, found.kind, patch);
  if (refs.unknown !== undefined) return fail('unknown-resource', refs.unknown);
  const resource = { ...found, props: { ...found.props, ...refs.props } } as Resource;
  let design: Design = { ...current, resources: current.resources.map((r) => (r.id === found.id ? resource : r)) };
  // A load balancer's type carries its listeners and target groups along (lb-type-switch.ts).
  if (resource.kind === 'loadBalancer' && found.kind === 'loadBalancer' && resource.props.lbType !== found.props.lbType) {
    // A GWLB stays a GWLB and a Classic ELB stays classic (lb-settings.ts says why).
    const refused = typeSwitchRefusal(familyOf(found.props.lbType, found.awsType), resource.props.lbType);
    if (refused) return { ok: false, refusal: refused };
    design = followLoadBalancerType(design, resource.id);
  }
  return settle(design, resource, rules);
}

export function moveResource(current: Design, ref: string, position: BoardPosition): EditResult {
  const found = findByRef(current, ref);
  if (!found) return fail('unknown-resource', ref);
  const resource = { ...found, position: { x: position.x, y: position.y } } as Resource;
  const design: Design = { ...current, resources: current.resources.map((r) => (r.id === found.id ? resource : r)) };
  return { ok: true, design, resource };
}

/** Deletes a resource nothing depends on, renumbering the ones after it (as AWS, it refuses rather than cascades). */
export function deleteResource(current: Design, ref: string, rules: DesignRules): EditResult {
  const found = findByRef(current, ref);
  if (!found) return fail('unknown-resource', ref);
  const dependents = dependentsOf(current.resources, found.id);
  if (dependents.length > 0) {
    return fail('dependency-violation', dependents.slice(0, 5).map((r) => refOf(current, r)).join(', '));
  }
  return settle(withoutResources(current, new Set([found.id])), undefined, rules);
}

/** A copy of the design without the given resources, every id and reference renumbered to match. */
export function withoutResources(current: Design, removed: ReadonlySet<ResourceId>): Design {
  const newId = new Map<ResourceId, ResourceId>();
  let next = 0;
  for (const r of current.resources) if (!removed.has(r.id)) newId.set(r.id, next++);
  const renumber = (ref: unknown): unknown => (typeof ref === 'number' ? newId.get(ref) : ref);
  const resources = current.resources
    .filter((r) => !removed.has(r.id))
    .map((r) => {
      const copy = { ...r };
      copy.id = newId.get(r.id)!;
      copy.props = mapReferences(r.kind, r.props, renumber) as never;
      if (copy.dependsOn) copy.dependsOn = copy.dependsOn.map((d) => newId.get(d)).filter((d) => d !== undefined);
      if (copy.partOf !== undefined) {
        const parent = newId.get(copy.partOf);
        if (parent === undefined) delete copy.partOf;
        else copy.partOf = parent;
      }
      return copy;
    });
  return { ...current, resources };
}
