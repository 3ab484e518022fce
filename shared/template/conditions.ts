// Conditions: Fn::Equals / Fn::And / Fn::Or / Fn::Not / {Condition: name}, evaluated once per stack and
// remembered. A false resource-level Condition leaves the resource out, as CloudFormation does.

import { isPlainObject } from './plain-data.ts';
import { ResourceRef } from './resource-ref.ts';
import { issueAt, type StackScope, type Where } from './stack-scope.ts';

/** Evaluates a condition expression; `resolve` resolves the operands of Fn::Equals. Never throws. */
export function evaluateCondition(
  expression: unknown,
  scope: StackScope,
  at: Where,
  resolve: (value: unknown) => unknown,
  depth = 0,
): boolean {
  const invalid = (message: string): boolean => {
    scope.report(issueAt(scope, at, 'error', 'invalid-condition', message));
    return false;
  };
  if (depth > 32) return invalid('condition nested too deeply');
  if (expression === true || expression === 'true') return true;
  if (expression === false || expression === 'false') return false;
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1) {
    return invalid(`${at.path}: not a condition: ${JSON.stringify(expression)?.slice(0, 60)}`);
  }
  const [name, arg] = Object.entries(expression)[0]!;
  const next = (e: unknown) => evaluateCondition(e, scope, at, resolve, depth + 1);
  switch (name) {
    case 'Condition':
      return typeof arg === 'string' ? conditionNamed(arg, scope, at, resolve) : invalid('Condition needs a name');
    case 'Fn::Equals': {
      if (!Array.isArray(arg) || arg.length !== 2) return invalid('Fn::Equals needs two values');
      return comparable(resolve(arg[0]), scope) === comparable(resolve(arg[1]), scope);
    }
    case 'Fn::And':
      if (!Array.isArray(arg) || arg.length < 1) return invalid('Fn::And needs a list of conditions');
      return arg.map(next).every(Boolean);
    case 'Fn::Or':
      if (!Array.isArray(arg) || arg.length < 1) return invalid('Fn::Or needs a list of conditions');
      return arg.map(next).some(Boolean);
    case 'Fn::Not':
      if (!Array.isArray(arg) || arg.length !== 1) return invalid('Fn::Not needs one condition');
      return !next(arg[0]);
    default: {
      // Another intrinsic (Ref to a "true"/"false" parameter, Fn::FindInMap, …) resolving to a boolean.
      const value = resolve(expression);
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return invalid(`${at.path}: ${name} does not give true or false`);
    }
  }
}

/** A named condition of the stack's Conditions section; a missing or cyclic one is false. */
export function conditionNamed(name: string, scope: StackScope, at: Where, resolve: (value: unknown) => unknown): boolean {
  const memo = scope.conditionMemo.get(name);
  if (memo === 'evaluating') {
    scope.report(issueAt(scope, at, 'error', 'invalid-condition', `condition ${name} depends on itself`));
    return false;
  }
  if (memo !== undefined) return memo;
  if (!Object.hasOwn(scope.conditions, name)) {
    // Reported once, wherever it is named, by the reference scan (references.ts).
    scope.conditionMemo.set(name, false);
    return false;
  }
  scope.conditionMemo.set(name, 'evaluating');
  const value = evaluateCondition(scope.conditions[name], scope, { path: `Conditions.${name}` }, resolve);
  scope.conditionMemo.set(name, value);
  return value;
}

/** CloudFormation compares the string forms: "3" equals 3, "true" equals true. */
function comparable(value: unknown, scope: StackScope): string {
  if (value instanceof ResourceRef) return scope.nameOfRef(value);
  if (Array.isArray(value)) return value.map((v) => comparable(v, scope)).join(',');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
