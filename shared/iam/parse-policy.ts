// Turning an untrusted policy (a player's JSON text or a value) into a PolicyDocument, or a refusal that names
// the statement and the field at fault, in the JSON path a player can find in their own text:
// `Statement[2].Action[1]: must be written service:Action ...`.

import type { z } from 'zod';
import { refuse, type IamRefusal } from './refusals.ts';
import { CONDITION_OPERATORS, MAX_MANAGED_POLICY_CHARS, MAX_POLICY_STATEMENTS, policyDocumentSchema, type PolicyDocument } from './policy-schema.ts';

export type ParsedPolicy = { ok: true; document: PolicyDocument; chars: number } | IamRefusal;

/** A text policy may be padded with whitespace that AWS does not count; beyond this many times the limit it is not worth parsing. */
const TEXT_SLACK = 8;

type Path = readonly PropertyKey[];

function pathText(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}

function valueAt(input: unknown, path: Path): unknown {
  let here = input;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The message for a field the schema does not know, explaining why it is refused where that helps. */
function unknownFieldMessage(parent: Path, key: string): string {
  const last = parent[parent.length - 1];
  if (key === 'Principal' || key === 'NotPrincipal') {
    return `${key} belongs in trust and resource policies; an identity-based policy applies to whoever it is attached to`;
  }
  if (last === 'Condition') {
    return `condition operator "${key}" is not supported in this game (it understands ${CONDITION_OPERATORS.join(', ')})`;
  }
  if (typeof last === 'string' && (CONDITION_OPERATORS as readonly string[]).includes(last)) {
    return `condition key "${key}" is not supported with ${last} (the game knows aws:MultiFactorAuthPresent with Bool / BoolIfExists, aws:RequestedRegion with the String operators and aws:SourceIp with IpAddress / NotIpAddress)`;
  }
  return `"${key}" is not a field of ${parent.length === 0 ? 'a policy document' : 'a policy statement'}`;
}

/**
 * The issue worth reporting. A union ("a statement or a list of them") that failed in every branch reports
 * every branch; the branch of the same kind as the input (the list, when a list was given) holds the real fault.
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first && !(first.code === 'invalid_type' && first.path.length === 0)) {
      return innermost({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue);
    }
  }
  return issue;
}

function describeIssue(input: unknown, reported: z.core.$ZodIssue): IamRefusal {
  const issue = innermost(reported);
  let path: Path = issue.path;
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    message = unknownFieldMessage(path, key);
    path = [...path, key];
  } else if (path.length === 0 && issue.code === 'invalid_type') {
    message = 'a policy document must be a JSON object with Version and Statement';
  } else if (issue.code !== 'custom' && valueAt(input, path) !== undefined) {
    message = `${shown(valueAt(input, path))} ${message}`;
  }
  const field = pathText(path);
  const statementIndex = path[0] === 'Statement' && typeof path[1] === 'number' ? path[1] : undefined;
  const sid = statementIndex === undefined ? undefined : valueAt(input, ['Statement', statementIndex, 'Sid']);
  const where = typeof sid === 'string' && sid !== '' ? `${field} (Sid "${sid}")` : field || 'policy';
  return refuse('invalid-policy', `${where}: ${message}`, field || undefined);
}

function compactLength(value: unknown): number | undefined {
  try {
    return JSON.stringify(value)?.length;
  } catch {
    return undefined; // cyclic or holding a BigInt: not JSON data at all
  }
}

/**
 * Checks a policy document given as a value. `maxChars` is the size limit that applies where it will be stored
 * (a managed policy by default; see the inline limits in policy-schema.ts).
 */
export function parsePolicy(value: unknown, maxChars: number = MAX_MANAGED_POLICY_CHARS): ParsedPolicy {
  const chars = compactLength(value);
  if (chars === undefined) return refuse('policy-not-json', 'A policy document must be JSON data.');
  if (chars > maxChars) {
    return refuse('policy-too-large', `The policy is ${chars} characters without whitespace; the limit here is ${maxChars}.`);
  }
  const statements = (value as { Statement?: unknown } | null)?.Statement;
  if (Array.isArray(statements) && statements.length > MAX_POLICY_STATEMENTS) {
    return refuse('too-many-statements', `The policy has ${statements.length} statements; the limit is ${MAX_POLICY_STATEMENTS}.`, 'Statement');
  }
  const parsed = policyDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? describeIssue(value, issue) : refuse('invalid-policy', 'The policy document is not valid.');
  }
  return { ok: true, document: parsed.data, chars };
}

/** Checks a policy document typed by a player as JSON text. */
export function parsePolicyText(text: string, maxChars: number = MAX_MANAGED_POLICY_CHARS): ParsedPolicy {
  if (text.length > maxChars * TEXT_SLACK) {
    return refuse('policy-too-large', `The policy text is ${text.length} characters long; the limit is ${maxChars} without whitespace.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse('policy-not-json', `The policy is not valid JSON: ${error instanceof Error ? error.message : 'unreadable'}.`);
  }
  return parsePolicy(value, maxChars);
}
