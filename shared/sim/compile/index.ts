// Design → Topology. Deterministic: the same design and deletions give the same arrays in the same order.

import type { Design } from '../../design/model.ts';
import type { Topology } from '../topology.ts';
import { compileCompute } from './compute.ts';
import { compileControl } from './control.ts';
import { compileStorage } from './storage.ts';
import { compileEntry } from './entry.ts';
import { compileNetwork } from './network.ts';
import type { DesignWarning } from '../timeline-text.ts';

/**
 * A resource's physical identity: stack, logical id and, once CloudFormation has replaced it, its generation.
 * Runtime state is carried from one design to the next only under the same key (shared/sim/update.ts).
 */
export function resourceKey(design: Design, id: number): string {
  const r = design.resources[id]!;
  const key = `${design.stacks[r.stack]?.name ?? '?'}\u0000${r.logicalId}`;
  return r.generation ? `${key}\u0000${r.generation}` : key;
}

export function compileTopology(design: Design, removed: Uint8Array): Topology {
  const warnings: DesignWarning[] = [];
  const labels = design.resources.map((r) => `${design.stacks[r.stack]?.name ?? '?'}/${r.logicalId}`);
  const keys = design.resources.map((r) => resourceKey(design, r.id));
  const net = compileNetwork(design, removed, warnings);
  const compute = compileCompute(design, removed, net, labels, warnings);
  const storage = compileStorage(design, removed, net, compute, labels, warnings);
  const entry = compileEntry(design, removed, net, compute, storage, labels, warnings);
  const control = compileControl(design, removed, net, compute, storage, entry, labels, warnings);
  return { ...net, ...compute, ...storage, ...entry, ...control, design, removed, labels, keys, warnings };
}
