// Run-time actions a player (or a manifest's `actions:`) takes on a running world. The shape is checked by
// zod at the edge; legality (the resource exists, has the right kind, the value is in range, the database
// is in a state that allows it) is checked here and refused with a stable code and a human message.

import { z } from 'zod';
import { catalogue } from '../catalogue/index.ts';
import type { Design, Resource } from '../design/model.ts';
import { instanceTypeIndex } from './compile/instance-types.ts';
import { dbClassIndex } from './compile/storage.ts';
import { DB_AVAILABLE, DB_PROMOTING, DB_RESTARTING, FAILED, REBOOTING, RUNNING } from './constants.ts';
import { absentUntilArrived } from './arrival.ts';
import { revokeCredentials } from './credentials.ts';
import { updateCostAllocationTag } from './cost-tags.ts';
import { discountOf, PAYMENT_OPTIONS, TERMS } from './savings-plans.ts';
import { changeIngress, ingressRuleSchema, ruleText } from './security-group-actions.ts';
import { refreshing, startRefresh } from './refresh.ts';
import { purchaseReservedInstances } from './reserved-purchase.ts';
import { setDesiredByHand } from './scaling.ts';
import { subscribe, unsubscribe } from './topic-subscriptions.ts';
import { REFRESH_BY_API, SP_DISCOUNT, SP_FIELDS, SP_FROM_S, SP_HOURLY_USD, SP_PAYMENT, SP_TERM_YEARS, T_NOW } from './state.ts';
import { changeClass, rebuildWorld } from './update.ts';
import { note, type World } from './world.ts';

const ref = { stack: z.string().min(1).optional(), logicalId: z.string().min(1) };

/** A design given whole: checked for its outline here (the loader checks its content). */
const designShape = z.custom<Design>(
  (v) => {
    const d = v as Design;
    return (
      typeof v === 'object' &&
      v !== null &&
      Array.isArray(d.stacks) &&
      Array.isArray(d.resources) &&
      Array.isArray(d.unmodelled ?? []) &&
      d.resources.every(
        (r, i) => r && r.id === i && Number.isInteger(r.stack) && r.stack >= 0 && r.stack < d.stacks.length && typeof r.kind === 'string',
      )
    );
  },
  { message: 'a design needs stacks and resources whose ids are their positions' },
);

