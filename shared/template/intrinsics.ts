// Resolution of CloudFormation's intrinsic functions inside one stack. Values come out as plain data in which
// a Ref/GetAtt to a resource stays a ResourceRef marker (see resource-ref.ts) and AWS::NoValue is NO_VALUE.
// A function that cannot be evaluated reports an issue and resolves to undefined, as if the property were absent.

import { cidrSubnets, formatCidr, parseCidr } from '../design/cidr.ts';
import { zonesOf } from '../geography/regions.ts';
import { evaluateCondition } from './conditions.ts';
import { describeValue, isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { isPseudoParameter, pseudoParameterValue } from './pseudo-parameters.ts';
import { NO_VALUE, ResourceRef } from './resource-ref.ts';
import { hasResource, issueAt, type StackScope, type Where } from './stack-scope.ts';

const MAX_DEPTH = 64;

/** [function name, argument] when `value` is an intrinsic function call ({Ref: …} or {"Fn::…": …}). */
export function intrinsicOf(value: unknown): [string, unknown] | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? [key, value[key]] : undefined;
}

export function resolveValue(value: unknown, scope: StackScope, at: Where, depth = 0): unknown {
  if (depth > MAX_DEPTH) {
    scope.report(issueAt(scope, at, 'error', 'template-too-deep', `${at.path}: nested deeper than ${MAX_DEPTH} levels`));
    return undefined;
  }
  const call = intrinsicOf(value);
  if (call) return resolveCall(call[0], call[1], scope, at, depth + 1);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = resolveValue(item, scope, at, depth + 1);
      if (r !== NO_VALUE && r !== undefined) out.push(r);
    }
    return out;
  }
  if (isPlainObject(value)) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolveValue(v, scope, at, depth + 1);
      if (r !== NO_VALUE && r !== undefined) setOwn(out, k, r);
    }
    return out;
  }
  return value;
}

/** The text CloudFormation would substitute for a value in Fn::Join / Fn::Sub. */
export function textOf(value: unknown, scope: StackScope): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof ResourceRef) return scope.nameOfRef(value);
  if (Array.isArray(value)) return value.map((v) => textOf(v, scope)).join(',');
  if (value === undefined || value === null || value === NO_VALUE) return '';
  return describeValue(value);
}

function resolveCall(name: string, arg: unknown, scope: StackScope, at: Where, depth: number): unknown {
  const fail = (message: string, code = 'invalid-intrinsic'): undefined => {
    scope.report(issueAt(scope, at, 'error', code, `${at.path}: ${name} ${message}`));
    return undefined;
  };
  const sub = (v: unknown) => resolveValue(v, scope, at, depth);
  switch (name) {
    case 'Ref':
      return typeof arg === 'string' ? refValue(arg, scope, at) : fail('needs a name');
    case 'Fn::GetAtt': {
      const parts = Array.isArray(arg) ? arg.map(sub) : typeof arg === 'string' ? splitAtFirstDot(arg) : [];
      const [resource, attribute] = parts.length === 1 && typeof parts[0] === 'string' ? splitAtFirstDot(parts[0]) : parts;
      if (typeof resource !== 'string' || typeof attribute !== 'string') return fail('needs [resource, attribute]');
      if (!hasResource(scope, resource)) return undefined; // reported once by the reference scan
      if (scope.isExcluded(resource)) return excludedReference(scope, at, resource);
      return new ResourceRef(scope.index, resource, attribute);
    }
    case 'Fn::Sub':
      return substitute(arg, scope, at, depth);
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2) return fail('needs [delimiter, list]');
      const delimiter = sub(arg[0]);
      const list = sub(arg[1]);
      if (typeof delimiter !== 'string' || !Array.isArray(list)) return fail('needs a string delimiter and a list');
      return list.map((v) => textOf(v, scope)).join(delimiter);
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg) || arg.length !== 2) return fail('needs [index, list]');
      const index = Number(textOf(sub(arg[0]), scope));
      const list = sub(arg[1]);
      if (!Array.isArray(list)) return fail('needs a list');
      if (!Number.isInteger(index) || index < 0 || index >= list.length) {
        return fail(`index ${describeValue(arg[0])} is outside the list of ${list.length}`, 'select-out-of-range');
      }
      return list[index];
    }
    case 'Fn::Split': {
      if (!Array.isArray(arg) || arg.length !== 2) return fail('needs [delimiter, string]');
      const delimiter = sub(arg[0]);
      const text = sub(arg[1]);
      if (typeof delimiter !== 'string' || delimiter === '') return fail('needs a delimiter');
      return textOf(text, scope).split(delimiter);
    }
    case 'Fn::GetAZs': {
      const region = textOf(sub(arg), scope);
      return zonesOf(region === '' ? scope.region : region);
    }
    case 'Fn::Cidr':
      return cidrOf(arg, sub, scope, fail);
    case 'Fn::FindInMap':
      return findInMap(arg, sub, scope, fail);
    case 'Fn::If': {
      if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return fail('needs [condition, then, else]');
      const chosen = evaluateCondition({ Condition: arg[0] }, scope, at, (v) => resolveValue(v, scope, at, depth));
      return sub(chosen ? arg[1] : arg[2]);
    }
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not':
      return evaluateCondition({ [name]: arg }, scope, at, (v) => resolveValue(v, scope, at, depth));
    case 'Fn::Base64':
      // The game never decodes user data: the text stands for its own encoding.
      return textOf(sub(arg), scope);
    case 'Fn::ImportValue': {
      const exportName = textOf(sub(arg), scope);
      const found = scope.importValue(exportName);
      return found.found ? found.value : fail(`names "${exportName}", which no stack of the design exports`, 'import-not-found');
    }
    case 'Fn::Length': {
      const list = sub(arg);
      return Array.isArray(list) ? list.length : fail('needs a list');
    }
    case 'Fn::ToJsonString':
      return describeValue(sub(arg));
    default:
      scope.report(issueAt(scope, at, 'warning', 'unsupported-intrinsic', `${at.path}: ${name} is not supported; the value is left out`));
      return undefined;
  }
}

