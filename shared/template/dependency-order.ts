// The order CloudFormation works through a stack's resources: a resource is created (or updated) only after
// every resource it refers to — by Ref, Fn::GetAtt, a ${…} of Fn::Sub, or DependsOn — and deleted only after
// everything that refers to it. Resources with no dependency between them keep the template's order (AWS
// works on them in parallel; the game has no time inside a deploy, so it lists them as written).

import { isPlainObject, type PlainObject } from './plain-data.ts';

/** Each resource of a template's `Resources` with the other resources of the same map it refers to. */
export function resourceDependencies(resources: PlainObject): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [logicalId, body] of Object.entries(resources)) {
    const found = new Set<string>();
    const name = (n: unknown) => {
      if (typeof n === 'string' && n !== logicalId && Object.hasOwn(resources, n)) found.add(n);
    };
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!isPlainObject(v)) return;
      for (const [k, inner] of Object.entries(v)) {
        if (k === 'Ref') name(inner);
        else if (k === 'Fn::GetAtt') name(Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined);
        else if (k === 'Fn::Sub') {
          const text = Array.isArray(inner) ? inner[0] : inner;
          // ${Name} and ${Name.Attribute} name a resource; ${!Literal} is text.
          if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}][^}.]*)(?:\.[^}]*)?\}/g)) name(m[1]!.trim());
        }
        walk(inner);
      }
    };
    if (isPlainObject(body)) {
      walk(body['Properties']);
      const dependsOn = body['DependsOn'];
      for (const d of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) name(d);
    }
    out.set(logicalId, found);
  }
  return out;
}

/**
 * `names` in creation order: each after everything it depends on (within `names`), ties kept in the given order.
 * A cycle (which CloudFormation refuses before it starts) leaves its members in the given order, after the rest.
 */
export function creationOrder(names: readonly string[], dependencies: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const wanted = new Set(names);
  const placed = new Set<string>();
  const out: string[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const n of names) {
      if (placed.has(n)) continue;
      const waits = [...(dependencies.get(n) ?? [])].some((d) => wanted.has(d) && !placed.has(d));
      if (waits) continue;
      placed.add(n);
      out.push(n);
      progress = true;
      // Start again from the top: a resource freed by this one goes before later independent ones only when it comes earlier in the template.
      break;
    }
  }
  for (const n of names) if (!placed.has(n)) out.push(n);
  return out;
}

/** `names` in deletion order: a resource after everything that refers to it (within `names`), ties kept in the given order. */
export function deletionOrder(names: readonly string[], dependencies: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  // The same walk over the reversed edges: a resource waits for those that depend on it.
  const dependents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const n of names) for (const d of dependencies.get(n) ?? []) dependents.get(d)?.add(n);
  return creationOrder(names, dependents);
}
