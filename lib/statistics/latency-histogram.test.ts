import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToHistogram,
  bucketValue,
  exactQuantile,
  FAILURE_BUCKET,
  GAMMA,
  type Histogram,
  histogramQuantile,
  latencyBucket,
  mergeHistograms,
  nearestRank,
  RELATIVE_ERROR,
  summarizeHistogram,
} from "./latency-histogram";

/** The bound plus a hair for floating point (the bound itself is exact in real numbers). */
const BOUND = RELATIVE_ERROR + 1e-12;
const relativeError = (estimate: number, exact: number) =>
  exact === 0 ? Math.abs(estimate) : Math.abs(estimate - exact) / exact;

const histogramOf = (latencies: number[]): Histogram => {
  const histogram: Histogram = new Map();
  for (const latency of latencies) addToHistogram(histogram, latencyBucket(latency));
  return histogram;
};

describe("latency buckets", () => {
  it("give 0 ms its own bucket and 1 ms the first log bucket", () => {
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(1)).toBe(1);
    expect(bucketValue(0)).toBe(0);
    expect(latencyBucket(2)).toBeGreaterThan(1);
  });

  it("refuse what is not a latency", () => {
    expect(() => latencyBucket(-1)).toThrow(RangeError);
    expect(() => latencyBucket(Number.NaN)).toThrow(RangeError);
    expect(() => bucketValue(-1)).toThrow(RangeError);
    expect(() => bucketValue(1.5)).toThrow(RangeError);
  });

  it("have γ = (1 + α) / (1 − α) with α = 2 %", () => {
    expect(RELATIVE_ERROR).toBe(0.02);
    expect(GAMMA).toBeCloseTo(1.02 / 0.98, 12);
  });

  it("stand for every whole millisecond within α (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (latency) => {
        expect(relativeError(bucketValue(latencyBucket(latency)), latency)).toBeLessThanOrEqual(
          BOUND,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it("stand for every latency from 0 to 100 s within α (exhaustive)", () => {
    for (let latency = 0; latency <= 100_000; latency++) {
      const error = relativeError(bucketValue(latencyBucket(latency)), latency);
      if (error > BOUND) throw new Error(`${latency} ms: relative error ${error}`);
    }
  });

  it("are monotone in latency (property)", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(latencyBucket(low)).toBeLessThanOrEqual(latencyBucket(high));
      }),
    );
  });

  it("are few: 1 ms to 60 s fits in about 280 of them", () => {
    expect(latencyBucket(60_000)).toBeLessThan(290);
  });
});

describe("nearest rank", () => {
  it("is ⌈q·n⌉, 1-based, and not pushed up by floating point", () => {
    expect(nearestRank(0.5, 10)).toBe(5);
    expect(nearestRank(0.95, 100)).toBe(95);
    expect(nearestRank(0.99, 100_000)).toBe(99_000);
    expect(nearestRank(0.5, 1)).toBe(1);
    expect(nearestRank(1, 7)).toBe(7);
    expect(() => nearestRank(0, 7)).toThrow(RangeError);
  });
});

describe("histogram quantiles", () => {
  it("are within α of the exact nearest-rank quantile for any sample (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 400 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (latencies, q) => {
          const exact = exactQuantile(
            [...latencies].sort((a, b) => a - b),
            q,
          );
          const estimate = histogramQuantile(histogramOf(latencies), q);
          expect(exact).not.toBeNull();
          expect(estimate).not.toBeNull();
          expect(relativeError(estimate as number, exact as number)).toBeLessThanOrEqual(BOUND);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("leave failures out, and are null without successes", () => {
    const histogram = histogramOf([10, 10, 10]);
    addToHistogram(histogram, FAILURE_BUCKET, 100);
    expect(histogramQuantile(histogram, 0.99)).toBeCloseTo(bucketValue(latencyBucket(10)), 12);
    expect(histogramQuantile(new Map([[FAILURE_BUCKET, 3]]), 0.5)).toBeNull();
    expect(histogramQuantile(new Map(), 0.5)).toBeNull();
  });

  it("of merged histograms equal those of the pooled sample: merging is exact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(100_000), { maxLength: 50 }), { minLength: 1, maxLength: 8 }),
        (parts) => {
          const merged = mergeHistograms(parts.map(histogramOf));
          const pooled = histogramOf(parts.flat());
          expect([...merged].sort(([a], [b]) => a - b)).toEqual(
            [...pooled].sort(([a], [b]) => a - b),
          );
        },
      ),
    );
  });
});

describe("summaries", () => {
  it("count attempts, successes and the success rate", () => {
    const histogram = histogramOf([5, 50, 500]);
    addToHistogram(histogram, FAILURE_BUCKET, 1);
    expect(summarizeHistogram(histogram)).toMatchObject({
      attempts: 4,
      successes: 3,
      successRate: 0.75,
    });
    expect(summarizeHistogram(new Map())).toEqual({
      attempts: 0,
      successes: 0,
      successRate: null,
      p50: null,
      p95: null,
      p99: null,
    });
  });
});
