import { z } from 'zod';
import { ingressRuleSchema } from '../sim/security-group-actions.ts';
import { isRegion } from '../geography/regions.ts';
import { REFERENCE_PATHS } from '../design/references.ts';
import type { ResourceKind } from '../design/model.ts';
import { scenarioEventSchema } from '../scenario/schema.ts';
import { MAX_SPEED, MIN_SPEED } from './clock.ts';
import { refusal, type Refusal } from '../protocol/refusals.ts';
import { ENTRY_IDS } from '../design/plans/palette.ts';

// Everything a client may ask of a match, as one zod discriminated union on `type`. The shape is checked
// here (the edge); whether the sender may do it, and whether the design allows it, is checked when the
// tick applies it. Unknown keys are refused rather than ignored, so a client typo never does something else.

/** A resource as players and CloudFormation name it: "stack/LogicalId". */
const ref = z.string().min(3).max(300).regex(/^[^/]+\/[A-Za-z0-9]+$/, 'a resource is named "stack/LogicalId"');
/** A DB snapshot the account keeps, as shared/account/retained-stack.ts names it: "<holding stack>/<identifier>". */
const snapshotRef = z.string().max(300).regex(/^account:retained:[a-z0-9-]+\/[A-Za-z][A-Za-z0-9-]{0,254}$/, 'a DB snapshot is named "account:retained:<region>/<identifier>"');
export const stackName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'a stack name is letters, digits and dashes');
const logicalId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a logical id is letters and digits');
export const region = z.string().refine(isRegion, 'not a region of the board');
const position = z.strictObject({ x: z.number().finite().min(-1e6).max(1e6), y: z.number().finite().min(-1e6).max(1e6) });
const props = z.record(z.string().max(64), z.unknown());
const identifier = z.string().min(1).max(128);

export const RESOURCE_KINDS = Object.keys(REFERENCE_PATHS) as [ResourceKind, ...ResourceKind[]];

/** A template pasted or imported into the CloudFormation console: bounded like CloudFormation's own 51,200 bytes. */
export const MAX_TEMPLATE_CHARS = 51_200;
/** Parameter names kept at the stack's current value (CloudFormation's UsePreviousValue; at most its 200 parameters). */
export const usePreviousValues = z.array(z.string().min(1).max(255)).max(200);

/** Where a palette entry is dropped: a region, a VPC, a subnet or a VPC's zone, the global band, or a piece. */
const placeTarget = z.strictObject({
  region: region.optional(),
  vpc: ref.optional(),
  zone: z.string().min(1).max(40).optional(),
  subnet: ref.optional(),
  global: z.boolean().optional(),
  piece: ref.optional(),
});

// A player's gestures: each is one intent whose plan the shared rules compute (shared/design/plans) and the
// tick applies whole or not at all. Undo asks for the inverse of the sender's own last gesture.
const gestures = [
  z.strictObject({ type: z.literal('place'), entry: z.enum(ENTRY_IDS as [string, ...string[]]), target: placeTarget, settings: props.optional(), name: logicalId.optional() }),
  z.strictObject({ type: z.literal('remove'), ref }),
  z.strictObject({ type: z.literal('connect'), from: ref, to: ref }),
  z.strictObject({ type: z.literal('disconnect'), from: ref, to: ref }),
  z.strictObject({ type: z.literal('configure'), target: ref, props }),
  z.strictObject({ type: z.literal('move'), target: ref, position }),
  z.strictObject({ type: z.literal('undo') }),
] as const;

// Single API calls on one resource or one stack, as an SDK or CloudFormation makes them: what templates and
// the tests use; the board sends gestures.
const designIntents = [
  z.strictObject({
    type: z.literal('createResource'),
    stack: stackName,
    kind: z.enum(RESOURCE_KINDS),
    logicalId: logicalId.optional(),
    props,
    position: position.optional(),
  }),
  // A resource, or a DB snapshot the account keeps (RDS identifiers: a letter, then letters, digits and hyphens).
  z.strictObject({ type: z.literal('delete'), target: z.union([ref, snapshotRef]) }),
  z.strictObject({ type: z.literal('createStack'), stack: stackName, region }),
  z.strictObject({
    type: z.literal('deployStack'),
    stack: stackName,
    region,
    template: z.string().min(1).max(MAX_TEMPLATE_CHARS),
    parameters: z.record(z.string().max(255), z.string().max(4096)).optional(),
    /** UsePreviousValue: parameters that keep the stack's current value (a NoEcho one is never sent back). */
    usePreviousValues: usePreviousValues.optional(),
  }),
  z.strictObject({ type: z.literal('deleteStack'), stack: stackName }),
] as const;

