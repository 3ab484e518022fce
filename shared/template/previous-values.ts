// UsePreviousValue: an update may keep a parameter's current value without sending it, as the AWS CLI and the
// console's "Use existing value" do — the way to keep a NoEcho value nobody can read back. The names are
// resolved against the stack as the design holds it, so the value never travels (and never enters CloudTrail:
// the call records only the names). Refused as CloudFormation refuses them, with its wording.

import type { Design } from '../design/model.ts';

export type PreviousValues = { ok: true; parameters: Record<string, string> | undefined } | { ok: false; name: string; message: string };

/**
 * The parameter values a deploy of `stack` reads: `parameters` with each of `usePrevious` taken from the
 * stack's current values. A name the stack does not have (a new stack, or a parameter its previous template
 * did not declare), or one also given a value, is refused.
 */
export function withPreviousValues(
  design: Design,
  stack: string,
  parameters: Readonly<Record<string, string>> | undefined,
  usePrevious: readonly string[] | undefined,
): PreviousValues {
  if (!usePrevious || usePrevious.length === 0) return { ok: true, parameters: parameters && { ...parameters } };
  const current = design.stacks.find((s) => s.name === stack && !s.account)?.parameters ?? {};
  const out: Record<string, string> = { ...(parameters ?? {}) };
  for (const name of usePrevious) {
    const invalid = (why: string) => ({ ok: false as const, name, message: `Invalid input for parameter key ${name}. ${why}` });
    if (parameters && Object.hasOwn(parameters, name) && parameters[name] !== '') return invalid('Cannot specify usePreviousValue as true and non empty value for a parameter');
    if (!Object.hasOwn(current, name)) return invalid('Cannot specify usePreviousValue as true for a parameter key not in the previous template');
    out[name] = current[name]!;
  }
  return { ok: true, parameters: out };
}
