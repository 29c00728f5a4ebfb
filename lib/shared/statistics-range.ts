// The one rule for which time ranges error statistics can be asked for. The route handlers
// enforce it (lib/http/parse-statistics-request.ts) and the Statistics tab checks it before
// asking (components/statistics/error-filters.ts), so both refuse exactly the same ranges.
import { BUCKET_MS, type Bucket, bucketCount, MAX_BUCKETS, MAX_RANGE_DAYS } from "./time-buckets";

/** The range asked for when none is given: the last 24 hours. */
export const DEFAULT_RANGE_MS = BUCKET_MS.day;
export const MAX_RANGE_MS = MAX_RANGE_DAYS * BUCKET_MS.day;

/** [from, to): what the statistics cover. */
export interface StatisticsRange {
  from: Date;
  to: Date;
}

/** Which parameter makes a range unusable, and why (as an API detail: `to: must be ...`). */
export interface RangeProblem {
  property: "from" | "to" | "bucket";
  message: string;
}

/**
 * Fills in missing ends: no `to` means now (or `from`, when that is in the future), no `from`
 * means DEFAULT_RANGE_MS before `to`. The result still has to pass rangeProblem.
 */
export function completeRange(ends: { from?: Date; to?: Date }, now: Date): StatisticsRange {
  const to = ends.to ?? (ends.from && ends.from > now ? ends.from : now);
  const from = ends.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  return { from, to };
}

/** Whether `bucket` would cut the range into more points than a chart (and the API) takes. */
export function bucketProblem(range: StatisticsRange, bucket: Bucket): RangeProblem | null {
  if (range.from >= range.to || bucketCount(range.from, range.to, bucket) <= MAX_BUCKETS) {
    return null;
  }
  return {
    property: "bucket",
    message: `gives more than ${MAX_BUCKETS} buckets for this range; choose a larger one`,
  };
}

/**
 * What is wrong with a range, or null: it must not be empty (`from` before `to`), may span at
 * most MAX_RANGE_DAYS, and with a bucket must not give more than MAX_BUCKETS points.
 */
export function rangeProblem(range: StatisticsRange, bucket?: Bucket): RangeProblem | null {
  const { from, to } = range;
  if (Number.isNaN(from.getTime())) return { property: "from", message: "must be a valid time" };
  if (Number.isNaN(to.getTime())) return { property: "to", message: "must be a valid time" };
  if (from >= to) return { property: "from", message: "must be before to" };
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    return { property: "to", message: `must be at most ${MAX_RANGE_DAYS} days after from` };
  }
  return bucket ? bucketProblem(range, bucket) : null;
}
