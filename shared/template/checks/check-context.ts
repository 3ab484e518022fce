// What every design check shares: typed access to the resources of a kind and a way to word an issue
// with the stack and logical id of the resource it is about.

import type { Design, DesignIssue, Resource, ResourceId, ResourceKind, ResourceOfKind } from '../../design/model.ts';

export interface CheckContext {
  design: Design;
  ofKind: <K extends ResourceKind>(kind: K) => ResourceOfKind<K>[];
  get: <K extends ResourceKind>(id: ResourceId | undefined, kind: K) => ResourceOfKind<K> | undefined;
  issue: (resource: Resource, severity: DesignIssue['severity'], code: string, message: string, params?: DesignIssue['params']) => DesignIssue;
  regionOf: (resource: Resource) => string;
}

export function checkContext(design: Design): CheckContext {
  const byKind = new Map<ResourceKind, Resource[]>();
  for (const r of design.resources) {
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else byKind.set(r.kind, [r]);
  }
  return {
    design,
    ofKind: <K extends ResourceKind>(kind: K) => (byKind.get(kind) ?? []) as ResourceOfKind<K>[],
    get: <K extends ResourceKind>(id: ResourceId | undefined, kind: K) => {
      const r = id === undefined ? undefined : design.resources[id];
      return r?.kind === kind ? (r as ResourceOfKind<K>) : undefined;
    },
    issue: (resource, severity, code, message, params) => {
      const stack = design.stacks[resource.stack]?.name;
      return { severity, code, ...(stack === undefined ? {} : { stack }), logicalId: resource.logicalId, message, ...(params ? { params } : {}) };
    },
    regionOf: (resource) => design.stacks[resource.stack]?.region ?? '',
  };
}