export const simActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-desired-capacity'), ...ref, desired: z.number().int().min(0) }),
  /** Replace a group's instances with ones from its current launch template (StartInstanceRefresh). */
  z.object({
    type: z.literal('start-instance-refresh'),
    ...ref,
    minHealthyPercentage: z.number().int().min(0).max(100).optional(),
    instanceWarmup: z.number().int().min(0).max(3600).optional(),
  }),
  /**
   * Change a weighted record's weight (Route 53 ChangeResourceRecordSets, UPSERT): resolvers keep their cached
   * answers until the TTL runs out, so the new split takes effect over one TTL (update.ts keeps the caches).
   */
  z.object({ type: z.literal('set-record-weight'), ...ref, weight: z.number().int().min(0).max(catalogue.route53.maxRecordWeight.value) }),
  z.object({ type: z.literal('promote-replica'), ...ref }),
  z.object({ type: z.literal('reboot'), ...ref }),
  z.object({ type: z.literal('modify-db-class'), ...ref, instanceClass: z.string().min(1) }),
  /** Change a running instance's type: EC2 changes it only on a stopped instance, so it stops and starts. */
  z.object({ type: z.literal('modify-instance-type'), ...ref, instanceType: z.string().min(1) }),
  z.object({ type: z.literal('delete-resource'), ...ref }),
  /** EC2 AuthorizeSecurityGroupIngress / RevokeSecurityGroupIngress: one rule of a security group (security-group-actions.ts). */
  z.object({ type: z.literal('authorize-security-group-ingress'), ...ref, rule: ingressRuleSchema }),
  z.object({ type: z.literal('revoke-security-group-ingress'), ...ref, rule: ingressRuleSchema }),
  z.object({ type: z.literal('update-design'), design: designShape }),
  /**
   * Buy a Compute Savings Plan (CreateSavingsPlan): an hourly commitment for a term at a payment option. From
   * now on EC2 compute is charged against it at the plan's rate and the commitment is billed every hour,
   * used or not (money.ts). CreateSavingsPlan takes 0.001 to 1,000,000 USD an hour, at most five decimals.
   */
  z.object({
    type: z.literal('purchase-savings-plan'),
    hourlyCommitmentUsd: z
      .number()
      .min(catalogue.savingsPlans.minHourlyCommitmentUsd.value)
      .max(catalogue.savingsPlans.maxHourlyCommitmentUsd.value)
      .refine((x) => Math.abs(Math.round(x * 1e5) - x * 1e5) < 1e-6, { message: 'at most five digits after the decimal point' }),
    term: z.enum(TERMS),
    paymentOption: z.enum(PAYMENT_OPTIONS),
  }),
  /**
   * Buy Standard Reserved Instances (PurchaseReservedInstancesOffering): a count of one instance type in one
   * region for a term at a payment option. The fields are checked by the rule (reserved-purchase.ts), which
   * refuses by the field that is wrong.
   */
  z.object({
    type: z.literal('purchase-reserved-instances'),
    instanceType: z.string().max(32),
    region: z.string().max(32),
    count: z.number(),
    term: z.string().max(16),
    paymentOption: z.string().max(32),
  }),
  /** SNS Subscribe / Unsubscribe from the console: a topic by "stack/LogicalId", an email endpoint (topic-subscriptions.ts). */
  z.object({ type: z.literal('sns-subscribe'), topic: z.string().max(300), protocol: z.string().max(16), endpoint: z.string().max(320) }),
  z.object({ type: z.literal('sns-unsubscribe'), topic: z.string().max(300), protocol: z.string().max(16), endpoint: z.string().max(320) }),
  /**
   * Launches with an IAM user's leaked access key stop. Without `refusedBy` the key is revoked (deactivated, or
   * gone with its user); with it, the key still exists but IAM refuses its calls: an explicit deny in `policy`,
   * or no policy allowing them any more (shared/match/leaked-keys.ts decides which).
   */
  z.object({
    type: z.literal('revoke-credentials'),
    user: z.string().regex(/^[\w+=,.@-]{1,64}$/),
    refusedBy: z.enum(['explicit-deny', 'no-allow']).optional(),
    policy: z.string().max(128).optional(),
  }),
  /**
   * Activate or deactivate a user-defined cost allocation tag (Cost Explorer UpdateCostAllocationTagsStatus). Key
   * and status are only bounded here: the rule (cost-tags.ts) refuses a key on no resource and a status AWS does not take.
   */
  z.object({ type: z.literal('update-cost-allocation-tag'), key: z.string().max(256), status: z.string().max(16) }),
]);

export type SimAction = z.output<typeof simActionSchema>;
export type ActionResult = { ok: true } | { ok: false; code: string; message: string };

function refuse(code: string, message: string): ActionResult {
  return { ok: false, code, message };
}

/** Finds a live resource by logical id (and stack name when given or needed). */
function find(world: World, logicalId: string, stack?: string): { resource: Resource } | ActionResult {
  const d = world.design;
  const hits = d.resources.filter(
    (r) => r.logicalId === logicalId && (stack === undefined || d.stacks[r.stack]?.name === stack) && world.state.removed[r.id] !== 1,
  );
  const where = stack ? `${stack}/${logicalId}` : logicalId;
  if (hits.length === 0) return refuse('unknown-resource', `no resource ${where} in the design`);
  if (hits.length > 1) return refuse('ambiguous-resource', `${logicalId} is in several stacks: name the stack`);
  return { resource: hits[0]! };
}

