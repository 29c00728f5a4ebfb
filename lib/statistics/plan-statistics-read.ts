import type { RetentionCutoffs } from "../shared/retention-windows";
import { rangeForKeptStatistics, reachesHourlyOnly } from "../shared/retention-windows";
import type { StatisticsRange } from "../shared/statistics-range";
import { BUCKET_MS, type Bucket, bucketStart, chooseBucket } from "../shared/time-buckets";

// Both statistics views (Errors; Success rate and latency) read rollups kept in tiers (per
// minute, per hour, and for latency per UTC+9 day) that retention deletes at different ages. This
// is the one place that decides which tier answers which part of a range, so the two views
// answer the same range the same way; each query only turns the spans into its own SELECTs.

/** A half-open span of instants, [start, end). */
export type Span = readonly [start: Date, end: Date];

/** The range a view answers for, and the bucket its series is drawn in. */
export interface StatisticsPlan {
  /** The range asked for, widened to whole hours where only hourly counts are kept. */
  range: StatisticsRange;
  /**
   * What the series (chart and per-bucket table) covers: the range, or with an automatic bucket
   * the part of it from the hour of its first data (autoSeriesFrom). Nothing is counted before it.
   */
  series: StatisticsRange;
  bucket: Bucket;
}

/** The shortest stretch an automatic chart shows: the range's last hour. */
export const AUTO_SERIES_MIN_MS = BUCKET_MS.hour;

/**
 * Where an automatic chart starts: at the hour of the range's first data, but showing at least its
 * last hour, so that errors of the last minutes fill a chart of minutes instead of sitting in one
 * bar at the right edge of a day. The whole range when it holds no data.
 */
export function autoSeriesFrom(range: StatisticsRange, firstData: Date | null): Date {
  if (!firstData) return range.from;
  const start = Math.min(
    bucketStart(firstData, "hour").getTime(),
    range.to.getTime() - AUTO_SERIES_MIN_MS,
  );
  return new Date(Math.max(range.from.getTime(), start));
}

/**
 * Where to look for a range's first data, for autoSeriesFrom: the hourly tier (it holds every
 * count, as long as any tier does) from the hour `from` is in, and from the hourly cutoff on,
 * whether or not the job has deleted what lies before yet.
 */
export function firstDataHours(
  channelId: string,
  range: StatisticsRange,
  kept: RetentionCutoffs | null,
) {
  const from = bucketStart(range.from, "hour");
  const cutoff = kept?.hourRollups;
  return { channelId, hourStart: { gte: cutoff && cutoff > from ? cutoff : from, lt: range.to } };
}

/**
 * What a view answers for `asked`: with retention (`kept`), a range reaching before the
 * per-minute cutoff is widened to whole hours and is not drawn per minute (only hourly counts are
 * left there); otherwise the bucket asked for, or with none (Auto) the one chosen for the length
 * of the series, which starts at the hour of `firstData` (the earliest hourly rollup in the
 * range, or null: none).
 */
export function planStatistics(
  asked: StatisticsRange,
  bucket: Bucket | undefined,
  kept: RetentionCutoffs | null,
  firstData: Date | null = null,
): StatisticsPlan {
  const range = rangeForKeptStatistics(asked, kept);
  const series =
    bucket === undefined ? { from: autoSeriesFrom(range, firstData), to: range.to } : range;
  const chosen = bucket ?? chooseBucket(series.from, series.to);
  return {
    range,
    series,
    bucket: chosen === "minute" && reachesHourlyOnly(series, kept) ? "hour" : chosen,
  };
}

/** Which tier to read each part of a range from; every span is non-empty. */
export interface TierSpans {
  /** Whole UTC+9 days, from the daily tier (asked for with `days`); null: none. */
  days: Span | null;
  /** Whole hours from the hourly tier. */
  hours: Span[];
  /**
   * The part of `hours` whose minutes are still kept (LINE's per-minute rows exist there); null
   * when none.
   */
  hoursWithMinutes: Span | null;
  /** The minutes at either end, or the whole range, from the per-minute tier. */
  minutes: Span[];
}

const later = (a: Date, b: Date | undefined) => (b && b > a ? b : a);

/** The first start of a `bucket` at or after `instant`. */
function ceilTo(instant: Date, bucket: Bucket): Date {
  const start = bucketStart(instant, bucket);
  return start < instant ? new Date(start.getTime() + BUCKET_MS[bucket]) : start;
}

const nonEmpty = (spans: Span[]) => spans.filter(([start, end]) => start < end);

/**
 * The spans to read `range` from: whole hours from the hourly tier (split around whole UTC+9
 * days from the daily tier when `days`), and the minutes at either end from the per-minute tier;
 * everything per minute when `perMinute` or when the range holds no whole hour. Each tier is read
 * from its retention cutoff on only (`kept`; days are kept as long as hours), whether or not the
 * job has deleted what lies before yet, so that an answer does not depend on when it last ran. A
 * 30-day view then reads about 720 hourly rows (30 daily ones) per key, not 43,200.
 */
export function tierSpans(
  range: StatisticsRange,
  { perMinute, days, kept }: { perMinute: boolean; days: boolean; kept: RetentionCutoffs | null },
): TierSpans {
  const fullFrom = ceilTo(range.from, "hour");
  const fullTo = bucketStart(range.to, "hour");
  if (perMinute || fullFrom >= fullTo) {
    const from = later(range.from, kept?.minuteRollups);
    return {
      days: null,
      hours: [],
      hoursWithMinutes: null,
      minutes: nonEmpty([[from, range.to]]),
    };
  }
  const minutes = nonEmpty([
    [later(range.from, kept?.minuteRollups), fullFrom],
    [later(fullTo, kept?.minuteRollups), range.to],
  ]);
  const hoursFrom = later(fullFrom, kept?.hourRollups);
  const withMinutesFrom = later(fullFrom, kept?.minuteRollups);
  const hoursWithMinutes: Span | null = withMinutesFrom < fullTo ? [withMinutesFrom, fullTo] : null;
  if (hoursFrom >= fullTo) return { days: null, hours: [], hoursWithMinutes, minutes };
  const daysFrom = ceilTo(hoursFrom, "day");
  const daysTo = bucketStart(fullTo, "day");
  if (days && daysFrom < daysTo) {
    return {
      days: [daysFrom, daysTo],
      hours: nonEmpty([
        [hoursFrom, daysFrom],
        [daysTo, fullTo],
      ]),
      hoursWithMinutes,
      minutes,
    };
  }
  return { days: null, hours: [[hoursFrom, fullTo]], hoursWithMinutes, minutes };
}
