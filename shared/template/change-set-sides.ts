// One side of a change set: a stack's template and parameter values read into each resource's resolved
// Properties, Metadata and policies, by logical id. It is read on its own, as CloudFormation compares a stack's
// two templates: a Ref or Fn::GetAtt to a resource stays a ResourceRef marker (so a reference to the same logical
// id compares equal on both sides), another stack's export stays its import name, and a resource whose
// Condition is false is not there at all.

import type { Design, DesignIssue } from '../design/model.ts';
import { exportDesign } from './export.ts';
import { resolveValue } from './intrinsics.ts';
import type { AccountDirectory } from './parameter-types.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { scanReferences } from './references.ts';
import type { ResourceRef } from './resource-ref.ts';
import { prepareStack } from './stack-setup.ts';

/** A stack as CloudFormation holds it: the template it was created or updated from and its parameter values. */
export interface StackTemplate {
  template: PlainObject;
  parameters: Record<string, string>;
}

/** The resource attributes besides Properties that a change set reports (Scope), compared as written. */
export const POLICY_ATTRIBUTES = ['CreationPolicy', 'UpdatePolicy', 'DeletionPolicy', 'UpdateReplacePolicy'] as const;

/** Where the exporter keeps the board position: the game's own, never a change to the stack. */
const BOARD_METADATA = 'FiveNines::Board';

export interface ResolvedResource {
  type: string;
  properties: PlainObject;
  /** Each property as written in the template, for telling a direct change from a parameter's. */
  raw: PlainObject;
  metadata: PlainObject;
  policies: PlainObject;
}

export interface ResolvedSide {
  resources: Map<string, ResolvedResource>;
  /** Every declared parameter's value as text (after defaults and the account's choices). */
  parameters: Record<string, string>;
  issues: DesignIssue[];
}

export function resolveSide(side: StackTemplate, stack: { name: string; region: string }, directory?: AccountDirectory): ResolvedSide {
  const issues: DesignIssue[] = [];
  const report = (issue: DesignIssue) => issues.push(issue);
  const prepared = prepareStack(0, { name: stack.name, region: stack.region, parameters: side.parameters }, side.template, {
    // A name stands for the resource in strings (Fn::Join, Fn::Sub); the same logical id gives the same name.
    nameOfRef: (ref: ResourceRef) => `${stack.name}-${ref.logicalId}${ref.attribute === undefined ? '' : `.${ref.attribute}`}`,
    refOfText: () => undefined,
    importValue: (name: string) => ({ found: true, value: `Fn::ImportValue:${name}` }),
    report,
  }, directory);
  issues.push(...scanReferences(stack.name, side.template));
  const scope = prepared.scope;
  const resources = new Map<string, ResolvedResource>();
  for (const [logicalId, body] of Object.entries(scope.resources)) {
    if (!isPlainObject(body) || scope.isExcluded(logicalId)) continue;
    const resolve = (value: unknown, path: string) => resolveValue(value, scope, { logicalId, path });
    const rawProperties = isPlainObject(body['Properties']) ? body['Properties'] : {};
    const properties = resolve(rawProperties, 'Properties');
    const metadata: PlainObject = {};
    if (isPlainObject(body['Metadata'])) {
      for (const [key, value] of Object.entries(body['Metadata'])) if (key !== BOARD_METADATA) setOwn(metadata, key, resolve(value, `Metadata.${key}`));
    }
    const policies: PlainObject = {};
    for (const name of POLICY_ATTRIBUTES) if (body[name] !== undefined) setOwn(policies, name, resolve(body[name], name));
    resources.set(logicalId, {
      type: typeof body['Type'] === 'string' ? body['Type'] : '',
      properties: isPlainObject(properties) ? properties : {},
      raw: rawProperties,
      metadata,
      policies,
    });
  }
  return { resources, parameters: prepared.stack.parameters, issues };
}

/**
 * The stack as the design runs it, for comparing a new template with: the design's own export of the stack
 * (the game keeps the design, not the text it was deployed from) and its parameter values. Undefined when the
 * design has no stack of that name or the stack holds nothing yet (a change set then adds everything).
 */
export function deployedStackOf(design: Design, stackName: string): StackTemplate | undefined {
  const index = design.stacks.findIndex((s) => s.name === stackName);
  if (index < 0) return undefined;
  if (!design.resources.some((r) => r.stack === index) && !design.unmodelled.some((u) => u.stack === index)) return undefined;
  const exported = exportDesign(design);
  const template = exported.templates[stackName];
  if (!template) return undefined;
  return { template, parameters: { ...design.stacks[index]!.parameters } };
}
