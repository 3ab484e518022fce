// A parameter value against its declaration's constraints, as CloudFormation checks them before it creates a
// stack, with CloudFormation's wording: AllowedValues, AllowedPattern (the whole value, each item of a list),
// MinLength/MaxLength (String types only), MinValue/MaxValue and Number. A ConstraintDescription replaces the pattern, length and
// range sentences, as it does in CloudFormation. Messages name the parameter and never repeat its value.

import type { ParsedType } from './parameter-types.ts';

export interface ConstraintProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** Longest value and pattern the board will test: a template is untrusted input. */
const MAX_CHECKED_LENGTH = 4096;
/** A group that repeats something repeated ("(a+)+", "(\d*)*"): catastrophic backtracking, not tried. */
const NESTED_QUANTIFIER = /\([^()]*(?:[+*]|\{\d+,\})[^()]*\)(?:[+*]|\{\d+,\})/;

export function checkConstraints(name: string, decl: Record<string, unknown>, parsed: ParsedType, items: string[], text: string): ConstraintProblem[] {
  const problems: ConstraintProblem[] = [];
  const said = typeof decl['ConstraintDescription'] === 'string' && decl['ConstraintDescription'] !== '' ? decl['ConstraintDescription'] : undefined;
  const push = (code: string, own: string, described = true) =>
    problems.push({ severity: 'error', code, message: described && said !== undefined ? `Parameter '${name}' failed to satisfy constraint: ${said}` : `Parameter '${name}' ${own}` });

  const allowed = decl['AllowedValues'];
  if (Array.isArray(allowed)) {
    const texts = allowed.map((v) => String(v));
    if (!items.every((item) => texts.includes(item))) push('parameter-not-allowed', 'must be one of AllowedValues', false);
  }
  if (parsed.numeric) {
    if (!items.every((item) => item.trim() !== '' && Number.isFinite(Number(item)))) {
      push('parameter-not-a-number', 'must be a number', false);
      return problems;
    }
    const min = numberOf(decl['MinValue']);
    const max = numberOf(decl['MaxValue']);
    if (min !== undefined && items.some((item) => Number(item) < min)) push('parameter-out-of-range', `must be a number not less than ${min}`);
    if (max !== undefined && items.some((item) => Number(item) > max)) push('parameter-out-of-range', `must be a number not greater than ${max}`);
    return problems;
  }
  // AllowedPattern, MinLength and MaxLength are documented for String (and CommaDelimitedList) types only
  // (AWS CloudFormation User Guide, "Parameters": "AllowedPattern: A regular expression that represents the
  // patterns to allow for String or CommaDelimitedList types"). An AWS-specific type is checked instead by
  // looking its value up in the account (parameter-types.ts), so a pattern written for real AWS ids
  // (`^vpc-[a-z0-9]{8}$`) does not refuse the account's readable default VPC ids.
  if (parsed.thing !== undefined) return problems;
  const minLength = numberOf(decl['MinLength']);
  const maxLength = numberOf(decl['MaxLength']);
  if (minLength !== undefined && text.length < minLength) push('parameter-too-short', `must contain at least ${minLength} characters`);
  if (maxLength !== undefined && text.length > maxLength) push('parameter-too-long', `must contain at most ${maxLength} characters`);
  const pattern = decl['AllowedPattern'];
  if (typeof pattern === 'string') {
    const regex = patternOf(pattern);
    if (regex === undefined) {
      problems.push({ severity: 'warning', code: 'parameter-pattern-unchecked', message: `Parameter '${name}': its AllowedPattern is not one the board can check safely; the value is taken unchecked` });
    } else if (!items.every((item) => item.length <= MAX_CHECKED_LENGTH && regex.test(item))) {
      push('parameter-pattern', `must match pattern ${pattern}`);
    }
  }
  return problems;
}

function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The pattern matched against the whole value (CloudFormation's rule), or undefined when it cannot be used. */
function patternOf(pattern: string): RegExp | undefined {
  if (pattern.length > MAX_CHECKED_LENGTH || NESTED_QUANTIFIER.test(pattern)) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`);
    } catch {
      return undefined;
    }
  }
}
