// A stack's parameter values, as a real stack has them: the manifest's value, else the template's Default,
// else — for an AWS-specific type — what the CloudFormation console offers first from the account (said in a
// warning naming the parameter). A plain type with none of these is an error naming it, as CloudFormation
// refuses to create the stack. Values are checked against the declaration's constraints as CloudFormation
// checks them, with its wording; a NoEcho value never appears in a message.

import type { DesignIssue } from '../design/model.ts';
import { checkConstraints } from './parameter-constraints.ts';
import { choiceCounted, consoleChoice, parseParameterType, resolveAccountItems, type AccountDirectory } from './parameter-types.ts';
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

/** CloudFormation's NoEcho: "true" in any case (written as a boolean or as text). */
export function isNoEcho(declaration: unknown): boolean {
  const v = isPlainObject(declaration) ? declaration['NoEcho'] : undefined;
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/** What CloudFormation shows in place of a NoEcho value (DescribeStacks, the console, CloudTrail). */
export const NO_ECHO_MASK = '****';

/** A parameter value as the console shows it: NoEcho values masked. */
export function shownParameterValue(declaration: unknown, text: string): string {
  return isNoEcho(declaration) ? NO_ECHO_MASK : text;
}

export function readParameters(
  declarations: unknown,
  given: Record<string, unknown>,
  stack: { name: string; region: string },
  /** The account the values are resolved in; without one (a template read on its own) they are taken as given. */
  directory?: AccountDirectory,
): StackParameters {
  const values = new Map<string, ParameterValue>();
  const record: Record<string, string> = {};
  const issues: DesignIssue[] = [];
  const issue = (severity: DesignIssue['severity'], code: string, message: string, params?: DesignIssue['params']) =>
    issues.push({ severity, code, stack: stack.name, message, ...(params ? { params } : {}) });
  const declared = isPlainObject(declarations) ? declarations : {};
  if (declarations !== undefined && !isPlainObject(declarations)) issue('error', 'invalid-template', 'Parameters must be a map');

  // How many parameters of each single subnet/zone type took a console item so far: the next takes the next item.
  const chosenOfType = new Map<string, number>();
  for (const [name, declaration] of Object.entries(declared)) {
    const decl = isPlainObject(declaration) ? declaration : {};
    const type = typeof decl['Type'] === 'string' ? decl['Type'] : 'String';
    const parsed = parseParameterType(type);
    if (!parsed) {
      issue('error', 'parameter-type-unknown', `Unrecognized parameter type: ${type} (parameter ${name})`);
      continue;
    }
    const secret = isNoEcho(decl);
    const fromManifest = Object.hasOwn(given, name) ? parameterText(given[name]) : undefined;
    if (Object.hasOwn(given, name) && fromManifest === undefined) {
      const shown = secret ? 'given' : describeValue(given[name]);
      issue('error', 'invalid-parameter', `parameter ${name}: the manifest's value ${shown} is not text, a number or a list`);
    }
    let text = fromManifest ?? (decl['Default'] === undefined ? undefined : parameterText(decl['Default']));
    if (text === undefined) {
      const nth = chosenOfType.get(parsed.type) ?? 0;
      const chosen = directory ? consoleChoice(parsed, stack.region, directory, nth) : undefined;
      if (chosen !== undefined && choiceCounted(parsed)) chosenOfType.set(parsed.type, nth + 1);
      if (chosen === undefined) {
        issue('error', 'parameter-missing', `Parameters: [${name}] must have values (${type}: no Default and no value in the manifest)`);
        continue;
      }
      text = chosen;
      const value = shownParameterValue(decl, chosen);
      issue('warning', 'parameter-chosen', `parameter ${name} (${type}) has no value: the board uses ${value}, what the console offers first`, { name, type, value });
    }
    const items = parsed.list ? (text === '' ? [] : text.split(',').map((s) => s.trim())) : [text];
    const problems = checkConstraints(name, decl, parsed, items, text);
    for (const p of problems) issue(p.severity, p.code, p.message);
    if (problems.some((p) => p.severity === 'error')) continue;
    const resolved = directory ? resolveAccountItems(parsed, items, stack.region, directory, stack.name) : { items };
    if ('missing' in resolved) {
      const zoneElsewhere = parsed.thing !== undefined && 'zone' in parsed.thing;
      // How to name a resource is said only for types that name one (not a key pair or an image id).
      const namesResource = parsed.thing !== undefined && 'resourceType' in parsed.thing;
      const shown = secret ? '' : `${resolved.missing} `;
      issue(
        'error',
        zoneElsewhere ? 'zone-not-in-region' : 'parameter-not-found',
        `Parameter validation failed: parameter value ${shown}for parameter name ${name} does not exist` +
          (zoneElsewhere ? ` (not a zone of ${stack.region})` : namesResource ? ' (name a board resource by its physical id or stack/LogicalId, or leave it out for the default VPC)' : ''),
      );
      continue;
    }
    const kept = parsed.list ? resolved.items.join(',') : (resolved.items[0] ?? text);
    values.set(name, { type, text: kept });
    record[name] = kept;
  }
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name)) {
      issue('warning', 'unknown-parameter', `the manifest gives parameter ${name}, which the template does not declare`);
    }
  }
  return { values, record, issues };
}
