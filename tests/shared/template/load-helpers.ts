// Small helpers for the template codec's tests: load one template (text or object) as a one-stack design,
// and pick resources and issues out of the result.

import type { Design, DesignIssue, Resource, ResourceKind, ResourceOfKind } from '../../../shared/design/model.ts';
import { exportDesign, loadDesign, templateToYaml, type LoadedDesign } from '../../../shared/template/index.ts';

export function loadTemplate(
  template: string | object,
  options: { parameters?: Record<string, unknown>; region?: string; name?: string } = {},
): LoadedDesign {
  const stack = {
    name: options.name ?? 'test',
    region: options.region ?? 'us-east-1',
    template: typeof template === 'string' ? 'template.yaml' : template,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  };
  return loadDesign({ stacks: [stack] }, (path) => (path === 'template.yaml' && typeof template === 'string' ? template : undefined));
}

export function errors(result: LoadedDesign): DesignIssue[] {
  return result.issues.filter((i) => i.severity === 'error');
}

export function codes(result: LoadedDesign, severity?: DesignIssue['severity']): string[] {
  return result.issues.filter((i) => severity === undefined || i.severity === severity).map((i) => i.code);
}

export function byLogicalId<K extends ResourceKind>(design: Design | undefined, logicalId: string, kind: K): ResourceOfKind<K> {
  const found = design?.resources.find((r) => r.logicalId === logicalId);
  if (!found) throw new Error(`no resource ${logicalId} on the board`);
  if (found.kind !== kind) throw new Error(`${logicalId} is a ${found.kind}, not a ${kind}`);
  return found as ResourceOfKind<K>;
}

export function idOf(design: Design | undefined, logicalId: string, stack = 0): number {
  const found = design?.resources.find((r: Resource) => r.logicalId === logicalId && r.stack === stack);
  if (!found) throw new Error(`no resource ${logicalId} on the board`);
  return found.id;
}

/** Exports a design, writes each template as YAML, and loads the result again. */
export function reload(design: Design): LoadedDesign {
  const exported = exportDesign(design);
  const texts = new Map(Object.entries(exported.templates).map(([name, t]) => [`${name}.yaml`, templateToYaml(t)]));
  return loadDesign(exported.manifest, (path) => texts.get(path));
}

/** A design as plain JSON (what crosses the wire): undefined fields vanish, as they would there. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
