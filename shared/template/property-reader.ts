// Reads the Properties of one template resource for a codec: each helper resolves a property, turns it into
// the model's type (numbers and booleans may be written as strings) and marks it as read. Whatever is not
// read — or read only in part — stays in `kept()`, in template form, for export.

import { defaultVpcPartOf } from '../account/default-vpc.ts';
import type { ResourceId, ResourceKind } from '../design/model.ts';
import { intrinsicOf, resolveValue, textOf } from './intrinsics.ts';
import { subtractStructure } from './kept-properties.ts';
import { deepEqual, describeValue, isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import type { PlannedResource, ReadEnv } from './read-env.ts';
import { NO_VALUE, ResourceRef, unresolve } from './resource-ref.ts';

/** A template value a reference property points at: a board resource, or something outside the board. */
export type ReferenceTarget = { resource: PlannedResource; attribute?: string } | { outside: string };

export class PropertyReader {
  raw: PlainObject;
  env: ReadEnv;
  path: string;
  private read = new Set<string>();
  private rests = new Map<string, unknown>();
  private children = new Map<string, PropertyReader>();

  constructor(raw: PlainObject, env: ReadEnv, path = '') {
    this.raw = raw;
    this.env = env;
    this.path = path;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.raw, key) && this.raw[key] !== undefined && this.raw[key] !== null;
  }

  where(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /**
   * The resolved value of a property, marked as read. Undefined when absent, or when it resolves to nothing
   * (AWS::NoValue, an unresolvable reference): then it stays kept as written, so export loses nothing.
   */
  value(key: string): unknown {
    const v = this.peek(key);
    if (v !== undefined) this.read.add(key);
    return v;
  }

  /** The resolved value without marking it as read. */
  peek(key: string): unknown {
    if (!this.has(key)) return undefined;
    const v = resolveValue(this.raw[key], this.env.scope, { logicalId: this.env.logicalId, path: this.where(key) });
    return v === NO_VALUE ? undefined : v;
  }

  /** The property stays in the kept properties (as written in the template). */
  leave(key: string): void {
    this.read.delete(key);
    this.rests.delete(key);
  }

  /** The property is read, but `rest` (template form) must still be exported. */
  keepRest(key: string, rest: unknown): void {
    this.read.add(key);
    if (rest === undefined) this.rests.delete(key);
    else this.rests.set(key, rest);
  }

  text(key: string, fallback: string): string {
    return this.optionalText(key) ?? fallback;
  }

  optionalText(key: string): string | undefined {
    const v = this.value(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof ResourceRef) {
      return textOf(v, this.env.scope);
    }
    return this.invalid(key, 'text', undefined);
  }

  number(key: string, fallback: number): number {
    return this.optionalNumber(key) ?? fallback;
  }

  optionalNumber(key: string): number | undefined {
    const v = this.value(key);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    return Number.isFinite(n) ? n : this.invalid(key, 'a number', undefined);
  }

  flag(key: string, fallback: boolean): boolean {
    const v = this.value(key);
    if (v === undefined) return fallback;
    if (v === true || v === false) return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
    return this.invalid(key, 'true or false', fallback);
  }

  /** One of the values the game models; another value is kept as written and the fallback used. */
  choice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const v = this.value(key);
    if (v === undefined) return fallback;
    const text = typeof v === 'string' ? v : describeValue(v);
    if ((allowed as readonly string[]).includes(text)) return text as T;
    this.leave(key);
    this.env.report('warning', 'unsupported-value', `${this.where(key)} "${text}" is not modelled; the board uses "${fallback}"`);
    return fallback;
  }

  /**
   * A property the exporter always writes with `structure` (e.g. DefaultAction {Allow: {}}): read when equal,
   * otherwise the differing part is kept and wins on export.
   */
  expect(key: string, structure: unknown): void {
    if (!this.has(key)) {
      this.read.add(key);
      return;
    }
    const resolved = this.peek(key);
    const same = deepEqual(resolved, structure) || (isScalar(resolved) && isScalar(structure) && String(resolved) === String(structure));
    this.keepRest(key, same ? undefined : subtractStructure(this.raw[key], structure));
  }

  /** A reference to one board resource of the given kinds; anything else is kept as written. */
  ref(key: string, kinds: readonly ResourceKind[]): ResourceId | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value(key);
    if (v === undefined) return undefined;
    const target = this.fitting(key, this.targetOf(v), kinds);
    if ('resource' in target) return target.resource.id;
    this.leave(key);
    this.outside(key, [target.outside]);
    this.missingSubnets(key, kinds, [v]);
    return undefined;
  }

  /** A required reference: without it the resource cannot be placed on the board. */
  requiredRef(key: string, kinds: readonly ResourceKind[]): ResourceId | undefined {
    const id = this.ref(key, kinds);
    if (id === undefined) {
      const what = this.has(key) ? `${describeValue(this.raw[key])} is not a ${kinds.join(' or ')} on the board` : 'is missing';
      this.env.unplaceable(`${this.where(key)} ${what}`);
    }
    return id;
  }

  /** A list of references; entries outside the board are kept (as written when none is on the board). */
  refs(key: string, kinds: readonly ResourceKind[]): ResourceId[] {
    if (!this.has(key)) return [];
    const v = this.value(key);
    const items = v === undefined ? [] : Array.isArray(v) ? v : [v];
    const ids: ResourceId[] = [];
    const rest: unknown[] = [];
    const outside: string[] = [];
    for (const item of items) {
      const target = this.fitting(key, this.targetOf(item), kinds);
      if ('resource' in target) {
        if (!ids.includes(target.resource.id)) ids.push(target.resource.id);
        continue;
      }
      rest.push(item);
      outside.push(target.outside);
    }
    if (outside.length > 0) this.outside(key, outside);
    this.missingSubnets(key, kinds, rest);
    if (rest.length === 0) return ids;
    if (ids.length === 0) this.leave(key);
    else this.keepRest(key, rest.map((item) => this.templateForm(item)));
    return ids;
  }

  /** Availability zone names (a list, or one zone). */
  zones(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value(key);
    const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
    if (items.every((z) => typeof z === 'string')) return items as string[];
    return this.invalid(key, 'a list of zone names', undefined);
  }

  /** A nested object property read by its own reader; its unread parts are kept under the same key. */
  child(key: string): PropertyReader {
    if (!this.has(key)) return new PropertyReader({}, this.env, this.where(key));
    const value = this.plainForm(this.raw[key]);
    if (!isPlainObject(value)) return new PropertyReader({}, this.env, this.where(key));
    const reader = new PropertyReader(value, this.env, this.where(key));
    this.read.add(key);
    this.children.set(key, reader);
    return reader;
  }

  /** The elements of a list property, each with a reader (undefined for elements that are not objects). */
  elements(key: string): { reader?: PropertyReader; raw: unknown }[] {
    if (!this.has(key)) return [];
    const list = this.plainForm(this.raw[key]);
    if (!Array.isArray(list)) return [];
    const items = list.map((item) => this.plainForm(item)).filter((item) => item !== undefined);
    return items.map((raw, i) => ({
      raw,
      ...(isPlainObject(raw) ? { reader: new PropertyReader(raw, this.env, `${this.where(key)}[${i}]`) } : {}),
    }));
  }

  /**
   * Closes a list read with `elements`: `modelled` in the order the exporter writes them, `others` the elements
   * the model does not hold. 'indexed' keeps each modelled element's unread rest at its position (the codec
   * lists the path in `indexed`); 'append' keeps only the other elements, written after the model's.
   */
  finishList(key: string, modelled: PropertyReader[], others: unknown[], mode: 'indexed' | 'append'): void {
    const rests = mode === 'indexed' ? modelled.map((r) => r.kept() ?? {}) : [];
    const kept = [...rests, ...others];
    const meaningful = others.length > 0 || rests.some((r) => Object.keys(r).length > 0);
    if (meaningful) this.keepRest(key, kept);
    else if (this.has(key)) this.keepRest(key, undefined);
  }

  /**
   * A reference the exporter writes as {Fn::GetAtt: [target, attribute]} (a launch template's
   * LatestVersionNumber): read when it is exactly that, otherwise kept as written.
   */
  expectAttribute(key: string, target: ResourceId | undefined, attribute: string): void {
    const v = this.peek(key);
    if (v instanceof ResourceRef && v.attribute === attribute && this.env.planned(v.stack, v.logicalId)?.id === target) {
      this.read.add(key);
    }
  }

  /** What the exporter must add to the model's properties: every unread property and unread parts. */
  kept(): PlainObject | undefined {
    const out: PlainObject = {};
    for (const key of Object.keys(this.raw)) {
      const child = this.children.get(key);
      const rest = child ? child.kept() : this.rests.get(key);
      if (rest !== undefined) setOwn(out, key, rest);
      else if (!this.read.has(key)) setOwn(out, key, this.raw[key]);
    }
    for (const [key, rest] of this.rests) if (!Object.hasOwn(this.raw, key)) setOwn(out, key, rest);
    return Object.keys(out).length === 0 ? undefined : out;
  }

  /** The board resource (or outside name) a resolved value points at. */
  targetOf(value: unknown): ReferenceTarget {
    const ref = value instanceof ResourceRef ? value : typeof value === 'string' ? this.env.scope.refOfText(value) : undefined;
    if (ref) {
      const planned = this.env.planned(ref.stack, ref.logicalId);
      if (!planned) return { outside: ref.logicalId };
      return ref.attribute === undefined ? { resource: planned } : { resource: planned, attribute: ref.attribute };
    }
    return { outside: typeof value === 'string' ? value : describeValue(value) };
  }

  /**
   * A board resource of an expected kind stays a reference. Any other is outside the board's model: an
   * attribute of another kind (a classic ELB's SourceSecurityGroup.GroupName) is simply another value, but
   * a plain Ref to a resource of the wrong kind is a template error.
   */
  private fitting(key: string, target: ReferenceTarget, kinds: readonly ResourceKind[]): { resource: PlannedResource } | { outside: string } {
    if (!('resource' in target)) return target;
    if (kinds.includes(target.resource.kind)) return target;
    const name = target.attribute === undefined ? target.resource.logicalId : `${target.resource.logicalId}.${target.attribute}`;
    if (target.attribute === undefined) {
      this.env.report('error', 'reference-kind', `${this.where(key)} refers to ${name}, a ${target.resource.kind}, where a ${kinds.join(' or ')} is expected`);
    }
    return { outside: name };
  }

  /**
   * A literal subnet id that names no subnet of the board: EC2 refuses it when CloudFormation creates the
   * resource (InvalidSubnetID.NotFound), so the stack fails, not just this resource's place on the board.
   * The account's default VPC subnets (`subnet-default-…`) are left to the account's own reading.
   */
  private missingSubnets(key: string, kinds: readonly ResourceKind[], values: unknown[]): void {
    if (!kinds.includes('subnet')) return;
    for (const v of values) {
      if (typeof v !== 'string' || !/^subnet-[0-9A-Za-z]+$/.test(v) || defaultVpcPartOf(v) !== undefined) continue;
      if (this.env.scope.refOfText(v) !== undefined) continue;
      this.env.report('error', 'subnet-not-found', `The subnet ID '${v}' does not exist (${this.where(key)})`);
    }
  }

  private outside(key: string, names: string[]): void {
    this.env.report('note', 'external-reference', `${this.where(key)} names ${names.join(', ')}, not on the board: kept for export`);
  }

  private invalid<T>(key: string, expected: string, fallback: T): T {
    this.leave(key);
    this.env.report('error', 'invalid-value', `${this.where(key)} should be ${expected}, not ${describeValue(this.raw[key])}`);
    return fallback;
  }

  /** A template value with its intrinsics evaluated but references written as {Ref}/{Fn::GetAtt} again. */
  templateForm(value: unknown): unknown {
    return unresolve(value, this.env.scope.index, (ref) => this.env.scope.nameOfRef(ref));
  }

  /** A list or object written through an intrinsic (Fn::If, Fn::FindInMap) is evaluated to read inside it. */
  private plainForm(raw: unknown): unknown {
    if (!intrinsicOf(raw)) return raw;
    const resolved = resolveValue(raw, this.env.scope, { logicalId: this.env.logicalId, path: this.path });
    return this.templateForm(resolved);
  }
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
