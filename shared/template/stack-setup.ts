// Turns one manifest stack and its template into the stack of the design (name, region, parameter values,
// the template parts kept for export) and the scope its intrinsic functions are resolved in.

import { accountStackName, defaultVpcTemplate } from '../account/default-vpc.ts';
import type { DesignIssue, Stack } from '../design/model.ts';
import { conditionNamed } from './conditions.ts';
import { resolveValue } from './intrinsics.ts';
import type { AccountDirectory } from './parameter-types.ts';
import { readParameters } from './parameters.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import type { ResourceRef } from './resource-ref.ts';
import type { StackScope } from './stack-scope.ts';

/** Outputs the exporter generates for cross-stack references; they are made again at each export. */
export const GENERATED_OUTPUT_PREFIX = 'FiveNinesExport';

export interface PreparedStack {
  scope: StackScope;
  stack: Stack;
  template: PlainObject;
}

export interface DesignWide {
  nameOfRef: (ref: ResourceRef) => string;
  refOfText: (text: string) => ResourceRef | undefined;
  importValue: (name: string) => { found: boolean; value?: unknown };
  report: (issue: DesignIssue) => void;
}

export function prepareStack(
  index: number,
  entry: { name: string; region: string; parameters?: Record<string, unknown> | undefined },
  template: PlainObject,
  wide: DesignWide,
  directory?: AccountDirectory,
): PreparedStack {
  const parameters = readParameters(template['Parameters'], entry.parameters ?? {}, entry, directory);
  for (const issue of parameters.issues) wide.report(issue);
  const excluded = new Set<string>();
  const scope: StackScope = {
    index,
    name: entry.name,
    region: entry.region,
    parameters: parameters.values,
    mappings: isPlainObject(template['Mappings']) ? template['Mappings'] : {},
    conditions: isPlainObject(template['Conditions']) ? template['Conditions'] : {},
    resources: isPlainObject(template['Resources']) ? template['Resources'] : {},
    conditionMemo: new Map(),
    nameOfRef: wide.nameOfRef,
    refOfText: wide.refOfText,
    importValue: wide.importValue,
    isExcluded: (logicalId) => excluded.has(logicalId),
    report: wide.report,
  };
  // A false resource-level Condition leaves the resource out, as CloudFormation does.
  for (const [logicalId, body] of Object.entries(scope.resources)) {
    const condition = isPlainObject(body) ? body['Condition'] : undefined;
    if (typeof condition !== 'string') continue;
    const at = { logicalId, path: 'Condition' };
    if (!conditionNamed(condition, scope, at, (v) => resolveValue(v, scope, at))) excluded.add(logicalId);
  }
  const stack: Stack = { name: entry.name, region: entry.region, parameters: parameters.record };
  const extras = extrasOf(template);
  if (extras) stack.extras = extras;
  return { scope, stack, template };
}

/** The account's stack of a region: its default VPC, read like any template (shared/account/default-vpc.ts). */
export function prepareAccountStack(index: number, region: string, wide: DesignWide): PreparedStack {
  const prepared = prepareStack(index, { name: accountStackName(region), region }, defaultVpcTemplate(region), wide);
  return { ...prepared, stack: { name: prepared.stack.name, region, parameters: {}, account: true } };
}

/** Every top-level template part but Resources, in the template's order (generated outputs left out). */
function extrasOf(template: PlainObject): PlainObject | undefined {
  const extras: PlainObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key === 'Resources') continue;
    if (key === 'Outputs' && isPlainObject(value)) {
      const outputs: PlainObject = {};
      for (const [name, output] of Object.entries(value)) if (!name.startsWith(GENERATED_OUTPUT_PREFIX)) setOwn(outputs, name, output);
      if (Object.keys(outputs).length > 0) setOwn(extras, key, outputs);
      continue;
    }
    setOwn(extras, key, value);
  }
  return Object.keys(extras).length === 0 ? undefined : extras;
}
