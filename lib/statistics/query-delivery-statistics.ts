import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import { type Db, Prisma } from "../db/client";
import {
  type RetentionCutoffs,
  rangeForKeptStatistics,
  reachesHourlyOnly,
} from "../shared/retention-windows";
import type { StatisticsRange } from "../shared/statistics-range";
import {
  BUCKET_MS,
  type Bucket,
  bucketStart,
  bucketStarts,
  chooseBucket,
  fillSeries,
} from "../shared/time-buckets";
import { rollupHourStart } from "./error-rollups";
import {
  addToHistogram,
  FAILURE_BUCKET,
  type Histogram,
  RELATIVE_ERROR,
  summarizeHistogram,
} from "./latency-histogram";

export interface DeliveryStatisticsOptions {
  /** Absent: chosen for the range (chooseBucket). */
  bucket?: Bucket;
}

const later = (a: Date, b: Date | undefined) => (b && b > a ? b : a);

/** The first start of a `bucket` at or after `instant`. */
function ceilTo(instant: Date, bucket: Bucket): Date {
  const start = bucketStart(instant, bucket);
  return start < instant ? new Date(start.getTime() + BUCKET_MS[bucket]) : start;
}

/**
 * The SELECTs that read a range's histogram rows: whole UTC+9 days from the daily tier (day
 * buckets only), whole hours around them from the hourly tier, and the minutes at either end (or
 * everything, for minute buckets or a range without a whole hour) from the per-minute tier; each
 * tier from its retention cutoff on only (`kept`; days are kept as long as hours), as the error
 * statistics do (query-error-statistics.ts), so both answer the same range the same way. A
 * 30-day view reads about 30 rows per latency bucket in use, not 720.
 */
function histogramRowsSql(
  channelId: string,
  range: StatisticsRange,
  bucket: Bucket,
  kept: RetentionCutoffs | null,
): Prisma.Sql | null {
  const fullFrom = ceilTo(range.from, "hour");
  const fullTo = rollupHourStart(range.to);
  const useHours = bucket !== "minute" && fullFrom < fullTo;
  const spans: [Date, Date][] = useHours
    ? [
        [range.from, fullFrom],
        [fullTo, range.to],
      ]
    : [[range.from, range.to]];
  const parts: Prisma.Sql[] = [];
  const hoursFrom = later(fullFrom, kept?.hourRollups);
  if (useHours && hoursFrom < fullTo) {
    let hourSpans: [Date, Date][] = [[hoursFrom, fullTo]];
    const daysFrom = ceilTo(hoursFrom, "day");
    const daysTo = bucketStart(fullTo, "day");
    if (bucket === "day" && daysFrom < daysTo) {
      parts.push(Prisma.sql`SELECT "dayStart" AS "at", "bucket", "count" FROM "DeliveryRollupDay"
        WHERE "channelId" = ${channelId} AND "dayStart" >= ${daysFrom} AND "dayStart" < ${daysTo}`);
      hourSpans = [
        [hoursFrom, daysFrom],
        [daysTo, fullTo],
      ];
    }
    for (const [start, end] of hourSpans) {
      if (start >= end) continue;
      parts.push(Prisma.sql`SELECT "hourStart" AS "at", "bucket", "count" FROM "DeliveryRollupHour"
        WHERE "channelId" = ${channelId} AND "hourStart" >= ${start} AND "hourStart" < ${end}`);
    }
  }
  // One SELECT per span: an OR of ranges would keep SQLite from using the primary key's index.
  for (const [start, end] of spans) {
    const from = later(start, kept?.minuteRollups);
    if (from >= end) continue;
    parts.push(Prisma.sql`SELECT "windowStart" AS "at", "bucket", "count" FROM "DeliveryRollup"
      WHERE "channelId" = ${channelId} AND "windowStart" >= ${from} AND "windowStart" < ${end}`);
  }
  return parts.length ? Prisma.join(parts, " UNION ALL ") : null;
}

/**
 * Success rate and latency of a channel's attempts over a range, from the histogram rollups only
 * (delivery-rollups.ts): per UTC+9-aligned bucket (zero-filled) and over the whole range,
 * attempts, successes, the success rate and p50/p95/p99 of the successes' latency in ms, each
 * within `relativeError` of the exact nearest-rank percentile. Day buckets read the daily tier
 * (sums of their 24 hours, written with them). Retention (`kept`) is applied as for the error statistics.
 */
export async function queryDeliveryStatistics(
  db: Db,
  channelId: string,
  query: DeliveryStatisticsOptions,
  asked: StatisticsRange,
  kept: RetentionCutoffs | null = null,
) {
  const channel = await findChannelOrThrow(db, channelId);
  const range = rangeForKeptStatistics(asked, kept);
  const chosen: Bucket = query.bucket ?? chooseBucket(range.from, range.to);
  const bucket: Bucket = chosen === "minute" && reachesHourlyOnly(range, kept) ? "hour" : chosen;
  const starts = bucketStarts(range.from, range.to, bucket);
  const sql = histogramRowsSql(channel.id, range, bucket, kept);
  const rows = sql
    ? await db.$queryRaw<{ at: Date | string; bucket: number | bigint; count: number | bigint }[]>(
        sql,
      )
    : [];

  const perBucket = new Map<number, Histogram>();
  const total: Histogram = new Map();
  const points = [];
  for (const row of rows) {
    const start = bucketStart(new Date(row.at), bucket);
    const histogramBucket = Number(row.bucket);
    const count = Number(row.count);
    const histogram = perBucket.get(start.getTime()) ?? new Map();
    perBucket.set(start.getTime(), addToHistogram(histogram, histogramBucket, count));
    addToHistogram(total, histogramBucket, count);
    points.push({ bucketStart: start, key: "attempts" as const, count });
    if (histogramBucket !== FAILURE_BUCKET) {
      points.push({ bucketStart: start, key: "successes" as const, count });
    }
  }
  const counts = fillSeries(starts, points, ["attempts", "successes"] as const);

  return {
    channelId: channel.id,
    /** Only attempts made while Use webhook was on are counted. */
    useWebhook: channel.useWebhook,
    range: { from: range.from.toISOString(), to: range.to.toISOString(), bucket },
    /** Where each tier starts now (null: retention is off, everything is kept). */
    retention: kept
      ? {
          perMinuteFrom: kept.minuteRollups.toISOString(),
          hourlyFrom: kept.hourRollups.toISOString(),
        }
      : null,
    /** Every percentile is within this relative error of the exact one (α of the histogram). */
    relativeError: RELATIVE_ERROR,
    totals: summarizeHistogram(total),
    series: counts.map((point) => {
      const summary = summarizeHistogram(perBucket.get(Date.parse(point.bucketStart)) ?? new Map());
      return { bucketStart: point.bucketStart, ...summary };
    }),
  };
}

export type DeliveryStatistics = Awaited<ReturnType<typeof queryDeliveryStatistics>>;
