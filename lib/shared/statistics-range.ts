// The one rule for which time ranges error statistics can be asked for. The route handlers
// enforce it (lib/http/statistics-range.ts) and the Statistics tab checks it before
// asking (components/statistics/statistics-filters.ts), so both refuse exactly the same ranges.
import { BUCKET_MS, type Bucket, bucketCount, MAX_BUCKETS, MAX_RANGE_DAYS } from "./time-buckets";

/** The range asked for when none is given: the last 24 hours. */
export const DEFAULT_RANGE_MS = BUCKET_MS.day;
export const MAX_RANGE_MS = MAX_RANGE_DAYS * BUCKET_MS.day;

/** [from, to): what the statistics cover. */
export interface StatisticsRange {
  from: Date;
  to: Date;
}

/**
 * The earliest and latest instants a range may touch: the four-digit years of ISO 8601, from
 * 0001 because PostgreSQL has no year 0 (a query with one fails there).
 */
export const MIN_INSTANT = "0001-01-01T00:00:00.000Z";
export const MAX_INSTANT = "9999-12-31T23:59:59.999Z";
const MIN_INSTANT_MS = Date.parse(MIN_INSTANT);
const MAX_INSTANT_MS = Date.parse(MAX_INSTANT);

/** An instant as the API takes it, e.g. 2026-11-27T00:00:00Z or 2026-11-27T09:00:00.5+09:00. */
export const INSTANT_EXAMPLE = "2026-11-27T00:00:00Z";
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads an ISO 8601 instant: date, time with seconds (fractions optional, milliseconds kept) and
 * an offset or `Z`; a four-digit year. Null for anything else, including dates that do not exist
 * (February 30, 24:00, a 60th second): Date.parse is laxer and takes `1`, `2026-02-30` or
 * `+275760-09-13T00:00:00Z`. Whether the instant is usable is rangeProblem's question.
 */
export function parseInstant(text: string): Date | null {
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millisecond = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  const sign = match[8] === "-" ? -1 : 1;
  const [offsetHours, offsetMinutes] = [Number(match[9] ?? 0), Number(match[10] ?? 0)];
  if (
    !(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) ||
    !(hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59)
  ) {
    return null;
  }
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, millisecond);
  return new Date(instant.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
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

/** What is wrong with one end of a range on its own, or null. */
export function instantProblem(property: "from" | "to", instant: Date): RangeProblem | null {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) return { property, message: "must be a valid time" };
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    return { property, message: `must be between ${MIN_INSTANT} and ${MAX_INSTANT}` };
  }
  return null;
}

/**
 * What is wrong with a range, or null: both ends must be valid times between MIN_INSTANT and
 * MAX_INSTANT, it must not be empty (`from` before `to`), may span at most MAX_RANGE_DAYS, and
 * with a bucket must not give more than MAX_BUCKETS points. Check the range completeRange made,
 * not only what was asked: a default end can fall outside the bounds too.
 */
export function rangeProblem(range: StatisticsRange, bucket?: Bucket): RangeProblem | null {
  const { from, to } = range;
  const problem = instantProblem("from", from) ?? instantProblem("to", to);
  if (problem) return problem;
  if (from >= to) return { property: "from", message: "must be before to" };
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    return { property: "to", message: `must be at most ${MAX_RANGE_DAYS} days after from` };
  }
  return bucket ? bucketProblem(range, bucket) : null;
}
