// A stack's parameter values, as a real stack has them: the manifest's value, else the template's Default.
// A parameter with neither is an error naming it (CloudFormation would refuse to create the stack).

import type { DesignIssue } from '../design/model.ts';
import { regionOfZone } from '../geography/regions.ts';
import { describeValue, isPlainObject } from './plain-data.ts';
import type { ParameterValue } from './stack-scope.ts';

export interface StackParameters {
  /** Every declared parameter that has a value (used by Ref and Fn::Sub). */
  values: Map<string, ParameterValue>;
  /** The same as plain text, as `Stack.parameters` keeps them. */
  record: Record<string, string>;
  issues: DesignIssue[];
}

/** Manifest values may be written as numbers, booleans or lists; a stack keeps them as text, lists comma-joined. */
export function parameterText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) return value.join(',');
  return undefined;
}

export function readParameters(
  declarations: unknown,
  given: Record<string, unknown>,
  stack: { name: string; region: string },
): StackParameters {
  const values = new Map<string, ParameterValue>();
  const record: Record<string, string> = {};
  const issues: DesignIssue[] = [];
  const issue = (severity: DesignIssue['severity'], code: string, message: string) =>
    issues.push({ severity, code, stack: stack.name, message });
  const declared = isPlainObject(declarations) ? declarations : {};
  if (declarations !== undefined && !isPlainObject(declarations)) issue('error', 'invalid-template', 'Parameters must be a map');

  for (const [name, declaration] of Object.entries(declared)) {
    const decl = isPlainObject(declaration) ? declaration : {};
    const type = typeof decl['Type'] === 'string' ? decl['Type'] : 'String';
    const fromManifest = Object.hasOwn(given, name) ? parameterText(given[name]) : undefined;
    if (Object.hasOwn(given, name) && fromManifest === undefined) {
      issue('error', 'invalid-parameter', `parameter ${name}: the manifest's value ${describeValue(given[name])} is not text, a number or a list`);
    }
    const text = fromManifest ?? (decl['Default'] === undefined ? undefined : parameterText(decl['Default']));
    if (text === undefined) {
      issue('error', 'parameter-missing', `parameter ${name} (${type}) has no Default and no value in the manifest`);
      continue;
    }
    for (const problem of problemsOf(type, text, decl, stack.region)) issue(problem.severity, problem.code, `parameter ${name}: ${problem.message}`);
    values.set(name, { type, text });
    record[name] = text;
  }
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name)) {
      issue('warning', 'unknown-parameter', `the manifest gives parameter ${name}, which the template does not declare`);
    }
  }
  return { values, record, issues };
}

function problemsOf(
  type: string,
  text: string,
  decl: Record<string, unknown>,
  region: string,
): { severity: DesignIssue['severity']; code: string; message: string }[] {
  const problems: { severity: DesignIssue['severity']; code: string; message: string }[] = [];
  const items = /^List<|CommaDelimitedList/.test(type) ? text.split(',').map((s) => s.trim()) : [text];
  const allowed = decl['AllowedValues'];
  if (Array.isArray(allowed) && !items.every((item) => allowed.map(String).includes(item))) {
    problems.push({ severity: 'error', code: 'parameter-not-allowed', message: `"${text}" is not one of its AllowedValues` });
  }
  if ((type === 'Number' || type === 'List<Number>') && !items.every((item) => item !== '' && Number.isFinite(Number(item)))) {
    problems.push({ severity: 'error', code: 'parameter-not-a-number', message: `"${text}" is not a number` });
  }
  if (type.includes('AWS::EC2::AvailabilityZone::Name')) {
    for (const zone of items) {
      if (regionOfZone(zone) !== region) {
        problems.push({ severity: 'error', code: 'zone-not-in-region', message: `zone "${zone}" is not a zone of ${region}` });
      }
    }
  }
  return problems;
}