export function applyAction(world: World, input: unknown): ActionResult {
  const parsed = simActionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if ((input as { type?: unknown } | null)?.type === 'purchase-savings-plan') {
      const bad = savingsPlanRefusal(issue?.path[0]);
      if (bad) return bad;
    }
    return refuse('invalid-action', `invalid action: ${issue ? `${issue.path.join('.') || 'action'}: ${issue.message}` : 'unreadable'}`);
  }
  const action = parsed.data;
  if (action.type === 'update-design') return updateDesign(world, action.design);
  if (action.type === 'purchase-savings-plan') return purchaseSavingsPlan(world, action);
  if (action.type === 'purchase-reserved-instances') return purchaseReservedInstances(world, action);
  if (action.type === 'update-cost-allocation-tag') return updateCostAllocationTag(world, action.key, action.status);
  if (action.type === 'sns-subscribe') return subscribe(world, action.topic, action.protocol, action.endpoint);
  if (action.type === 'sns-unsubscribe') return unsubscribe(world, action.topic, action.protocol, action.endpoint);
  if (action.type === 'revoke-credentials') {
    const stopped = revokeCredentials(world, action.user);
    if (action.refusedBy === 'explicit-deny') note(world, 'keysDeniedByPolicy', { user: action.user, policy: action.policy ?? '' });
    else if (action.refusedBy === 'no-allow') note(world, 'keysNoLongerAllowed', { user: action.user });
    else note(world, stopped > 0 ? 'keysRevokedStopping' : 'keysRevoked', { user: action.user });
    return { ok: true };
  }
  const found = find(world, action.logicalId, action.stack);
  if (!('resource' in found)) return found;
  const r = found.resource;
  const label = world.topo.labels[r.id]!;
  const result = applyTo(world, action, r, label);
  // A refused action changes nothing, not even the timeline: the refusal is the caller's to report.
  if (result.ok) {
    if (action.type === 'set-desired-capacity') note(world, 'actionSetDesired', { resource: label, desired: action.desired });
    else if (action.type === 'set-record-weight') note(world, 'actionSetWeight', { resource: label, weight: action.weight });
    else if (action.type === 'start-instance-refresh') note(world, 'actionStartRefresh', { resource: label, ...refreshPreferences(action) });
    else if (action.type === 'modify-db-class') note(world, 'actionModifyDbClass', { resource: label, dbClass: action.instanceClass });
    else if (action.type === 'modify-instance-type') note(world, 'actionModifyInstanceType', { resource: label, instanceType: action.instanceType });
    else if (action.type === 'authorize-security-group-ingress') note(world, 'actionAuthorizeIngress', { resource: label, rule: ruleText(action.rule) });
    else if (action.type === 'revoke-security-group-ingress') note(world, 'actionRevokeIngress', { resource: label, rule: ruleText(action.rule) });
    else note(world, ACTION_CODE[action.type], { resource: label });
  }
  return result;
}

/** An instance refresh's preferences, AWS's defaults where none are given (catalogue.autoScaling). */
function refreshPreferences(action: { minHealthyPercentage?: number | undefined; instanceWarmup?: number | undefined }) {
  return {
    minHealthyPct: action.minHealthyPercentage ?? catalogue.autoScaling.refreshMinHealthyPct.value,
    warmupS: action.instanceWarmup ?? catalogue.autoScaling.refreshWarmupS.value,
  };
}

/** The timeline code of an action that names only its resource. */
const ACTION_CODE = { 'promote-replica': 'actionPromote', reboot: 'actionReboot', 'delete-resource': 'actionDelete' } as const;

