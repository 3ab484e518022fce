// Plain JSON-like data as templates hold it: objects, arrays, strings, numbers, booleans, null.
// Everything that comes from outside (a parsed file, an object a caller hands over) is copied through
// `toPlainData` first, so the rest of the codec never meets cycles, class instances, functions or a
// `__proto__` key that would rewrite an object's prototype when assigned.

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets a key as an own data property, so that even "__proto__" is stored as data, never as a prototype. */
export function setOwn(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface PlainDataLimits {
  maxDepth: number;
  maxNodes: number;
}

const DEFAULT_LIMITS: PlainDataLimits = { maxDepth: 64, maxNodes: 200_000 };

/**
 * A deep copy holding only JSON-like data. Returns a reason instead of a value when the input is cyclic,
 * too deep or too large (so a hostile manifest cannot exhaust the stack); drops nothing silently:
 * functions, symbols and undefined inside objects are left out, as JSON would, and counted in `skipped`.
 */
export function toPlainData(
  input: unknown,
  limits: PlainDataLimits = DEFAULT_LIMITS,
): { value?: unknown; problem?: string; skipped: number } {
  let nodes = 0;
  let skipped = 0;
  let problem: string | undefined;
  const onPath = new Set<unknown>();
  const copy = (value: unknown, depth: number): unknown => {
    if (problem !== undefined) return null;
    nodes++;
    if (nodes > limits.maxNodes) problem = `more than ${limits.maxNodes} values`;
    else if (depth > limits.maxDepth) problem = `nested deeper than ${limits.maxDepth} levels`;
    if (problem !== undefined) return null;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'bigint') return Number(value);
    if (typeof value !== 'object') {
      skipped++;
      return undefined;
    }
    if (onPath.has(value)) {
      problem = 'a value contains itself';
      return null;
    }
    onPath.add(value);
    let out: unknown;
    if (Array.isArray(value)) out = value.map((v) => copy(v, depth + 1) ?? null);
    else {
      const object: PlainObject = {};
      for (const key of keysOf(value)) {
        const v = copy(readKey(value, key), depth + 1);
        if (v !== undefined) setOwn(object, key, v);
      }
      out = object;
    }
    onPath.delete(value);
    return out;
  };
  // A getter or a proxy may throw while it is read: that makes the value unreadable, not the loader fail.
  const keysOf = (value: object): string[] => {
    try {
      return Object.keys(value);
    } catch {
      problem ??= 'a value could not be read';
      return [];
    }
  };
  const readKey = (value: object, key: string): unknown => {
    try {
      return (value as PlainObject)[key];
    } catch {
      problem ??= `the value of "${key}" could not be read`;
      return undefined;
    }
  };
  const value = copy(input, 0);
  return problem === undefined ? { value, skipped } : { problem, skipped };
}

/** Structural equality of plain data (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Stable text of a value for messages (short, never throws). */
export function describeValue(value: unknown): string {
  try {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
