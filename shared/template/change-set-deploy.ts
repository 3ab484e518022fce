// The change set of deploying a template to a stack of a design, as the CloudFormation panel will show it before
// the player executes it. The game keeps the design, not the text a stack was deployed from, so both sides are
// compared as the game would write them: the current design's export of the stack, and the export of the design
// the new template loads into (the whole design re-read, as a deploy does). Written by the same codecs, a value
// the template left to its default and the default written out compare equal, so only real changes are listed.

import { FRESH_ACCOUNT, type Account } from '../account/default-vpc.ts';
import type { Design, DesignIssue } from '../design/model.ts';
import { causeId, changeSetOf, type ChangeSet, type PhysicalReason, type ResourceChange } from './change-set.ts';
import { deployedStackOf } from './change-set-sides.ts';
import { exportDesign } from './export.ts';
import { loadDesign } from './manifest.ts';
import { isPlainObject, type PlainObject } from './plain-data.ts';
import { decidedUpdatesOf } from './physical-generations.ts';
import { updateWording } from './update-behaviour.ts';

export interface DeployChangeSet extends ChangeSet {
  /** The design the stack would run after executing the change set; absent when the template does not load. */
  design?: Design;
}

/**
 * The manifest a deploy reads: every stack of the design as exported, with `stack`'s template and parameter
 * values replaced (or added). A stack with nothing in it yet has no template CloudFormation would take, so it
 * is left out (shared/match/apply-design.ts puts it back after loading).
 */
export function manifestWithStack(design: Design, stack: string, region: string, template: unknown, parameters: Record<string, string> | undefined) {
  const exported = exportDesign(design);
  const empty = new Set(
    design.stacks.filter((s, i) => s.name !== stack && !design.resources.some((r) => r.stack === i) && !design.unmodelled.some((u) => u.stack === i)).map((s) => s.name),
  );
  const stacks: { name: string; region: string; template: unknown; parameters?: Record<string, string> }[] = exported.manifest.stacks
    .filter((s) => !empty.has(s.name))
    .map((s) => ({ name: s.name, region: s.region, template: exported.templates[s.name], ...(s.parameters ? { parameters: s.parameters } : {}) }));
  const entry = { name: stack, region, template, ...(parameters ? { parameters } : {}) };
  const index = stacks.findIndex((s) => s.name === stack);
  if (index >= 0) stacks[index] = entry;
  else stacks.push(entry);
  return { stacks, ...(design.actions.length ? { actions: design.actions } : {}) };
}

export function deployChangeSet(
  design: Design,
  stack: string,
  region: string,
  template: PlainObject,
  parameters: Record<string, string> | undefined,
  options: { account?: Account } = {},
): DeployChangeSet {
  const existing = design.stacks.find((s) => s.name === stack);
  if (existing && existing.region !== region) {
    return { changes: [], issues: [{ severity: 'error', code: 'stack-region', stack, message: `stack ${stack} is in ${existing.region}` }] };
  }
  const loaded = loadDesign(manifestWithStack(design, stack, region, template, parameters), () => undefined, { account: options.account ?? FRESH_ACCOUNT });
  const issues: DesignIssue[] = loaded.issues.filter((i) => i.stack === undefined || i.stack === stack);
  const next = loaded.design ? deployedStackOf(loaded.design, stack) : undefined;
  if (!loaded.design || !next || issues.some((i) => i.severity === 'error')) return { changes: [], issues };
  const current = deployedStackOf(design, stack);
  const set = changeSetOf(current, next, existing ?? { name: stack, region }, { sources: isPlainObject(template['Resources']) ? template['Resources'] : {} });
  // What executing it would do in the game, decided as the deploy decides it (shared/match/apply-design.ts).
  const decided = decidedUpdatesOf(design, loaded.design, stack);
  const changes = set.changes.map((c): ResourceChange => {
    if (c.action !== 'Modify') return c;
    const update = decided.get(c.logicalId);
    if (!update || update.behaviour === 'none') return { ...c, physical: 'none' };
    return { ...c, physical: update.behaviour, physicalBecause: update.properties.map((p) => reasonOf(c, p)) };
  });
  return { changes, issues: [...issues, ...set.issues], design: loaded.design };
}

/** Why `property` decides a change: AWS's words, and the replaced resource it names when that is the only cause. */
function reasonOf(change: ResourceChange, property: string): PhysicalReason {
  const details = (change.details ?? []).filter((d) => d.target.name === property);
  const dynamic = details.every((d) => d.evaluation === 'Dynamic') ? details[0] : undefined;
  return { property, aws: updateWording(change.resourceType, property), ...(dynamic ? { via: causeId(dynamic) } : {}) };
}
