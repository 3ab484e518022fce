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
 * The forms to remember for a resource, by property path ("InstanceType", "LaunchTemplateData.InstanceType"):
 * each property, or property of a nested map, that uses an author's intrinsic, is not kept as written (that
 * exports as written anyway), and whose template form differs from the value it resolved to.
 */
export function writtenFormsOf(
  properties: PlainObject,
  kept: PlainObject | undefined,
  isResource: (logicalId: string) => boolean,
  valueOf: (raw: unknown) => unknown,
): Record<string, WrittenForm> | undefined {
  const out: Record<string, WrittenForm> = {};
  const visit = (raw: PlainObject, keptHere: unknown, path: string): void => {
    for (const [key, value] of Object.entries(raw)) {
      const keptValue = isPlainObject(keptHere) ? (Object.hasOwn(keptHere, key) ? keptHere[key] : undefined) : undefined;
      const at = path === '' ? key : `${path}.${key}`;
      // A list the model reads element by element while keeping the rest of each (an instance's
      // NetworkInterfaces): each element's own forms are remembered under its index ("NetworkInterfaces.0.SubnetId").
      if (Array.isArray(value) && Array.isArray(keptValue) && !key.includes('.')) {
        value.forEach((element, i) => {
          if (isPlainObject(element) && !isCall(element) && usesAuthorIntrinsic(element, isResource)) visit(element, keptValue[i], `${at}.${i}`);
        });
        continue;
      }
      // A property kept whole is written as the template had it; a partly kept map is looked into.
      if (keptValue !== undefined && (!isPlainObject(keptValue) || isCall(keptValue))) continue;
      if (!usesAuthorIntrinsic(value, isResource)) continue;
      if (isPlainObject(value) && !isCall(value) && !key.includes('.')) {
        visit(value, keptValue, at);
        continue;
      }
      if (keptValue !== undefined) continue;
      const resolved = valueOf(value);
      if (resolved === undefined || deepEqual(resolved, value)) continue;
      setOwn(out, at, { form: value, value: resolved });
    }
  };
  visit(properties, kept, '');
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The written properties with each remembered form put back where the model still gives its value. */
export function applyWrittenForms(written: PlainObject, forms: Record<string, WrittenForm> | undefined): PlainObject {
  if (forms === undefined) return written;
  let out = written;
  for (const [path, form] of Object.entries(forms)) out = replaceAt(out, path.split('.'), form);
  return out;
}

/**
 * A copy of `at` with the value at `path` replaced by the form, when it is there and still the form's value. A
 * path goes through maps by key and through lists by index ("NetworkInterfaces.0.SubnetId").
 */
function replaceAt(at: PlainObject, path: string[], form: WrittenForm): PlainObject {
  return replaceIn(at, path, form) as PlainObject;
}

function replaceIn(at: unknown, path: string[], form: WrittenForm): unknown {
  const [key, ...rest] = path as [string, ...string[]];
  let current: unknown;
  if (Array.isArray(at)) {
    if (!/^\d+$/.test(key) || Number(key) >= at.length) return at;
    current = at[Number(key)];
  } else if (isPlainObject(at) && !isCall(at) && Object.hasOwn(at, key)) {
    current = at[key];
  } else {
    return at;
  }
  const next = rest.length === 0 ? formFor(current, form) : replaceIn(current, rest, form);
  if (next === current) return at;
  if (Array.isArray(at)) return at.map((v, i) => (i === Number(key) ? next : v));
  const copy: PlainObject = {};
  for (const [k, v] of Object.entries(at as PlainObject)) setOwn(copy, k, k === key ? next : v);
  return copy;
}

/**
 * What to write for a property whose author's form is known: the form while the model still gives its value;
 * for a list written item by item (`Subnets: [!Ref SubnetParam, !Ref SubnetB]`) that the player has since
 * changed, each item still in it keeps its own form, and only the new items are written as values.
 */
function formFor(current: unknown, form: WrittenForm): unknown {
  if (sameValue(current, form.value)) return form.form;
  if (!Array.isArray(current) || !Array.isArray(form.form) || !Array.isArray(form.value) || form.form.length !== form.value.length) return current;
  const values = form.value;
  const forms = form.form;
  const items = current.map((item) => {
    const j = values.findIndex((v) => sameValue(item, v));
    return j >= 0 ? forms[j] : item;
  });
  return items.some((item, i) => item !== current[i]) ? items : current;
}

/** {Ref: …} and {"Fn::…": …} are values, not maps to look into. */
function isCall(value: PlainObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
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

/**
 * The properties the template left out and the loader filled in with AWS's defaults, by the value the exporter
 * would write for each: an export leaves them out again while the model still gives that value.
 */
export function unwrittenOf(
  modelled: PlainObject,
  defaulted: readonly string[],
  properties: unknown,
  kept: PlainObject | undefined,
): Record<string, unknown> | undefined {
  const raw = isPlainObject(properties) ? properties : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(modelled)) {
    if (value === undefined || !defaulted.includes(key) || Object.hasOwn(raw, key) || (kept !== undefined && Object.hasOwn(kept, key))) continue;
    setOwn(out, key, value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The written properties without those the template left out, where the model still gives their value. */
export function leaveOutUnwritten(written: PlainObject, unwritten: Record<string, unknown> | undefined): PlainObject {
  if (unwritten === undefined) return written;
  const out: PlainObject = {};
  for (const [key, value] of Object.entries(written)) {
    if (Object.hasOwn(unwritten, key) && sameValue(value, unwritten[key])) continue;
    setOwn(out, key, value);
  }
  return out;
}