/** Operations on a running world that change no design: what an operator does during an incident. */
const runActions = [
  z.strictObject({ type: z.literal('setDesiredCapacity'), target: ref, desired: z.number().int().min(0).max(1000) }),
  /** Replace a group's instances with ones from its current launch template (autoscaling:StartInstanceRefresh). */
  z.strictObject({
    type: z.literal('startInstanceRefresh'),
    target: ref,
    minHealthyPercentage: z.number().int().min(0).max(100).optional(),
    instanceWarmup: z.number().int().min(0).max(3600).optional(),
  }),
  z.strictObject({ type: z.literal('promoteReplica'), target: ref }),
  z.strictObject({ type: z.literal('reboot'), target: ref }),
  z.strictObject({ type: z.literal('modifyDbClass'), target: ref, instanceClass: z.string().min(1).max(64) }),
  /**
   * EC2 AuthorizeSecurityGroupIngress / RevokeSecurityGroupIngress on a security group of the team's board: one
   * rule, its source a CIDR range or a group named by logical id (the sim's rule decides: security-group-actions.ts).
   */
  z.strictObject({ type: z.literal('authorizeSecurityGroupIngress'), target: ref, rule: ingressRuleSchema }),
  z.strictObject({ type: z.literal('revokeSecurityGroupIngress'), target: ref, rule: ingressRuleSchema }),
  /**
   * Buy a Compute Savings Plan (savingsplans:CreateSavingsPlan). Only the shape is checked here: whether the
   * term, payment option and commitment are ones CreateSavingsPlan takes, and whether the run already has a
   * plan, is the sim's rule (shared/sim/actions.ts), refused there with its own code and message.
   */
  z.strictObject({
    type: z.literal('purchaseSavingsPlan'),
    hourlyCommitmentUsd: z.number().finite(),
    term: z.string().max(16),
    paymentOption: z.string().max(32),
  }),
  /**
   * Buy Standard Reserved Instances (ec2:PurchaseReservedInstancesOffering). Only the shape is checked here:
   * whether the type, region, count, term and payment option are ones AWS sells is the sim's rule
   * (shared/sim/reserved-purchase.ts), refused there with its own code and message.
   */
  z.strictObject({
    type: z.literal('purchaseReservedInstances'),
    instanceType: z.string().max(32),
    region: z.string().max(32),
    count: z.number().finite(),
    term: z.string().max(16),
    paymentOption: z.string().max(32),
  }),
  /**
   * Activate or deactivate a cost allocation tag key (ce:UpdateCostAllocationTagsStatus). Only bounded here: the
   * sim's rule (shared/sim/cost-tags.ts) refuses a key on no resource and a status other than Active or Inactive.
   */
  z.strictObject({ type: z.literal('updateCostAllocationTag'), tagKey: z.string().max(256), status: z.string().max(16) }),
  /**
   * SNS Subscribe / Unsubscribe (sns:Subscribe, sns:Unsubscribe) on a topic of the board, by "stack/LogicalId".
   * Protocol and endpoint are only bounded here: which ones the console takes is the sim's rule
   * (shared/sim/topic-subscriptions.ts), refused there with its own code.
   */
  z.strictObject({ type: z.literal('subscribe'), topic: ref, protocol: z.string().max(16), endpoint: z.string().max(320) }),
  z.strictObject({ type: z.literal('unsubscribe'), topic: ref, protocol: z.string().max(16), endpoint: z.string().max(320) }),
] as const;

/** The host's controls of the match. */
const hostIntents = [
  z.strictObject({ type: z.literal('clock'), command: z.enum(['start', 'pause', 'resume', 'end']) }),
  z.strictObject({ type: z.literal('speed'), speed: z.number().int().min(MIN_SPEED).max(MAX_SPEED) }),
  z.strictObject({ type: z.literal('inject'), event: scenarioEventSchema, teams: z.array(identifier).max(64).optional() }),
] as const;

const identity = z.strictObject({ kind: z.enum(['user', 'group', 'role']), name: identifier });
const policyRef = z.strictObject({ kind: z.enum(['managed', 'customer']), name: identifier });
const policyDocument = z.record(z.string(), z.unknown());