function applyTo(world: World, action: Exclude<SimAction, { type: 'update-design' | 'revoke-credentials' | 'purchase-savings-plan' | 'purchase-reserved-instances' | 'update-cost-allocation-tag' | 'sns-subscribe' | 'sns-unsubscribe' }>, r: Resource, label: string): ActionResult {
  const topo = world.topo;
  const s = world.state;
  const t = s.tally[T_NOW]!;
  switch (action.type) {
    case 'set-desired-capacity': {
      if (r.kind !== 'autoScalingGroup') return refuse('wrong-kind', `${label} is not an Auto Scaling group`);
      const g = topo.asgResource.indexOf(r.id);
      if (g < 0) return refuse('unknown-resource', `${label} launches nothing (no subnet in a known zone)`);
      if (action.desired < s.asgMin[g]! || action.desired > s.asgMax[g]!) {
        return refuse('out-of-range', `desired ${action.desired} is outside ${label}'s min ${s.asgMin[g]} and max ${s.asgMax[g]}`);
      }
      setDesiredByHand(world, g, action.desired);
      return { ok: true };
    }
    case 'start-instance-refresh': {
      if (r.kind !== 'autoScalingGroup') return refuse('wrong-kind', `${label} is not an Auto Scaling group`);
      const g = topo.asgResource.indexOf(r.id);
      if (g < 0) return refuse('unknown-resource', `${label} launches nothing (no subnet in a known zone)`);
      // AWS's InstanceRefreshInProgress: one refresh at a time per group.
      if (refreshing(s, g)) return refuse('refresh-in-progress', `an instance refresh of ${label} is already in progress`);
      const p = refreshPreferences(action);
      startRefresh(s, topo, g, REFRESH_BY_API, p.minHealthyPct, 0, p.warmupS);
      return { ok: true };
    }
    case 'set-record-weight': {
      if (r.kind !== 'recordSet' || r.props.policy !== 'weighted') return refuse('wrong-kind', `${label} is not a weighted record`);
      if (r.props.weight === action.weight) return refuse('same-weight', `${label} already has weight ${action.weight}`);
      const design = { ...world.design, resources: world.design.resources.map((x) => (x.id === r.id ? { ...x, props: { ...x.props, weight: action.weight } } : x)) } as Design;
      rebuildWorld(world, design, Uint8Array.from(s.removed));
      return { ok: true };
    }
    case 'promote-replica': {
      if (r.kind !== 'database') return refuse('wrong-kind', `${label} is not a database`);
      const d = topo.dbResource.indexOf(r.id);
      if (topo.dbSource[d]! < 0) return refuse('not-a-replica', `${label} is not a read replica`);
      if (s.dbPromoted[d] === 1 || s.dbState[d] === DB_PROMOTING) return refuse('already-promoted', `${label} is already promoted`);
      if (s.dbState[d] !== DB_AVAILABLE) return refuse('not-available', `${label} is not available`);
      s.dbState[d] = DB_PROMOTING;
      s.dbTimer[d] = t + catalogue.database.promoteReplicaS.value;
      return { ok: true };
    }
    case 'reboot': {
      if (r.kind === 'instance') {
        const i = Array.from(topo.instResource).findIndex((id, k) => id === r.id && topo.instAsg[k] === -1);
        if (i < 0) return refuse('unknown-resource', `${label} does not run (no subnet in a known zone)`);
        const st = s.instState[i]!;
        if (st !== RUNNING && st !== FAILED) return refuse('not-available', `${label} is not running`);
        if (s.zoneDown[s.instZone[i]!] === 1) return refuse('not-available', `${label}'s zone is dark`);
        // Rebooting a failed instance is treated as stop/start: it comes back on healthy hardware.
        s.instState[i] = REBOOTING;
        s.instTimer[i] = t + (st === FAILED ? catalogue.ec2.bootS.value : catalogue.ec2.rebootS.value);
        s.instZoneFailed[i] = 0;
        return { ok: true };
      }
      if (r.kind === 'database') {
        const d = topo.dbResource.indexOf(r.id);
        if (s.dbState[d] !== DB_AVAILABLE) return refuse('not-available', `${label} is not available`);
        s.dbState[d] = DB_RESTARTING;
        s.dbTimer[d] = t + catalogue.database.rebootS.value;
        return { ok: true };
      }
      return refuse('wrong-kind', `${label} is neither an instance nor a database`);
    }
    case 'modify-db-class': {
      if (r.kind !== 'database') return refuse('wrong-kind', `${label} is not a database`);
      const cls = dbClassIndex(action.instanceClass);
      if (cls < 0) return refuse('unknown-class', `${action.instanceClass} is not a database class in the catalogue`);
      const d = topo.dbResource.indexOf(r.id);
      if (s.dbClass[d] === cls) return refuse('same-class', `${label} already is ${action.instanceClass}`);
      if (s.dbState[d] !== DB_AVAILABLE) return refuse('not-available', `${label} is not available`);
      changeClass(world, s, topo, d, cls, t);
      return { ok: true };
    }
    case 'modify-instance-type': {
      if (r.kind !== 'instance') return refuse('wrong-kind', `${label} is not an instance (a group's type is its launch template's)`);
      const i = Array.from(topo.instResource).findIndex((id, k) => id === r.id && topo.instAsg[k] === -1);
      if (i < 0) return refuse('unknown-resource', `${label} does not run (no subnet in a known zone)`);
      const type = instanceTypeIndex(action.instanceType);
      if (type < 0) return refuse('unknown-type', `${action.instanceType} is not an instance type in the catalogue`);
      const runs = s.instSpec[i]! > 0 ? s.instSpec[i]! - 1 : topo.instType[i]!;
      if (runs === type) return refuse('same-type', `${label} already is ${action.instanceType}`);
      if (s.instState[i] !== RUNNING) return refuse('not-available', `${label} is not running`);
      // The state keeps the type it runs, as it keeps a database's class (the design still says the old one).
      s.instSpec[i] = type === topo.instType[i] ? 0 : type + 1;
      const seconds = catalogue.ec2.stopStartS.value;
      s.instState[i] = REBOOTING;
      s.instTimer[i] = t + seconds;
      note(world, 'instanceStopStart', { instance: label, properties: ['InstanceType'], seconds });
      return { ok: true };
    }
    case 'authorize-security-group-ingress':
    case 'revoke-security-group-ingress': {
      const change = changeIngress(world.design, r, action.rule, action.type === 'authorize-security-group-ingress', label);
      if (!change.ok) return refuse(change.code, change.message);
      rebuildWorld(world, change.design, Uint8Array.from(s.removed));
      return { ok: true };
    }
    case 'delete-resource': {
      const blocker = dependentOf(world, r.id);
      if (blocker !== undefined) {
        return refuse('dependency-violation', `${label} has a dependent object: ${world.topo.labels[blocker]} uses it`);
      }
      const removed = Uint8Array.from(s.removed);
      removed[r.id] = 1;
      rebuildWorld(world, world.design, removed);
      return { ok: true };
    }
  }
}

