import { UTC9_OFFSET_MS } from "./utc9";

// Chart buckets for the error statistics, aligned the way the console shows time: in UTC+9.
// A minute or hour bucket is also a UTC minute or hour (the offset is whole hours), but a day
// bucket is a calendar day in UTC+9 and starts at 15:00 UTC the UTC day before.
// This is the one module that knows that, and fillSeries is the one place empty buckets get zeros.

export type Bucket = "minute" | "hour" | "day";

export const BUCKETS = ["minute", "hour", "day"] as const satisfies readonly Bucket[];

export const BUCKET_MS: Readonly<Record<Bucket, number>> = {
  minute: 60 * 1000,
  hour: 60 * 60 * 1000,
  day: 24 * 60 * 60 * 1000,
};

/** The longest range the statistics API accepts. */
export const MAX_RANGE_DAYS = 90;

/** No range may expand to more buckets than this (e.g. minute buckets over weeks). */
export const MAX_BUCKETS = 10_000;

/**
 * Spans up to which chooseBucket picks the finer bucket. The upper ends of the point counts:
 * minute up to 6 h = 360 points, hour up to 7 days = 168 points, day up to MAX_RANGE_DAYS = 90
 * points (each +1 when `from` is not on a bucket boundary).
 */
export const AUTO_MINUTE_MAX_MS = 6 * BUCKET_MS.hour;
export const AUTO_HOUR_MAX_MS = 7 * BUCKET_MS.day;

function timeOf(instant: Date, name: string): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid date`);
  return ms;
}

function checkRange(from: Date, to: Date): { fromMs: number; toMs: number } {
  const fromMs = timeOf(from, "from");
  const toMs = timeOf(to, "to");
  if (toMs < fromMs) throw new RangeError("to is before from");
  return { fromMs, toMs };
}

function floorMs(ms: number, bucket: Bucket): number {
  const size = BUCKET_MS[bucket];
  // Floor the UTC+9 wall clock, then shift back. Math.floor (not %) so instants before 1970
  // floor downwards too.
  return Math.floor((ms + UTC9_OFFSET_MS) / size) * size - UTC9_OFFSET_MS;
}

/** The start of the UTC+9-aligned bucket containing `instant`. */
export function bucketStart(instant: Date, bucket: Bucket): Date {
  return new Date(floorMs(timeOf(instant, "instant"), bucket));
}

/** Picks a bucket so that a chart of [from, to) has a readable number of points. */
export function chooseBucket(from: Date, to: Date): Bucket {
  const { fromMs, toMs } = checkRange(from, to);
  const span = toMs - fromMs;
  if (span <= AUTO_MINUTE_MAX_MS) return "minute";
  if (span <= AUTO_HOUR_MAX_MS) return "hour";
  return "day";
}

/** How many buckets overlap [from, to); 0 for an empty range. Lets a caller validate first. */
export function bucketCount(from: Date, to: Date, bucket: Bucket): number {
  const { fromMs, toMs } = checkRange(from, to);
  if (toMs === fromMs) return 0;
  return Math.ceil((toMs - floorMs(fromMs, bucket)) / BUCKET_MS[bucket]);
}

/**
 * Every bucket start overlapping [from, to), ascending; the first is bucketStart(from) and a `to`
 * exactly on a boundary opens no bucket. Throws a RangeError beyond MAX_BUCKETS.
 */
export function bucketStarts(from: Date, to: Date, bucket: Bucket): Date[] {
  const count = bucketCount(from, to, bucket);
  if (count > MAX_BUCKETS) {
    throw new RangeError(`${count} ${bucket} buckets exceed the limit of ${MAX_BUCKETS}`);
  }
  const first = floorMs(from.getTime(), bucket);
  const size = BUCKET_MS[bucket];
  return Array.from({ length: count }, (_, i) => new Date(first + i * size));
}

/** A count for one key in one bucket, e.g. one rollup row with bucketStart(windowStart). */
export interface CountPoint<K extends string> {
  bucketStart: Date;
  key: K;
  count: number;
}

export interface SeriesPoint<K extends string> {
  /** ISO 8601 instant (UTC) of the bucket start. */
  bucketStart: string;
  counts: Record<K, number>;
}

/**
 * One entry per start with a count for every key: zero where nothing was counted, the sum where
 * several points share a bucket and key (several minutes or details in one hour).
 *
 * A point whose bucketStart is not one of `starts`, or whose key is not in `keys`, is rejected
 * with an Error rather than dropped: it means the caller queried a wider range than it charts or
 * forgot to floor a time, and silently dropping it would make the chart disagree with the table.
 */
export function fillSeries<K extends string>(
  starts: readonly Date[],
  points: readonly CountPoint<K>[],
  keys: readonly K[],
): SeriesPoint<K>[] {
  const series = starts.map((start) => ({
    bucketStart: start.toISOString(),
    counts: Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>,
  }));
  const indexByTime = new Map(starts.map((start, i) => [start.getTime(), i]));
  const knownKeys = new Set<string>(keys);

  for (const point of points) {
    const index = indexByTime.get(point.bucketStart.getTime());
    const entry = index === undefined ? undefined : series[index];
    if (entry === undefined) {
      throw new Error(`Point at ${point.bucketStart.toISOString()} is not on a bucket start`);
    }
    if (!knownKeys.has(point.key)) {
      throw new Error(`Point key ${JSON.stringify(point.key)} is not one of the series keys`);
    }
    entry.counts[point.key] += point.count;
  }
  return series;
}
