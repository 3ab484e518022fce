// The properties the game does not model are kept beside a resource ("unmodelled") and merged back into the
// properties the exporter writes from the model. Reading splits a template's properties into model + kept;
// writing merges them again; the two are built so that load → export → load gives the same design.

import { deepEqual, isPlainObject, setOwn, type PlainObject } from './plain-data.ts';

/**
 * What is left of `raw` once the parts equal to `structure` (what the exporter writes anyway) are taken out:
 * undefined when nothing is left. Objects are compared key by key; anything else is kept whole if it differs.
 */
export function subtractStructure(raw: unknown, structure: unknown): unknown {
  if (deepEqual(raw, structure)) return undefined;
  if (isPlainObject(raw) && isPlainObject(structure) && !isCall(raw)) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(raw)) {
      const rest = subtractStructure(v, structure[k]);
      if (rest !== undefined) setOwn(out, k, rest);
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return raw;
}

/**
 * Merges kept properties into written ones. Objects merge key by key; lists listed in `indexed` (paths such as
 * "DistributionConfig.Origins", elements of lists written as "Rules[]") merge element by element, with extra
 * kept elements appended; other lists are concatenated (kept items after the model's); for anything else the
 * kept value wins, because a value is only kept when it differs from what the exporter would write.
 */
export function mergeKept(written: unknown, kept: unknown, indexed: ReadonlySet<string> = new Set(), path = ''): unknown {
  if (kept === undefined) return written;
  if (written === undefined) return kept;
  if (isPlainObject(written) && isPlainObject(kept) && !isCall(written) && !isCall(kept)) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(written)) setOwn(out, k, v);
    for (const [k, v] of Object.entries(kept)) {
      setOwn(out, k, mergeKept(written[k], v, indexed, path === '' ? k : `${path}.${k}`));
    }
    return out;
  }
  if (Array.isArray(written) && Array.isArray(kept)) {
    if (!indexed.has(path)) return [...written, ...kept];
    const out: unknown[] = [];
    for (let i = 0; i < Math.max(written.length, kept.length); i++) {
      out.push(i < written.length ? mergeKept(written[i], kept[i], indexed, `${path}[]`) : kept[i]);
    }
    return out;
  }
  return kept;
}

/** {Ref: …} and {"Fn::…": …} are values, not objects to merge into. */
function isCall(value: PlainObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}