/** Replaces the design of a running world, carrying the state of what survives (see update.ts). */
export function updateDesign(world: World, design: Design): ActionResult {
  const checked = simActionSchema.safeParse({ type: 'update-design', design });
  if (!checked.success) return refuse('invalid-design', 'a design needs stacks and resources whose ids are their positions');
  adoptDesign(world, design);
  return { ok: true };
}

/**
 * updateDesign for a design the design rules have just produced (a board edit): its shape is already known
 * to be right, and checking it again cost a quarter of an edit's time.
 */
export function adoptDesign(world: World, design: Design): void {
  // A team's stack whose arrival is still to come (arrival.ts) stays absent until then.
  rebuildWorld(world, design, absentUntilArrived(world, design));
  note(world, 'designUpdated', { resources: design.resources.length, stacks: design.stacks.length });
}

/** A live resource that contains or is built on `id`, as EC2 and RDS refuse to delete under it. */
function dependentOf(world: World, id: number): number | undefined {
  const removed = world.state.removed;
  for (const r of world.design.resources) {
    if (removed[r.id] === 1 || r.id === id) continue;
    const p = r.props as Record<string, unknown>;
    const uses =
      (r.kind === 'subnet' && p.vpc === id) ||
      (r.kind === 'routeTable' && p.vpc === id) ||
      (r.kind === 'gatewayAttachment' && (p.vpc === id || p.gateway === id)) ||
      (r.kind === 'instance' && p.subnet === id) ||
      ((r.kind === 'autoScalingGroup' || r.kind === 'loadBalancer' || r.kind === 'dbSubnetGroup') &&
        Array.isArray(p.subnets) &&
        p.subnets.includes(id)) ||
      (r.kind === 'autoScalingGroup' && p.launchTemplate === id) ||
      (r.kind === 'database' && (p.subnetGroup === id || p.source === id));
    if (uses) return r.id;
  }
  return undefined;
}

/**
 * A purchase CreateSavingsPlan would not take, by the field that is wrong, in words a player can act on.
 * CreateSavingsPlan's commitment: "This is a value between 0.001 and 1 million. You cannot specify more than
 * five digits after the decimal point." Compute Savings Plans come for 1 or 3 years, No, Partial or All Upfront.
 */
/** 1000000 → "1,000,000" (no locale: the rules stay the same everywhere). */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function savingsPlanRefusal(field: PropertyKey | undefined): ActionResult | undefined {
  const c = catalogue.savingsPlans;
  if (field === 'hourlyCommitmentUsd')
    return refuse('invalid-commitment', `the hourly commitment must be ${c.minHourlyCommitmentUsd.value} to ${thousands(c.maxHourlyCommitmentUsd.value)} USD, with at most five decimals`);
  if (field === 'term') return refuse('invalid-term', `a Savings Plan's term is ${TERMS.join(' or ')}`);
  if (field === 'paymentOption') return refuse('invalid-payment-option', `a Savings Plan's payment option is ${PAYMENT_OPTIONS.join(', ')}`);
  return undefined;
}

/** One plan a run: a second purchase is refused (the game keeps one commitment to reason about). */
function purchaseSavingsPlan(world: World, action: Extract<SimAction, { type: 'purchase-savings-plan' }>): ActionResult {
  const s = world.state;
  if (s.savingsPlan.length > 0) return refuse('savings-plan-exists', 'a Savings Plan is already bought in this run');
  const plan = new Float64Array(SP_FIELDS);
  plan[SP_HOURLY_USD] = action.hourlyCommitmentUsd;
  plan[SP_DISCOUNT] = discountOf(action.term, action.paymentOption);
  plan[SP_TERM_YEARS] = action.term === '1y' ? 1 : 3;
  plan[SP_PAYMENT] = PAYMENT_OPTIONS.indexOf(action.paymentOption);
  plan[SP_FROM_S] = s.tally[T_NOW]!;
  s.savingsPlan = plan;
  note(world, 'savingsPlanPurchased', {
    hourlyUsd: action.hourlyCommitmentUsd,
    term: action.term,
    payment: action.paymentOption,
    discountPct: Math.round(plan[SP_DISCOUNT]! * 100),
  });
  return { ok: true };
}
