// Identity-based policy documents in AWS's own JSON shape, so a policy written in the game can be pasted into
// a real account and one copied from AWS's documentation works here. The game understands a subset of the
// condition language (MFA and requested region); anything else is refused by name rather than ignored, because
// a condition silently ignored would grant more than its author meant.

import { z } from 'zod';

export const POLICY_VERSION = '2012-10-17';

/** AWS has no statement quota of its own (its size limits imply one); ours keeps evaluation cheap per action. */
export const MAX_POLICY_STATEMENTS = 50;

/**
 * Size limits in characters of compact JSON (AWS counts without whitespace): a managed or customer policy,
 * and the total of a user's, a group's or a role's inline policies. AWS's own quotas.
 */
export const MAX_MANAGED_POLICY_CHARS = 6144;
export const MAX_USER_INLINE_POLICY_CHARS = 2048;
export const MAX_GROUP_INLINE_POLICY_CHARS = 5120;
export const MAX_ROLE_INLINE_POLICY_CHARS = 10240;

/** Longest action pattern and resource pattern accepted (AWS's ARN limit is 2048). */
export const MAX_ACTION_PATTERN_LENGTH = 128;
export const MAX_RESOURCE_PATTERN_LENGTH = 2048;
export const MAX_SID_LENGTH = 128;

/**
 * The condition operators and keys the game evaluates. Each operator takes the keys of its type only, as IAM
 * pairs them: Bool for aws:MultiFactorAuthPresent, the string operators for aws:RequestedRegion, the IP address
 * operators for aws:SourceIp. The ...IfExists forms hold when the key is absent from the request
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
export const CONDITION_OPERATORS = [
  'Bool',
  'BoolIfExists',
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'StringNotLike',
  'StringEqualsIfExists',
  'IpAddress',
  'NotIpAddress',
] as const;
export const MFA_KEY = 'aws:MultiFactorAuthPresent';
export const REGION_KEY = 'aws:RequestedRegion';
export const SOURCE_IP_KEY = 'aws:SourceIp';

// "service:Action" with wildcards, or "*" alone. The service prefix is lower-case letters, digits and dashes
// in AWS (aws-portal, elasticloadbalancing); IAM itself compares it case-insensitively, so we accept any case.
const ACTION_PATTERN = /^(\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$/;
const SID_PATTERN = /^[A-Za-z0-9]*$/;

const oneOrMany = <T extends z.ZodType>(item: T, one: string, many: string) =>
  z.union([item, z.array(item).min(1, { error: `must list at least one of the ${many}` })], {
    error: `must be ${one} or a list of ${many}`,
  });

const actionPattern = z
  .string({ error: 'must be an action name' })
  .max(MAX_ACTION_PATTERN_LENGTH, { error: `an action name is at most ${MAX_ACTION_PATTERN_LENGTH} characters` })
  .regex(ACTION_PATTERN, { error: 'must be written service:Action, like "ec2:RunInstances" or "ec2:Describe*", or be "*"' });

const resourcePattern = z
  .string({ error: 'must be a resource ARN' })
  .max(MAX_RESOURCE_PATTERN_LENGTH, { error: `a resource ARN is at most ${MAX_RESOURCE_PATTERN_LENGTH} characters` })
  .refine((r) => r === '*' || (r.startsWith('arn:') && r.split(':').length >= 6), {
    error: 'must be "*" or an ARN of six colon-separated parts, like "arn:aws:ec2:us-east-1:123456789012:instance/*"',
  });

const regionValue = z.string({ error: 'must be a region code' }).min(1).max(64);

const boolValue = z.enum(['true', 'false'], { error: 'must be the string "true" or "false"' });
/** An IPv4 address or CIDR block, as aws:SourceIp takes them ("203.0.113.0/24", "198.51.100.7"). */
const ipValue = z
  .string({ error: 'must be an IPv4 address or CIDR block' })
  .max(18)
  .regex(/^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/, { error: 'must be an IPv4 address or CIDR block, like "203.0.113.0/24"' })
  .refine((v) => v.split('/')[0]!.split('.').every((o) => Number(o) <= 255) && (v.split('/')[1] === undefined || Number(v.split('/')[1]) <= 32), {
    error: 'must be an IPv4 address or CIDR block, like "203.0.113.0/24"',
  });
const mfaBlock = z.strictObject({ [MFA_KEY]: boolValue.optional() }).optional();
const regionBlock = z.strictObject({ [REGION_KEY]: oneOrMany(regionValue, 'a region code', 'region codes').optional() }).optional();
const ipBlock = z.strictObject({ [SOURCE_IP_KEY]: oneOrMany(ipValue, 'an address or CIDR block', 'addresses or CIDR blocks').optional() }).optional();

const conditionSchema = z.strictObject({
  Bool: mfaBlock,
  BoolIfExists: mfaBlock,
  StringEquals: regionBlock,
  StringNotEquals: regionBlock,
  StringLike: regionBlock,
  StringNotLike: regionBlock,
  StringEqualsIfExists: regionBlock,
  IpAddress: ipBlock,
  NotIpAddress: ipBlock,
});

export const statementSchema = z
  .strictObject({
    Sid: z
      .string({ error: 'must be a string' })
      .max(MAX_SID_LENGTH)
      .regex(SID_PATTERN, { error: 'may contain only letters and digits' })
      .optional(),
    Effect: z.enum(['Allow', 'Deny'], { error: 'must be "Allow" or "Deny"' }),
    Action: oneOrMany(actionPattern, 'an action', 'actions').optional(),
    NotAction: oneOrMany(actionPattern, 'an action', 'actions').optional(),
    Resource: oneOrMany(resourcePattern, 'a resource ARN', 'resource ARNs').optional(),
    NotResource: oneOrMany(resourcePattern, 'a resource ARN', 'resource ARNs').optional(),
    Condition: conditionSchema.optional(),
  })
  .superRefine((s, ctx) => {
    // Exactly one of each pair, as IAM demands: a statement with neither matches nothing useful, and one
    // with both is ambiguous.
    if ((s.Action === undefined) === (s.NotAction === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['Action'], message: 'a statement needs exactly one of Action or NotAction' });
    }
    if ((s.Resource === undefined) === (s.NotResource === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['Resource'], message: 'a statement needs exactly one of Resource or NotResource' });
    }
  });

export const policyDocumentSchema = z
  .strictObject({
    Version: z.literal(POLICY_VERSION, { error: `must be "${POLICY_VERSION}"` }),
    Id: z.string({ error: 'must be a string' }).max(MAX_SID_LENGTH).optional(),
    Statement: z.union([statementSchema, z.array(statementSchema).min(1, { error: 'must list at least one statement' })], {
      error: 'must be a statement or a list of statements',
    }),
  })
  .superRefine((p, ctx) => {
    if (!Array.isArray(p.Statement)) return;
    const seen = new Set<string>();
    p.Statement.forEach((s, i) => {
      if (s.Sid === undefined || s.Sid === '') return;
      if (seen.has(s.Sid)) ctx.addIssue({ code: 'custom', path: ['Statement', i, 'Sid'], message: `Sid "${s.Sid}" is used twice; each statement's Sid must be unique` });
      seen.add(s.Sid);
    });
  });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyStatement = z.infer<typeof statementSchema>;
export type PolicyCondition = z.infer<typeof conditionSchema>;
export type Effect = PolicyStatement['Effect'];

/** A document's statements as a list, whether it was written with one statement or several. */
export function statementsOf(policy: PolicyDocument): readonly PolicyStatement[] {
  return Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
}

/** A string-or-list policy element as a list. */
export function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
