// Latency as the simulation sees it: the queueing curve, and a histogram of mean latencies from which the
// percentiles are read. Each flow of requests adds its count at its mean latency (one add, cheap); when a
// percentile is read, the histogram is spread by the catalogue's latency spread (a shift by whole buckets,
// because buckets grow geometrically), giving a tail without recording four points per flow.

import { catalogue } from '../catalogue/index.ts';

/** Geometric buckets: bucket i holds latencies in [BASE × R^i, BASE × R^(i+1)) ms. */
export const BUCKET_COUNT = 100;
const BUCKET_RATIO = 1.1;
const BUCKET_BASE_MS = 1;

/** Lower bounds of the buckets, computed by repeated multiplication (exact and identical on every engine). */
export const BUCKET_BOUNDS: Float64Array = (() => {
  const b = new Float64Array(BUCKET_COUNT + 1);
  let x = BUCKET_BASE_MS;
  for (let i = 0; i <= BUCKET_COUNT; i++) {
    b[i] = x;
    x *= BUCKET_RATIO;
  }
  return b;
})();

/** The spread as (bucket shift, share): factor f moves a flow by round(log(f)/log(ratio)) buckets. */
const SPREAD: { shift: number; share: number }[] = catalogue.service.latencySpread.value.map(([factor, share]) => {
  // Found by multiplication (no logarithm function), so it is exact everywhere.
  let shift = 0;
  if (factor >= 1) {
    let x = 1;
    while (x * BUCKET_RATIO <= factor * 1.0488) {
      x *= BUCKET_RATIO;
      shift++;
    }
  } else {
    let x = 1;
    while (x / BUCKET_RATIO >= factor / 1.0488) {
      x /= BUCKET_RATIO;
      shift--;
    }
  }
  return { shift, share };
});

const QUEUE = catalogue.service.queueingCurve.points;

/** Latency multiplier at a utilisation (offered / capacity) by the piecewise-linear queueing curve. */
export function queueingFactor(u: number): number {
  if (u <= QUEUE[0]![0]) return QUEUE[0]![1];
  for (let i = 1; i < QUEUE.length; i++) {
    const b = QUEUE[i]!;
    if (u <= b[0]) {
      const a = QUEUE[i - 1]!;
      return a[1] + ((b[1] - a[1]) * (u - a[0])) / (b[0] - a[0]);
    }
  }
  return QUEUE[QUEUE.length - 1]![1];
}

function searchBucket(ms: number): number {
  if (ms < BUCKET_BOUNDS[1]!) return 0;
  if (ms >= BUCKET_BOUNDS[BUCKET_COUNT - 1]!) return BUCKET_COUNT - 1;
  let lo = 1;
  let hi = BUCKET_COUNT - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ms >= BUCKET_BOUNDS[mid]!) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Bucket of each quarter millisecond below 256 ms: a starting guess that is never above the answer. */
const GUESS_LIMIT_MS = 256;
const BUCKET_GUESS: Uint8Array = (() => {
  const g = new Uint8Array(GUESS_LIMIT_MS * 4);
  for (let k = 0; k < g.length; k++) g[k] = searchBucket(k / 4);
  return g;
})();

/** The bucket of a latency: the same answer as a binary search over the bounds, found faster. */
export function bucketOf(ms: number): number {
  if (!(ms < GUESS_LIMIT_MS)) return searchBucket(ms);
  if (ms < 0) return 0;
  let b = BUCKET_GUESS[(ms * 4) | 0]!;
  while (b + 1 < BUCKET_COUNT && ms >= BUCKET_BOUNDS[b + 1]!) b++;
  return b;
}

/** Spreads a histogram of mean latencies into a histogram of request latencies (into `out`). */
export function spreadHistogram(hist: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = hist[i]!;
    if (n === 0) continue;
    for (const s of SPREAD) {
      let j = i + s.shift;
      if (j < 0) j = 0;
      else if (j >= BUCKET_COUNT) j = BUCKET_COUNT - 1;
      out[j] = out[j]! + n * s.share;
    }
  }
}

/** The latency below which a share q of the requests of a spread histogram fall (0 when it is empty). */
export function percentileOf(spread: Float64Array, q: number): number {
  let total = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) total += spread[i]!;
  if (total <= 0) return 0;
  const target = total * q;
  let acc = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = spread[i]!;
    if (n > 0 && acc + n >= target) {
      const within = (target - acc) / n;
      const lo = BUCKET_BOUNDS[i]!;
      return lo + (BUCKET_BOUNDS[i + 1]! - lo) * within;
    }
    acc += n;
  }
  return BUCKET_BOUNDS[BUCKET_COUNT]!;
}

/** Share of the requests of a spread histogram at or below a latency (linear inside the bucket). */
export function shareWithin(spread: Float64Array, ms: number): number {
  let total = 0;
  let below = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = spread[i]!;
    total += n;
    const lo = BUCKET_BOUNDS[i]!;
    const hi = BUCKET_BOUNDS[i + 1]!;
    if (hi <= ms) below += n;
    else if (lo < ms) below += (n * (ms - lo)) / (hi - lo);
  }
  return total > 0 ? below / total : 1;
}

/** p50, p95, p99 and the share within an objective of a spread histogram, in one pass (into `out`). */
export function readLatency(spread: Float64Array, objectiveMs: number, out: Float64Array): void {
  let total = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) total += spread[i]!;
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  out[3] = 1;
  if (total <= 0) return;
  const t50 = total * 0.5;
  const t95 = total * 0.95;
  const t99 = total * 0.99;
  let acc = 0;
  let below = 0;
  let found = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = spread[i]!;
    if (n === 0) continue;
    const lo = BUCKET_BOUNDS[i]!;
    const hi = BUCKET_BOUNDS[i + 1]!;
    if (hi <= objectiveMs) below += n;
    else if (lo < objectiveMs) below += (n * (objectiveMs - lo)) / (hi - lo);
    const next = acc + n;
    if (found === 0 && next >= t50) {
      out[0] = lo + ((hi - lo) * (t50 - acc)) / n;
      found = 1;
    }
    if (found === 1 && next >= t95) {
      out[1] = lo + ((hi - lo) * (t95 - acc)) / n;
      found = 2;
    }
    if (found === 2 && next >= t99) {
      out[2] = lo + ((hi - lo) * (t99 - acc)) / n;
      found = 3;
    }
    acc = next;
  }
  out[3] = below / total;
}
