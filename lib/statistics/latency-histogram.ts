// A latency histogram with fixed, log-spaced buckets (DDSketch's mapping, Masson et al. 2019):
// every rollup row is one bucket's count, so minutes add up to hours and hours to days exactly,
// in SQL or here, and a percentile read from any sum is within RELATIVE_ERROR of the exact one.
// Pure: no database, no server-only; the rollups (delivery-rollups.ts) and tests share it.

/**
 * α: the largest relative error of a percentile (estimate vs the exact value of the same rank).
 * 2 % needs about 58 buckets per factor of 10 in latency: 1 ms to 60 s is about 280 buckets.
 */
export const RELATIVE_ERROR = 0.02;

/** γ = (1 + α) / (1 − α): each bucket's upper bound is γ times its lower bound. */
export const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);

/** The histogram bucket that counts failed attempts: they have no latency worth a percentile. */
export const FAILURE_BUCKET = -1;
/** Successes answered within the same millisecond (latency 0), which no log bucket holds. */
export const ZERO_BUCKET = 0;

/**
 * The bucket of a successful attempt's latency in whole milliseconds: 0 for 0 ms, and k ≥ 1 for
 * a latency in (γ^(k−2), γ^(k−1)], so 1 ms is bucket 1. Monotone: a larger latency never has a
 * smaller bucket, which is what makes the rank of a percentile fall in the right bucket.
 */
export function latencyBucket(latencyMs: number): number {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new RangeError(`latency must be a finite number of milliseconds ≥ 0, not ${latencyMs}`);
  }
  if (latencyMs === 0) return ZERO_BUCKET;
  return Math.max(1, Math.ceil(Math.log(latencyMs) / LOG_GAMMA) + 1);
}

/**
 * The value a bucket stands for: 2γ^(k−1) / (γ + 1), the point of (γ^(k−2), γ^(k−1)] whose
 * relative distance to both ends is α; any latency in the bucket is within α of it.
 */
export function bucketValue(bucket: number): number {
  if (bucket === ZERO_BUCKET) return 0;
  if (!Number.isInteger(bucket) || bucket < 1) {
    throw new RangeError(`${bucket} is not a latency bucket`);
  }
  return (2 * GAMMA ** (bucket - 1)) / (GAMMA + 1);
}

/** Counts per bucket; buckets absent count 0. Merging is adding counts, so it is exact. */
export type Histogram = Map<number, number>;

/** Adds `count` to a bucket of `into` (in place) and returns it. */
export function addToHistogram(into: Histogram, bucket: number, count = 1): Histogram {
  into.set(bucket, (into.get(bucket) ?? 0) + count);
  return into;
}

/** The sum of histograms: what a day is of its hours. */
export function mergeHistograms(histograms: Iterable<Histogram>): Histogram {
  const merged: Histogram = new Map();
  for (const histogram of histograms) {
    for (const [bucket, count] of histogram) addToHistogram(merged, bucket, count);
  }
  return merged;
}

/**
 * The nearest rank of quantile q (0 < q ≤ 1) among n values: the ⌈q·n⌉-th smallest, 1-based.
 * The one rank rule both the histogram and the exact reference (in tests) use; a small epsilon
 * keeps 0.95 × 100 from becoming 95.00000000000001 and so rank 96.
 */
export function nearestRank(q: number, n: number): number {
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile must be in (0, 1], not ${q}`);
  return Math.min(n, Math.max(1, Math.ceil(q * n - 1e-9)));
}

/**
 * The latency at quantile q of the successes a histogram counts (the failure bucket is left out),
 * by nearest rank; null when it counts no success. Buckets are monotone in latency, so the value
 * of that rank lies in the bucket where the running count reaches the rank, and the bucket's value
 * is within RELATIVE_ERROR of it.
 */
export function histogramQuantile(histogram: Histogram, q: number): number | null {
  const buckets = [...histogram]
    .filter(([bucket, count]) => bucket !== FAILURE_BUCKET && count > 0)
    .sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = nearestRank(q, total);
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen >= rank) return bucketValue(bucket);
  }
  // Unreachable: the running count ends at total ≥ rank.
  return null;
}

/** The exact nearest-rank quantile of raw values, sorted ascending: the reference for tests. */
export function exactQuantile(sortedValues: readonly number[], q: number): number | null {
  if (sortedValues.length === 0) return null;
  return sortedValues[nearestRank(q, sortedValues.length) - 1] ?? null;
}

/** Attempts, successes and p50/p95/p99 of the successes' latency, from one histogram. */
export function summarizeHistogram(histogram: Histogram) {
  let attempts = 0;
  let failures = 0;
  for (const [bucket, count] of histogram) {
    attempts += count;
    if (bucket === FAILURE_BUCKET) failures += count;
  }
  const successes = attempts - failures;
  return {
    attempts,
    successes,
    /** successes / attempts, 0 to 1; null without attempts. */
    successRate: attempts === 0 ? null : successes / attempts,
    p50: histogramQuantile(histogram, 0.5),
    p95: histogramQuantile(histogram, 0.95),
    p99: histogramQuantile(histogram, 0.99),
  };
}

export type HistogramSummary = ReturnType<typeof summarizeHistogram>;