/** IAM: the host (root) manages users, groups, policies and roles; a player may assume a role it is trusted for. */
const iamOps = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('createUser'), name: identifier }),
  z.strictObject({ op: z.literal('deleteUser'), name: identifier }),
  z.strictObject({ op: z.literal('createGroup'), name: identifier }),
  z.strictObject({ op: z.literal('deleteGroup'), name: identifier }),
  // `group` is deliberately any identity: putting a group in a group must reach the rules and be refused.
  z.strictObject({ op: z.literal('addToGroup'), member: z.union([identifier, identity]), group: identifier }),
  z.strictObject({ op: z.literal('removeFromGroup'), user: identifier, group: identifier }),
  z.strictObject({ op: z.literal('createPolicy'), name: identifier, document: policyDocument, description: z.string().max(1000).optional() }),
  z.strictObject({ op: z.literal('attachPolicy'), to: identity, policy: policyRef }),
  z.strictObject({ op: z.literal('detachPolicy'), from: identity, policy: policyRef }),
  z.strictObject({ op: z.literal('putInlinePolicy'), to: identity, name: identifier, document: policyDocument }),
  /** `requireMfa`: the trust policy allows only users signed in with MFA (Bool aws:MultiFactorAuthPresent "true"). */
  z.strictObject({ op: z.literal('createRole'), name: identifier, trustedUsers: z.array(identifier).max(50), requireMfa: z.boolean().optional() }),
  z.strictObject({ op: z.literal('deleteRole'), name: identifier }),
  /**
   * Hands an IAM user to a seated player: from then on the player acts as that user. The host may name their
   * own seat: they sign in to the console as that IAM user (keeping the match's clock), until `signInAsRoot`.
   */
  z.strictObject({ op: z.literal('assignUser'), player: identifier, user: identifier }),
  z.strictObject({ op: z.literal('signInAsRoot') }),
  z.strictObject({ op: z.literal('assumeRole'), role: identifier, durationS: z.number().int().min(900).max(43_200).optional() }),
  z.strictObject({ op: z.literal('dropRole') }),
  /**
   * Enables a virtual MFA device (iam:EnableMFADevice) on a user: the sender's own user when `user` is left out.
   * The codes are the two consecutive six-digit codes the device showed, as AWS asks for them.
   */
  z.strictObject({
    op: z.literal('enableMfaDevice'),
    user: identifier.optional(),
    device: z.string().min(1).max(64),
    authenticationCode1: z.string().max(16),
    authenticationCode2: z.string().max(16),
  }),
  z.strictObject({ op: z.literal('deactivateMfaDevice'), user: identifier.optional(), device: z.string().min(1).max(64) }),
  /**
   * IAM Access Analyzer's policy generation: a policy made from what `user` did in the match's CloudTrail
   * (shared/iam/policy-generation.ts), saved as the customer managed policy `name`.
   */
  z.strictObject({ op: z.literal('generatePolicy'), user: identifier, name: identifier }),
]);

export const matchIntentSchema = z.discriminatedUnion('type', [
  ...gestures,
  ...designIntents,
  ...runActions,
  ...hostIntents,
  z.strictObject({ type: z.literal('iam'), request: iamOps }),
]);

export type MatchIntent = z.infer<typeof matchIntentSchema>;
export type IamOp = z.infer<typeof iamOps>;
export type IntentType = MatchIntent['type'];

export const INTENT_TYPES = matchIntentSchema.options.map((o) => o.shape.type.value) as IntentType[];
const HOST_TYPES: readonly IntentType[] = ['clock', 'speed', 'inject'];

export function isHostIntent(intent: MatchIntent): boolean {
  return HOST_TYPES.includes(intent.type);
}

/** The most an intent may weigh as JSON: a template deploy may carry a whole template, the rest are small. */
export function intentSizeLimit(type: unknown): number {
  return type === 'deployStack' ? MAX_TEMPLATE_CHARS + 8_192 : 8_192;
}

export type ParsedMatchIntent = { ok: true; intent: MatchIntent } | { ok: false; refusal: Refusal };

function jsonLength(payload: unknown): number | undefined {
  try {
    return JSON.stringify(payload)?.length;
  } catch {
    return undefined;
  }
}

/** Checks an untrusted payload and says precisely what is wrong: too large, not an intent, unknown type, bad field. */
export function parseMatchIntent(payload: unknown): ParsedMatchIntent {
  const size = jsonLength(payload);
  if (size === undefined) return { ok: false, refusal: refusal('malformed') };
  const type = typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : undefined;
  const limit = intentSizeLimit(type);
  if (size > limit) return { ok: false, refusal: refusal('too-large', `${size} characters, limit ${limit}`) };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, refusal: refusal('malformed') };
  if (typeof type !== 'string') return { ok: false, refusal: refusal('malformed', 'type') };
  if (!(INTENT_TYPES as string[]).includes(type)) return { ok: false, refusal: refusal('unknown-intent', type.slice(0, 40)) };
  const parsed = matchIntentSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, refusal: refusal('malformed', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined) };
  }
  return { ok: true, intent: parsed.data };
}
