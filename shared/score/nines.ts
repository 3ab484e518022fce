// "Nines" of availability: −log10(1 − availability), e.g. 99.9% → 3. Computed without a logarithm function so the
// result is the same on every engine: whole decades by multiplying by 10, the rest from a table of
// log10 on [1, 10] read linearly (error under 0.01 nine).

/** log10 at 1, 1.5, 2, …, 10 (exact values rounded to 6 places). */
const LOG10: [number, number][] = [
  [1, 0],
  [1.5, 0.176091],
  [2, 0.30103],
  [2.5, 0.39794],
  [3, 0.477121],
  [3.5, 0.544068],
  [4, 0.60206],
  [4.5, 0.653213],
  [5, 0.69897],
  [5.5, 0.740363],
  [6, 0.778151],
  [6.5, 0.812913],
  [7, 0.845098],
  [7.5, 0.875061],
  [8, 0.90309],
  [8.5, 0.929419],
  [9, 0.954243],
  [9.5, 0.977724],
  [10, 1],
];

/** The most nines the game counts (a run with no failure at all). */
export const MAX_NINES = 9;

function log10Mantissa(m: number): number {
  for (let i = 1; i < LOG10.length; i++) {
    const b = LOG10[i]!;
    if (m <= b[0]) {
      const a = LOG10[i - 1]!;
      return a[1] + ((b[1] - a[1]) * (m - a[0])) / (b[0] - a[0]);
    }
  }
  return 1;
}

export function ninesOf(availability: number): number {
  if (!(availability > 0)) return 0;
  let unavailable = 1 - availability;
  if (unavailable <= 0) return MAX_NINES;
  let decades = 0;
  while (unavailable < 1 && decades < MAX_NINES + 1) {
    unavailable *= 10;
    decades++;
  }
  // unavailable is now in [1, 10): nines = decades − log10(unavailable).
  const n = decades - log10Mantissa(unavailable);
  return n > MAX_NINES ? MAX_NINES : n < 0 ? 0 : n;
}
