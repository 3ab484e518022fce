// Cost allocation tags: a template's `Tags` on a resource become, once the tag key is activated, a way to group
// the bill. As in AWS, a user-defined tag key is offered for activation only after it is on a resource, and Cost
// Explorer groups by it only the costs incurred after activation (ce:UpdateCostAllocationTagsStatus). AWS may take
// up to 24 hours to show an activated tag; the game shows it from the next step (catalogue.budgets.costTagDelayS).
//
// What a resource is charged: every step, each EC2 instance (a group's instances carry the group's tags, as
// PropagateAtLaunch does) and each RDS database is charged its hour as the money step bills it: the line's price
// change, Reserved Instances spread over the region's instances they cover, the Savings Plan's discount. Charges
// the game books per service and region rather than per resource (requests, data transfer, load balancer and
// NAT hours, commitment fees) fall under "No tag key", as untaggable and untagged costs do in Cost Explorer. The
// figures live in the cost ledger (savings-ledger.ts), not in the hashed state: activating a tag changes only
// what Cost Explorer shows, and the timeline's note of it fixes the rest.

import { catalogue } from '../catalogue/index.ts';
import type { Design, Resource } from '../design/model.ts';
import type { CostLedger } from './savings-ledger.ts';
import { note, type World } from './world.ts';

/** The ledger's record of one tag key activated in the run. */
export interface CostTagRecord {
  key: string;
  active: boolean;
  /** When it was first activated (simulated seconds). */
  fromS: number;
  /** Spend since activation by tag value; '' is "No tag key". */
  spentByValue: Record<string, number>;
  /** The last step's spend by tag value (Cost Explorer's run rate); empty while inactive. */
  stepByValue: Record<string, number>;
}

/** The value standing for "No tag key: <key>" (a real tag value may be empty too: AWS shows both the same way). */
export const NO_TAG_VALUE = '';

/** The statuses UpdateCostAllocationTagsStatus takes. */
export const TAG_STATUSES = ['Active', 'Inactive'] as const;

const MAX_KEY_LENGTH = 128;
const TAG_DELAY_S = catalogue.budgets.costTagDelayS.value;

/** A resource's tags as its template wrote them (Tags: [{Key, Value}]); anything not a plain string pair is skipped. */
export function tagsOf(resource: Resource): Record<string, string> {
  const out: Record<string, string> = {};
  const tags = resource.unmodelled?.['Tags'];
  if (!Array.isArray(tags)) return out;
  for (const t of tags) {
    if (typeof t !== 'object' || t === null) continue;
    const { Key: key, Value: value } = t as { Key?: unknown; Value?: unknown };
    if (typeof key !== 'string' || key === '') continue;
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  return out;
}

/** The user-defined tag keys on the design's live resources, sorted: the ones Cost Explorer offers to activate. */
export function designTagKeys(design: Design, removed?: Uint8Array): string[] {
  const keys = new Set<string>();
  for (const r of design.resources) {
    if (removed?.[r.id] === 1) continue;
    for (const k of Object.keys(tagsOf(r))) if (!k.startsWith('aws:')) keys.add(k);
  }
  return [...keys].sort();
}

export type TagResult = { ok: true } | { ok: false; code: string; message: string };

/**
 * UpdateCostAllocationTagsStatus for one key. Activating an active key or deactivating an inactive one changes
 * nothing and succeeds, as AWS does. A key on no resource cannot be activated: AWS lists a user-defined key for
 * activation only once it is applied to a resource.
 */
export function updateCostAllocationTag(world: World, key: unknown, status: unknown): TagResult {
  if (status !== 'Active' && status !== 'Inactive') return { ok: false, code: 'invalid-tag-status', message: `a cost allocation tag's status is ${TAG_STATUSES.join(' or ')}` };
  if (typeof key !== 'string' || key.length < 1 || key.length > MAX_KEY_LENGTH) return { ok: false, code: 'invalid-tag-key', message: `a tag key is 1 to ${MAX_KEY_LENGTH} characters` };
  if (key.startsWith('aws:')) return { ok: false, code: 'invalid-tag-key', message: `${key} is an AWS-generated tag: only user-defined tag keys are activated here` };
  const records = (world.ledger.costTags ??= []);
  const record = records.find((r) => r.key === key);
  if (status === 'Inactive') {
    if (record?.active) {
      record.active = false;
      record.stepByValue = {};
      note(world, 'costTagDeactivated', { key });
    }
    return { ok: true };
  }
  if (!designTagKeys(world.design, world.state.removed).includes(key)) {
    return { ok: false, code: 'tag-key-not-found', message: `no resource is tagged ${key}: a tag key can be activated once it is on a resource` };
  }
  if (record?.active) return { ok: true };
  if (record) record.active = true;
  else records.push({ key, active: true, fromS: world.state.tally[0]!, spentByValue: {}, stepByValue: {} });
  note(world, 'costTagActivated', { key });
  return { ok: true };
}

/** Whether any tag key is active: the money step gathers per-resource charges only then. */
export function tagsInUse(ledger: CostLedger): boolean {
  return ledger.costTags?.some((r) => r.active) ?? false;
}

/**
 * Books a step's charges to the active tag keys: `charges` maps resources to what the step charged them (after
 * every discount), `stepUsd` is the whole step's charge; what no resource was charged is "No tag key".
 */
export function bookTaggedCosts(world: World, charges: ReadonlyMap<number, number>, stepUsd: number): void {
  const design = world.design;
  let attributed = 0;
  for (const usd of charges.values()) attributed += usd;
  const now = world.state.tally[0]!;
  for (const record of world.ledger.costTags ?? []) {
    // Costs from activation on (after the catalogue's activation delay) are grouped by the key.
    if (!record.active || now < record.fromS + TAG_DELAY_S) continue;
    const step: Record<string, number> = {};
    for (const [id, usd] of charges) {
      const r = design.resources[id];
      const value = (r && tagsOf(r)[record.key]) || NO_TAG_VALUE;
      step[value] = (step[value] ?? 0) + usd;
    }
    const rest = stepUsd - attributed;
    if (rest > 1e-12) step[NO_TAG_VALUE] = (step[NO_TAG_VALUE] ?? 0) + rest;
    for (const [value, usd] of Object.entries(step)) record.spentByValue[value] = (record.spentByValue[value] ?? 0) + usd;
    record.stepByValue = step;
  }
}
