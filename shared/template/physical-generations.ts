// Which physical resources a deploy keeps, interrupts or replaces, and the generations that follow from it.
// The change set shows AWS's view (Replacement True / False / Conditional); executing it, the game decides every
// Conditional with the values it knows (update-behaviour.ts), and a replacement spreads to what refers to the
// replaced resource when that reference replaces it in turn (a new VPC → its subnets → their instances).
// A deploy re-reads the whole board through the loader, which knows nothing of generations: they are carried
// over from the running design by stack and logical id, and bumped for what this deploy replaces.

import type { Design } from '../design/model.ts';
import { causeId, changeSetWithSides, type ModifiedResource } from './change-set.ts';
import { deployedStackOf } from './change-set-sides.ts';
import { strongerBehaviour, updateBehaviour, type UpdateBehaviour } from './update-behaviour.ts';

export interface DecidedUpdate {
  behaviour: UpdateBehaviour;
  /** The properties that decide it (the strongest behaviour's), in the change set's order. */
  properties: string[];
}

/** Each modified resource of `stack` when the design goes from `before` to `after`, by logical id. */
export function decidedUpdatesOf(before: Design, after: Design, stack: string): Map<string, DecidedUpdate> {
  const decided = new Map<string, DecidedUpdate>();
  const next = deployedStackOf(after, stack);
  const current = deployedStackOf(before, stack);
  if (!next || !current) return decided;
  const region = after.stacks.find((s) => s.name === stack)?.region ?? '';
  const { modified } = changeSetWithSides(current, next, { name: stack, region });
  // A replacement found may replace what refers to it: decide again until nothing more is replaced.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [logicalId, m] of modified) {
      const update = decide(m, decided);
      const was = decided.get(logicalId);
      if (was?.behaviour === update.behaviour) continue;
      decided.set(logicalId, update);
      if (update.behaviour === 'replacement') grew = true;
    }
  }
  for (const [logicalId, update] of decided) if (update.behaviour === 'none') decided.delete(logicalId);
  return decided;
}

function decide(m: ModifiedResource, decided: ReadonlyMap<string, DecidedUpdate>): DecidedUpdate {
  let behaviour: UpdateBehaviour = 'none';
  let properties: string[] = [];
  for (const d of m.change.details ?? []) {
    const name = d.target.name;
    if (name === undefined || (d.target.attribute !== 'Properties' && d.target.attribute !== 'Tags')) continue;
    // A Dynamic change counts only when what it names is really replaced, not merely possibly.
    if (d.evaluation === 'Dynamic' && decided.get(causeId(d))?.behaviour !== 'replacement') continue;
    const b = d.evaluation === 'Dynamic' && d.target.requiresRecreation === 'Always'
      ? 'replacement'
      : updateBehaviour(m.now.type, name, m.old.properties[name], m.now.properties[name]);
    if (b === 'none') continue;
    const stronger = strongerBehaviour(behaviour, b);
    if (stronger !== behaviour) {
      behaviour = stronger;
      properties = [];
    }
    if (b === behaviour && !properties.includes(name)) properties.push(name);
  }
  return { behaviour, properties };
}

/**
 * `after` (a deploy's freshly loaded design) with every resource's generation carried over from `before` by stack
 * name and logical id, plus one for each resource of `stack` the deploy replaces. Resources the loader derived
 * from another (a classic ELB's target group and listener) share their parent's generation.
 */
export function withGenerations(before: Design, after: Design, stack: string, decided: ReadonlyMap<string, DecidedUpdate>): Design {
  const previous = new Map<string, number>();
  for (const r of before.resources) previous.set(`${before.stacks[r.stack]?.name}\u0000${r.logicalId}`, r.generation ?? 0);
  const generations = after.resources.map((r) => {
    const stackName = after.stacks[r.stack]?.name;
    const was = previous.get(`${stackName}\u0000${r.logicalId}`);
    if (was === undefined) return 0;
    return was + (stackName === stack && decided.get(r.logicalId)?.behaviour === 'replacement' ? 1 : 0);
  });
  after.resources.forEach((r, i) => {
    if (r.partOf !== undefined) generations[i] = generations[r.partOf] ?? 0;
  });
  if (generations.every((g, i) => g === (after.resources[i]!.generation ?? 0))) return after;
  const resources = after.resources.map((r, i) => {
    const g = generations[i]!;
    if (g === (r.generation ?? 0)) return r;
    if (g > 0) return { ...r, generation: g };
    const { generation: _dropped, ...rest } = r;
    return rest as typeof r;
  });
  return { ...after, resources };
}
