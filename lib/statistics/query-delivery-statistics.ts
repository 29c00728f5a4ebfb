import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import { type Db, Prisma } from "../db/client";
import type { RetentionCutoffs } from "../shared/retention-windows";
import type { StatisticsRange } from "../shared/statistics-range";
import { type Bucket, bucketStart, bucketStarts, fillSeries } from "../shared/time-buckets";
import {
  addToHistogram,
  FAILURE_BUCKET,
  type Histogram,
  RELATIVE_ERROR,
  summarizeHistogram,
} from "./latency-histogram";
import { firstDataHours, planStatistics, tierSpans } from "./plan-statistics-read";

export interface DeliveryStatisticsOptions {
  /** Absent: chosen for the range (chooseBucket). */
  bucket?: Bucket;
}

/**
 * The SELECTs that read a range's histogram rows, from the tiers tierSpans picks: whole UTC+9
 * days from the daily tier (day buckets only), whole hours from the hourly tier, and the minutes
 * at either end (or everything, for minute buckets) from the per-minute tier, as the error
 * statistics do, so both answer the same range the same way. One SELECT per span: an OR of ranges
 * would keep SQLite from using the primary key's index.
 */
function histogramRowsSql(
  channelId: string,
  range: StatisticsRange,
  bucket: Bucket,
  kept: RetentionCutoffs | null,
): Prisma.Sql | null {
  const spans = tierSpans(range, { perMinute: bucket === "minute", days: bucket === "day", kept });
  const parts: Prisma.Sql[] = [];
  if (spans.days) {
    const [start, end] = spans.days;
    parts.push(Prisma.sql`SELECT "dayStart" AS "at", "bucket", "count" FROM "DeliveryRollupDay"
      WHERE "channelId" = ${channelId} AND "dayStart" >= ${start} AND "dayStart" < ${end}`);
  }
  for (const [start, end] of spans.hours) {
    parts.push(Prisma.sql`SELECT "hourStart" AS "at", "bucket", "count" FROM "DeliveryRollupHour"
      WHERE "channelId" = ${channelId} AND "hourStart" >= ${start} AND "hourStart" < ${end}`);
  }
  for (const [start, end] of spans.minutes) {
    parts.push(Prisma.sql`SELECT "windowStart" AS "at", "bucket", "count" FROM "DeliveryRollup"
      WHERE "channelId" = ${channelId} AND "windowStart" >= ${start} AND "windowStart" < ${end}`);
  }
  return parts.length ? Prisma.join(parts, " UNION ALL ") : null;
}

/**
 * The hour of the first attempt counted in a range (the hourly tier), or null: for an automatic
 * bucket, which fits the chart to the data.
 */
async function firstAttemptHour(
  db: Db,
  channelId: string,
  range: StatisticsRange,
  kept: RetentionCutoffs | null,
) {
  const first = await db.deliveryRollupHour.aggregate({
    _min: { hourStart: true },
    where: firstDataHours(channelId, range, kept),
  });
  return first._min.hourStart;
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
  const [channel, firstData] = await Promise.all([
    findChannelOrThrow(db, channelId),
    query.bucket ? null : firstAttemptHour(db, channelId, asked, kept),
  ]);
  const { range, series, bucket } = planStatistics(asked, query.bucket, kept, firstData);
  // Nothing was counted before the series starts: its rows are the whole range's.
  const starts = bucketStarts(series.from, series.to, bucket);
  const sql = histogramRowsSql(channel.id, series, bucket, kept);
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
    range: {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bucket,
      /** Where the series starts: `from`, or later with an automatic bucket (no data before). */
      seriesFrom: series.from.toISOString(),
    },
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
