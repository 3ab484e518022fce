// Design → Topology. Deterministic: the same design and deletions give the same arrays in the same order.

import type { Design } from '../../design/model.ts';
import type { Topology } from '../topology.ts';
import { compileCompute } from './compute.ts';
import { compileControl } from './control.ts';
import { compileStorage } from './storage.ts';
import { compileEntry } from './entry.ts';
import { compileNetwork } from './network.ts';
import { compileSessionStore } from './session-store.ts';
import type { DesignWarning } from '../timeline-text.ts';

/**
/**
 * A resource's physical identity, what its running state is carried by from one design to the next (update.ts):
 * its stack and logical id — or, once its stack let go of it and the account kept it
 * (shared/account/keep-in-account.ts), the ones it had then, since it is the same physical resource, still
 * running — and, once CloudFormation has replaced it, its generation.
 */
export function resourceKey(design: Design, id: number): string {
  const r = design.resources[id]!;
  const key = r.retainedFrom ? `${r.retainedFrom.stack}\u0000${r.retainedFrom.logicalId}` : `${design.stacks[r.stack]?.name ?? '?'}\u0000${r.logicalId}`;
  return r.generation ? `${key}\u0000${r.generation}` : key;
}

/**
 * Every resource's key. A stack created again under an old name may declare a logical id the account kept
 * from the first one: the kept resource keeps the key (it is the one running), the new one is told apart.
 */
function resourceKeys(design: Design): string[] {
  const keys = design.resources.map((r) => resourceKey(design, r.id));
  const kept = new Set(design.resources.filter((r) => r.retainedFrom).map((r) => keys[r.id]!));
  if (kept.size === 0) return keys;
  return keys.map((key, id) => (kept.has(key) && !design.resources[id]!.retainedFrom ? `${key}\u0000new` : key));
}

export function compileTopology(design: Design, removed: Uint8Array): Topology {
  const warnings: DesignWarning[] = [];
  const labels = design.resources.map((r) => `${design.stacks[r.stack]?.name ?? '?'}/${r.logicalId}`);
  const keys = resourceKeys(design);
  const net = compileNetwork(design, removed, warnings);
  const compute = compileCompute(design, removed, net, labels, warnings);
  const storage = compileStorage(design, removed, net, compute, labels, warnings);
  const entry = compileEntry(design, removed, net, compute, storage, labels, warnings);
  const control = compileControl(design, removed, net, compute, storage, entry, labels, warnings);
  return { ...net, ...compute, ...storage, ...entry, ...control, ...compileSessionStore(design), design, removed, labels, keys, warnings };
}
