// The author's form of a modelled property. The model holds values (t2.small, three zones), but a template
// often writes them through its parameters, pseudo parameters, mappings, conditions or !GetAZs. The loader
// remembers such a top-level property as written together with the value it gave; the exporter writes the
// author's form again as long as the model still gives that value (a property the player changed is written
// as its new value). So an export takes its parameters again, and works in another region, as the original did.

import type { WrittenForm } from '../design/model.ts';
import { deepEqual, isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { ResourceRef } from './resource-ref.ts';

/** Intrinsics the exporter never writes for a modelled property itself: only an author does. */
const AUTHOR_FUNCTIONS = new Set([
  'Fn::GetAZs',
  'Fn::FindInMap',
  'Fn::If',
  'Fn::Select',
  'Fn::Join',
  'Fn::Sub',
  'Fn::Split',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::ToJsonString',
  'Fn::Length',
]);

/** Whether a template value uses a parameter, a pseudo parameter or an author's function somewhere inside. */
export function usesAuthorIntrinsic(raw: unknown, isResource: (logicalId: string) => boolean): boolean {
  if (Array.isArray(raw)) return raw.some((v) => usesAuthorIntrinsic(v, isResource));
  if (!isPlainObject(raw)) return false;
  const keys = Object.keys(raw);
  if (keys.length === 1) {
    const key = keys[0]!;
    if (key === 'Ref') return typeof raw['Ref'] !== 'string' || !isResource(raw['Ref']);
    if (AUTHOR_FUNCTIONS.has(key)) return true;
  }
  return Object.values(raw).some((v) => usesAuthorIntrinsic(v, isResource));
}

/**
 * The forms to remember for a resource: each top-level property not kept as written (those export as written
 * anyway) that uses an author's intrinsic and whose template form differs from the value it resolved to.
 */
export function writtenFormsOf(
  properties: PlainObject,
  kept: PlainObject | undefined,
  isResource: (logicalId: string) => boolean,
  valueOf: (raw: unknown) => unknown,
): Record<string, WrittenForm> | undefined {
  const out: Record<string, WrittenForm> = {};
  for (const [key, raw] of Object.entries(properties)) {
    if (kept !== undefined && Object.hasOwn(kept, key)) continue;
    if (!usesAuthorIntrinsic(raw, isResource)) continue;
    const value = valueOf(raw);
    if (value === undefined || deepEqual(value, raw)) continue;
    setOwn(out, key, { form: raw, value });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The written properties with each remembered form put back where the model still gives its value. */
export function applyWrittenForms(written: PlainObject, forms: Record<string, WrittenForm> | undefined): PlainObject {
  if (forms === undefined) return written;
  const out: PlainObject = {};
  for (const [key, value] of Object.entries(written)) {
    const form = Object.hasOwn(forms, key) ? forms[key] : undefined;
    setOwn(out, key, form !== undefined && sameValue(value, form.value) ? form.form : value);
  }
  return out;
}

/** Equal as CloudFormation sees it: a number and its text are the same value ("2" and 2). */
function sameValue(a: unknown, b: unknown): boolean {
  if (deepEqual(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return scalar(a) && scalar(b) && String(a) === String(b);
}

/** Whether a property takes a value from another stack (Fn::ImportValue, or a reference to its resource). */
export function importsOrRefersAcross(raw: unknown, resolved: unknown, foreign: (ref: ResourceRef) => boolean): boolean {
  const imports = (v: unknown): boolean =>
    Array.isArray(v) ? v.some(imports) : isPlainObject(v) && (Object.hasOwn(v, 'Fn::ImportValue') || Object.values(v).some(imports));
  const refers = (v: unknown): boolean =>
    v instanceof ResourceRef ? foreign(v) : Array.isArray(v) ? v.some(refers) : isPlainObject(v) && Object.values(v).some(refers);
  return imports(raw) || refers(resolved);
}
