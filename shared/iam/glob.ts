// IAM's wildcards: `*` matches any run of characters (including none), `?` exactly one. Patterns come from
// players' policies, so they are matched by a small loop rather than compiled to RegExps: no pattern can make
// a match take more than pattern length × text length steps (no catastrophic backtracking), and nothing is
// compiled per request.

const STAR = 42; // '*'
const QUESTION = 63; // '?'

/**
 * ASCII-only case folding. Action names are ASCII; folding only A–Z keeps the comparison locale-free and
 * never changes a string's length (as `toLowerCase` can for a few non-ASCII letters).
 */
function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Whether `text` matches the IAM wildcard `pattern`. `ignoreCase` folds ASCII letters: IAM compares action
 * names case-insensitively and resource ARNs case-sensitively.
 */
export function globMatches(pattern: string, text: string, ignoreCase: boolean): boolean {
  // Greedy matching that remembers the last `*`: on a mismatch, that star swallows one more character and the
  // rest of the pattern is retried from there. Earlier stars never need revisiting, which keeps this linear
  // in the number of retries rather than exponential.
  let p = 0;
  let t = 0;
  let starAt = -1;
  let starText = 0;
  while (t < text.length) {
    if (p < pattern.length) {
      const pc = pattern.charCodeAt(p);
      if (pc === STAR) {
        starAt = p;
        starText = t;
        p += 1;
        continue;
      }
      const tc = text.charCodeAt(t);
      if (pc === QUESTION || pc === tc || (ignoreCase && fold(pc) === fold(tc))) {
        p += 1;
        t += 1;
        continue;
      }
    }
    if (starAt < 0) return false;
    starText += 1;
    t = starText;
    p = starAt + 1;
  }
  while (p < pattern.length && pattern.charCodeAt(p) === STAR) p += 1;
  return p === pattern.length;
}