function refValue(name: string, scope: StackScope, at: Where): unknown {
  if (isPseudoParameter(name)) return pseudoParameterValue(name, scope.name, scope.region);
  const parameter = scope.parameters.get(name);
  if (parameter) return parameterValue(parameter.type, parameter.text);
  if (hasResource(scope, name)) {
    return scope.isExcluded(name) ? excludedReference(scope, at, name) : new ResourceRef(scope.index, name);
  }
  return undefined; // a missing name: reported once by the reference scan, or a declared parameter without value
}

/** List and CommaDelimitedList parameters (also through SSM) resolve to lists; every other type to its text. */
export function parameterValue(type: string, text: string): unknown {
  const isList = /^List<|CommaDelimitedList|^AWS::SSM::Parameter::Value<List</.test(type);
  return isList ? (text === '' ? [] : text.split(',').map((s) => s.trim())) : text;
}

function excludedReference(scope: StackScope, at: Where, logicalId: string): undefined {
  scope.report(
    issueAt(scope, at, 'error', 'missing-reference', `${at.path}: refers to ${logicalId}, which its Condition leaves out of the stack`),
  );
  return undefined;
}

function splitAtFirstDot(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function substitute(arg: unknown, scope: StackScope, at: Where, depth: number): unknown {
  const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
  if (typeof template !== 'string') {
    scope.report(issueAt(scope, at, 'error', 'invalid-intrinsic', `${at.path}: Fn::Sub needs a string`));
    return undefined;
  }
  const vars = isPlainObject(variables) ? variables : {};
  return template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (Object.hasOwn(vars, name)) return textOf(resolveValue(vars[name], scope, at, depth), scope);
    const dot = name.indexOf('.');
    if (dot > 0 && !isPseudoParameter(name) && !scope.parameters.has(name)) {
      return textOf(resolveValue({ 'Fn::GetAtt': [name.slice(0, dot), name.slice(dot + 1)] }, scope, at, depth), scope);
    }
    const value = refValue(name, scope, at);
    return value === undefined ? whole : textOf(value, scope);
  });
}

function cidrOf(arg: unknown, sub: (v: unknown) => unknown, scope: StackScope, fail: (m: string) => undefined): unknown {
  if (!Array.isArray(arg) || arg.length !== 3) return fail('needs [block, count, hostBits]');
  const block = parseCidr(textOf(sub(arg[0]), scope));
  const count = Number(textOf(sub(arg[1]), scope));
  const bits = Number(textOf(sub(arg[2]), scope));
  if (!block) return fail('needs an IPv4 CIDR block');
  const blocks = cidrSubnets(block, count, bits);
  return blocks ? blocks.map(formatCidr) : fail(`cannot fit ${count} blocks of ${bits} host bits in the block`);
}

function findInMap(arg: unknown, sub: (v: unknown) => unknown, scope: StackScope, fail: (m: string, c?: string) => undefined): unknown {
  if (!Array.isArray(arg) || arg.length < 3) return fail('needs [map, top key, second key]');
  const [mapName, top, second] = arg.slice(0, 3).map((v) => textOf(sub(v), scope));
  // Fn::FindInMap's optional fourth argument (AWS::LanguageExtensions) is {DefaultValue: …}.
  const fallback = isPlainObject(arg[3]) && Object.hasOwn(arg[3], 'DefaultValue') ? sub(arg[3]['DefaultValue']) : undefined;
  const map = scope.mappings[mapName!];
  const level = isPlainObject(map) ? map[top!] : undefined;
  const value = isPlainObject(level) ? level[second!] : undefined;
  if (value !== undefined) return sub(value);
  if (fallback !== undefined) return fallback;
  return fail(`finds nothing at ${mapName}/${top}/${second}`, 'mapping-not-found');
}
