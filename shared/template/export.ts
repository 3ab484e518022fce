// The exporter: a design back to a manifest and one real CloudFormation template per stack. Board resources
// are written under their logical ids by their codecs, with kept properties, attributes and the board position
// (Metadata FiveNines::Board); unmodelled resources and template parts are written as they were read. A
// reference to a resource of another stack becomes Fn::ImportValue of an Output the exporter adds to that stack.
// Modelled properties are written in their author's form where the model still holds what it gave (a parameter,
// !GetAZs, a default left out: written-forms.ts).
//
// Parameters: the template keeps its declarations exactly as written (Type, Default, AllowedValues, NoEcho, …;
// no Default is rewritten, so the template stays its author's and can be deployed with other values). The values
// the stack was deployed with travel beside it, as a parameters file: the manifest's `parameters` (the game's
// form) and the same values in the AWS CLI's form (`aws cloudformation create-stack --parameters file://…`),
// each listing only the values that differ from the template's Default, as the console shows a stack's.

import type { Design, Resource, ResourceId, TimedAction } from '../design/model.ts';
import type { WriteContext } from './codec.ts';
import { codecOfResource } from './codecs/index.ts';
import { mergeKept } from './kept-properties.ts';
import { parameterText } from './parameters.ts';
import { isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { writeAttributes } from './resource-attributes.ts';
import { GENERATED_OUTPUT_PREFIX } from './stack-setup.ts';
import { accountNameOf } from './account-stacks.ts';
import { applyWrittenForms, leaveOutUnwritten } from './written-forms.ts';

export interface ExportedManifest {
  stacks: { name: string; region: string; template: string; parameters?: Record<string, string> }[];
  actions?: TimedAction[];
}

export interface ExportedDesign {
  manifest: ExportedManifest;
  /** Templates by stack name; the manifest names each as "<stack name>.yaml". */
  templates: Record<string, PlainObject>;
  /** The deployed parameter values by stack name, as the AWS CLI's parameters file (empty when all are defaults). */
  parameterFiles: Record<string, CliParameter[]>;
}

/** One entry of an AWS CLI parameters file. */
export interface CliParameter {
  ParameterKey: string;
  ParameterValue: string;
}

export function exportDesign(design: Design): ExportedDesign {
  const generated = new Map<number, PlainObject>();
  const importOf = (id: ResourceId, attribute: string | undefined): unknown => {
    const target = design.resources[id];
    const imported = importValueOf(design, id, attribute);
    if (!target || !('Fn::ImportValue' in imported)) return imported;
    const suffix = attribute === undefined ? '' : attribute.replace(/[^A-Za-z0-9]/g, '');
    const outputs = generated.get(target.stack) ?? {};
    const value = attribute === undefined ? { Ref: target.logicalId } : { 'Fn::GetAtt': [target.logicalId, attribute] };
    setOwn(outputs, `${GENERATED_OUTPUT_PREFIX}${target.logicalId}${suffix}`, { Value: value, Export: { Name: imported['Fn::ImportValue'] } });
    generated.set(target.stack, outputs);
    return imported;
  };

  const resourcesByStack = design.stacks.map((stack, index) => (stack.account ? {} : writeResources(design, index, importOf)));
  const templates: Record<string, PlainObject> = {};
  design.stacks.forEach((stack, index) => {
    // The account's default VPC is AWS's, not a stack's: templates name it, no template declares it.
    if (stack.account) return;
    const template: PlainObject = {};
    const extras = stack.extras ?? {};
    for (const [key, value] of Object.entries(extras)) if (key !== 'Outputs') setOwn(template, key, value);
    template['Resources'] = resourcesByStack[index]!;
    const outputs: PlainObject = { ...(isPlainObject(extras['Outputs']) ? extras['Outputs'] : {}), ...(generated.get(index) ?? {}) };
    if (Object.keys(outputs).length > 0) template['Outputs'] = outputs;
    setOwn(templates, stack.name, template);
  });

  const manifest: ExportedManifest = {
    stacks: design.stacks.filter((stack) => !stack.account).map((stack) => {
      const parameters = changedParameters(stack.parameters, stack.extras?.['Parameters']);
      return { name: stack.name, region: stack.region, template: `${stack.name}.yaml`, ...(parameters ? { parameters } : {}) };
    }),
  };
  if (design.actions.length > 0) manifest.actions = design.actions.map((a) => ({ atS: a.atS, ...(a.as !== undefined ? { as: a.as } : {}), intent: a.intent, ...(a.after ? { after: a.after } : {}) }));
  const parameterFiles: Record<string, CliParameter[]> = {};
  for (const stack of manifest.stacks) {
    setOwn(parameterFiles, stack.name, Object.entries(stack.parameters ?? {}).map(([key, value]) => ({ ParameterKey: key, ParameterValue: value })));
  }
  return { manifest, templates, parameterFiles };
}

function writeResources(design: Design, stackIndex: number, importOf: (id: ResourceId, attribute: string | undefined) => unknown): PlainObject {
  const out: PlainObject = {};
  const ownIds = new Set(design.resources.filter((r) => r.stack === stackIndex).map((r) => r.logicalId));
  const unmodelledIds = new Set(design.unmodelled.filter((u) => u.stack === stackIndex).map((u) => u.logicalId));
  for (const resource of design.resources) {
    if (resource.stack !== stackIndex || resource.partOf !== undefined) continue;
    const codec = codecOfResource(resource);
    if (!codec) continue;
    const w = writeContext(design, resource, importOf, (name) => ownIds.has(name) || unmodelledIds.has(name));
    const written = codec.write(resource.props as never, w) as PlainObject;
    const authored = leaveOutUnwritten(applyWrittenForms(written, resource.written), resource.unwritten);
    const properties = mergeKept(authored, resource.unmodelled, new Set(codec.indexed ?? [])) as PlainObject;
    const body: PlainObject = { Type: codec.awsType };
    const logicalIdOf = (id: ResourceId) => {
      const r = design.resources[id];
      return r && r.stack === stackIndex ? r.logicalId : undefined;
    };
    for (const [k, v] of Object.entries(writeAttributes(resource, logicalIdOf))) setOwn(body, k, v);
    if (Object.keys(properties).length > 0) body['Properties'] = properties;
    setOwn(out, resource.logicalId, body);
  }
  for (const u of design.unmodelled) if (u.stack === stackIndex) setOwn(out, u.logicalId, u.body);
  return out;
}

/** How a template refers to a resource of another stack: the Fn::ImportValue of the Output the exporter adds. */
function importValueOf(design: Design, id: ResourceId, attribute: string | undefined): { 'Fn::ImportValue': string } | { Ref: string } {
  const target = design.resources[id];
  const stack = target ? design.stacks[target.stack] : undefined;
  if (!target || !stack) return { Ref: `MissingResource${id}` };
  const suffix = attribute === undefined ? '' : attribute.replace(/[^A-Za-z0-9]/g, '');
  return { 'Fn::ImportValue': `${stack.name}-${target.logicalId}${attribute === undefined ? '' : `-${suffix}`}` };
}

/**
 * What the exporter writes from the model for one resource of a stack (before kept properties and the author's
 * forms): the loader compares it with the template it read, to leave out again what the template left out.
 */
export function modelProperties(
  design: Design,
  resource: Resource,
  ids: ReadonlySet<string> = logicalIdsOf(design, resource.stack),
): { written: PlainObject; defaulted: readonly string[] } | undefined {
  const codec = codecOfResource(resource);
  if (!codec) return undefined;
  const w = writeContext(design, resource, (id, attribute) => importValueOf(design, id, attribute), (name) => ids.has(name));
  return { written: codec.write(resource.props as never, w) as PlainObject, defaulted: codec.defaulted ?? [] };
}

/** The logical ids of a stack's resources, on the board or not. */
export function logicalIdsOf(design: Design, stack: number): Set<string> {
  return new Set([...design.resources, ...design.unmodelled].filter((r) => r.stack === stack).map((r) => r.logicalId));
}

function writeContext(
  design: Design,
  resource: Resource,
  importOf: (id: ResourceId, attribute: string | undefined) => unknown,
  isLogicalId: (name: string) => boolean,
): WriteContext {
  const target = (id: ResourceId) => design.resources[id];
  const accountStack = (id: ResourceId) => {
    const t = target(id);
    const stack = t ? design.stacks[t.stack] : undefined;
    return stack?.account ? stack : undefined;
  };
  return {
    ref: (id) => {
      const t = target(id);
      const account = accountStack(id);
      if (t && account) return accountNameOf(account.region, t.logicalId, undefined);
      return t && t.stack === resource.stack ? { Ref: t.logicalId } : importOf(id, undefined);
    },
    att: (id, attribute) => {
      const t = target(id);
      const account = accountStack(id);
      if (t && account) return accountNameOf(account.region, t.logicalId, attribute);
      return t && t.stack === resource.stack ? { 'Fn::GetAtt': [t.logicalId, attribute] } : importOf(id, attribute);
    },
    resource: target,
    isAccountResource: (id) => accountStack(id) !== undefined,
    derived: () => design.resources.filter((r) => r.partOf === resource.id),
    kept: resource.unmodelled,
    written: resource.written,
    logicalId: resource.logicalId,
    isLogicalId,
    region: design.stacks[resource.stack]?.region ?? '',
    regionOfResource: (id) => {
      const t = target(id);
      return t ? design.stacks[t.stack]?.region : undefined;
    },
  };
}

/** The manifest lists only the values that differ from the template's defaults (as a stack's console does). */
function changedParameters(values: Record<string, string>, declarations: unknown): Record<string, string> | undefined {
  const declared = isPlainObject(declarations) ? declarations : {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const decl = declared[name];
    const fallback = isPlainObject(decl) && decl['Default'] !== undefined ? parameterText(decl['Default']) : undefined;
    if (fallback !== value) setOwn(out, name, value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
