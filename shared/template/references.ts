// The reference scan: every Ref, Fn::GetAtt, ${…} of Fn::Sub, DependsOn and condition name in a template must
// name something the template declares, as CloudFormation checks before it creates anything. Each dangling
// name is one `missing-reference` error, whether or not the game models the property it sits in.

import type { DesignIssue } from '../design/model.ts';
import { isPlainObject, type PlainObject } from './plain-data.ts';
import { isPseudoParameter } from './pseudo-parameters.ts';

interface Declared {
  parameters: PlainObject;
  resources: PlainObject;
  conditions: PlainObject;
}

export function scanReferences(stackName: string, template: PlainObject): DesignIssue[] {
  const declared: Declared = {
    parameters: objectAt(template, 'Parameters'),
    resources: objectAt(template, 'Resources'),
    conditions: objectAt(template, 'Conditions'),
  };
  const issues: DesignIssue[] = [];
  const missing = (logicalId: string | undefined, path: string, what: string) => {
    const issue: DesignIssue = { severity: 'error', code: 'missing-reference', stack: stackName, message: `${path}: ${what}` };
    if (logicalId !== undefined) issue.logicalId = logicalId;
    issues.push(issue);
  };

  for (const [logicalId, body] of Object.entries(declared.resources)) {
    if (!isPlainObject(body)) continue;
    const path = `Resources.${logicalId}`;
    walk(body['Properties'], `${path}.Properties`, (p, m) => missing(logicalId, p, m), declared, {});
    walk(body['Metadata'], `${path}.Metadata`, (p, m) => missing(logicalId, p, m), declared, {});
    const condition = body['Condition'];
    if (typeof condition === 'string' && !Object.hasOwn(declared.conditions, condition)) {
      missing(logicalId, `${path}.Condition`, `condition ${condition} is not declared in Conditions`);
    }
    const dependsOn = body['DependsOn'];
    for (const name of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) {
      if (typeof name === 'string' && !Object.hasOwn(declared.resources, name)) {
        missing(logicalId, `${path}.DependsOn`, `resource ${name} is not declared in the template`);
      }
    }
  }
  for (const [name, output] of Object.entries(objectAt(template, 'Outputs'))) {
    walk(output, `Outputs.${name}`, (p, m) => missing(undefined, p, m), declared, {});
  }
  for (const [name, condition] of Object.entries(declared.conditions)) {
    walk(condition, `Conditions.${name}`, (p, m) => missing(undefined, p, m), declared, { conditionsSection: true });
  }
  return issues;
}

function walk(value: unknown, path: string, missing: (path: string, what: string) => void, declared: Declared, locals: PlainObject, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, missing, declared, locals, depth + 1));
    return;
  }
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0]!;
    const arg = value[key];
    if (key === 'Ref' && typeof arg === 'string') {
      if (!isPseudoParameter(arg) && !Object.hasOwn(declared.parameters, arg) && !Object.hasOwn(declared.resources, arg)) {
        missing(path, `Ref ${arg} names no parameter or resource of the template`);
      }
      return;
    }
    if (key === 'Fn::GetAtt') {
      const target = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
      if (typeof target === 'string' && !Object.hasOwn(declared.resources, target)) {
        missing(path, `Fn::GetAtt names ${target}, which is not a resource of the template`);
      }
      if (Array.isArray(arg)) walk(arg.slice(1), path, missing, declared, locals, depth + 1);
      return;
    }
    if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
      const vars = isPlainObject(variables) ? variables : {};
      if (typeof text === 'string') checkSub(text, path, missing, declared, vars);
      walk(variables, path, missing, declared, locals, depth + 1);
      return;
    }
    // {Condition: name} is a reference only among conditions; elsewhere "Condition" may be a property (IAM).
    const namesCondition = key === 'Condition' && typeof arg === 'string' && locals['conditionsSection'] === true;
    if ((key === 'Fn::If' && Array.isArray(arg) && typeof arg[0] === 'string') || namesCondition) {
      const name = key === 'Condition' ? (arg as string) : (arg as unknown[])[0] as string;
      if (!Object.hasOwn(declared.conditions, name)) missing(path, `condition ${name} is not declared in Conditions`);
      if (key === 'Fn::If') walk((arg as unknown[]).slice(1), path, missing, declared, locals, depth + 1);
      return;
    }
  }
  for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, missing, declared, locals, depth + 1);
}

function checkSub(text: string, path: string, missing: (path: string, what: string) => void, declared: Declared, vars: PlainObject): void {
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const name = match[1]!.trim();
    if (name.startsWith('!') || Object.hasOwn(vars, name) || isPseudoParameter(name) || Object.hasOwn(declared.parameters, name)) continue;
    const resource = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
    if (!Object.hasOwn(declared.resources, resource)) missing(path, `Fn::Sub names \${${name}}, which the template does not declare`);
  }
}

function objectAt(template: PlainObject, key: string): PlainObject {
  const v = template[key];
  return isPlainObject(v) ? v : {};
}
