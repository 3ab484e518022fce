// Copies of designs and other plain JSON-shaped data (objects, arrays, strings, numbers, booleans, null).
// Every board edit copies the design it changes; Node's structuredClone serialises through V8's message
// machinery and cost most of an intent's time under load (profiled at 30 rooms × 30 players), where a walk
// over plain data is several times cheaper. Anything that is not plain data is refused, not silently shared.

export function copyPlain<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError(`copyPlain: ${typeof value} is not plain data`);
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`copyPlain: ${(value as object).constructor?.name ?? 'an object'} is not plain data`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    // structuredClone keeps an own property that is undefined; so does this. A key named "__proto__" (JSON
    // from a client may have one) is defined as an own property: assigning it would set the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy(v), enumerable: true, writable: true, configurable: true });
    else out[key] = copy(v);
  }
  return out;
}
