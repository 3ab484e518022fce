import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyPlain } from '../../../shared/design/copy.ts';

// Board edits copy designs with copyPlain instead of structuredClone (several times cheaper): it must give
// the same value, share nothing with the original, and refuse what is not plain data.
describe('copyPlain', () => {
  it('equals structuredClone on any JSON value and shares no object with the original', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyPlain(value);
        expect(copy).toStrictEqual(structuredClone(value));
        const originals = new Set<unknown>();
        const walk = (v: unknown, into: (o: object) => void): void => {
          if (v !== null && typeof v === 'object') {
            into(v);
            for (const child of Object.values(v)) walk(child, into);
          }
        };
        walk(value, (o) => originals.add(o));
        walk(copy, (o) => expect(originals.has(o)).toBe(false));
      }),
    );
  });

  it('keeps a "__proto__" key as an own property, never as the copy\'s prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": null}}') as Record<string, unknown>;
    const copy = copyPlain(value);
    expect(copy).toStrictEqual(structuredClone(value));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });

  it('keeps own properties that are undefined, as structuredClone does', () => {
    const copy = copyPlain({ a: undefined, b: [undefined, 1] });
    expect(Object.keys(copy)).toEqual(['a', 'b']);
    expect(copy.b).toEqual([undefined, 1]);
  });

  it('refuses functions, class instances and typed arrays rather than sharing them', () => {
    expect(() => copyPlain({ f: () => 1 })).toThrow(/function is not plain data/);
    expect(() => copyPlain({ when: new Date(0) })).toThrow(/Date is not plain data/);
    expect(() => copyPlain([new Float64Array(2)])).toThrow(/Float64Array is not plain data/);
  });
});
