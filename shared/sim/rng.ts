// The seeded random generator. xorshift32: integer-only, so it gives the same sequence on every engine.
// Its one word of state lives in the world state (`state.rng`), never in this module.

/** A non-zero starting state from any seed (xorshift32 stays at zero forever from zero). */
export function seedState(seed: number): number {
  let x = (seed ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x === 0 ? 0x6d2b79f5 : x;
}

/** Advances the generator held in rng[0] and returns a number in [0, 1). */
export function nextRandom(rng: Uint32Array): number {
  let x = rng[0]!;
  x ^= x << 13;
  x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5;
  x >>>= 0;
  rng[0] = x;
  return x / 4294967296;
}
