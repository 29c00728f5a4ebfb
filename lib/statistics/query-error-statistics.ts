import { findChannelOrThrow } from "../channels/find-channel";
import { type Db, dbProvider, Prisma } from "../db/client";
import { FAILURE_REASONS, type FailureReason } from "../dispatch/failure-reasons";
import { toLineRow } from "./line-rows";
import type { ErrorStatisticsQuery, ResolvedRange } from "./statistics-query";
import { BUCKET_MS, type Bucket, bucketStarts, chooseBucket, fillSeries } from "./time-buckets";

const UTC9_OFFSET_S = 9 * 60 * 60;

/** Epoch seconds of a timestamp column: the one piece of SQL the two databases spell apart. */
function epochSeconds(db: Db, column: Prisma.Sql): Prisma.Sql {
  return dbProvider(db) === "postgres"
    ? Prisma.sql`CAST(EXTRACT(EPOCH FROM ${column}) AS BIGINT)`
    : Prisma.sql`CAST(strftime('%s', ${column}) AS INTEGER)`;
}

function inRange(channelId: string, range: ResolvedRange, reason?: FailureReason) {
  return Prisma.sql`"channelId" = ${channelId} AND "windowStart" >= ${range.from}
    AND "windowStart" < ${range.to} ${reason ? Prisma.sql`AND "reason" = ${reason}` : Prisma.empty}`;
}

/**
 * Error statistics of a channel for a range, read from the rollups only: totals per reason,
 * counts per (reason, detail), a zero-filled series per reason in UTC+9-aligned buckets, and
 * LINE's table rows, newest first, one page of them.
 */
export async function queryErrorStatistics(
  db: Db,
  channelId: string,
  query: ErrorStatisticsQuery,
  range: ResolvedRange,
) {
  const channel = await findChannelOrThrow(db, channelId);
  const bucket: Bucket = query.bucket ?? chooseBucket(range.from, range.to);
  const bucketSeconds = BUCKET_MS[bucket] / 1000;
  const where = inRange(channel.id, range);
  const filtered = inRange(channel.id, range, query.reason);
  // Bucket start in UTC epoch seconds, floored in UTC+9 (a day starts at 15:00 UTC). The numbers
  // are our own constants, written into the SQL so both databases do integer arithmetic on them.
  const offset = Prisma.raw(String(UTC9_OFFSET_S));
  const size = Prisma.raw(String(bucketSeconds));
  const bucketExpr = Prisma.sql`((${epochSeconds(db, Prisma.sql`"windowStart"`)} + ${offset}) / ${size}) * ${size} - ${offset}`;

  const [byReason, details, series, rows, rowCount] = await Promise.all([
    db.$queryRaw<{ reason: string; errors: number | bigint }[]>`
      SELECT "reason", CAST(SUM("errorCount") AS INTEGER) AS "errors"
      FROM "ErrorRollup" WHERE ${where} GROUP BY "reason"`,
    db.$queryRaw<{ reason: string; detail: string; errors: number | bigint }[]>`
      SELECT "reason", "detail", CAST(SUM("errorCount") AS INTEGER) AS "errors"
      FROM "ErrorRollup" WHERE ${filtered} GROUP BY "reason", "detail"`,
    db.$queryRaw<{ bucket: number | bigint; reason: string; errors: number | bigint }[]>`
      SELECT ${bucketExpr} AS "bucket", "reason", CAST(SUM("errorCount") AS INTEGER) AS "errors"
      FROM "ErrorRollup" WHERE ${where} GROUP BY 1, "reason"`,
    db.errorRollup.findMany({
      where: {
        channelId: channel.id,
        windowStart: { gte: range.from, lt: range.to },
        ...(query.reason ? { reason: query.reason } : {}),
      },
      orderBy: [{ windowStart: "desc" }, { reason: "asc" }, { detail: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.errorRollup.count({
      where: {
        channelId: channel.id,
        windowStart: { gte: range.from, lt: range.to },
        ...(query.reason ? { reason: query.reason } : {}),
      },
    }),
  ]);

  const totals = Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<
    FailureReason,
    number
  >;
  for (const row of byReason) totals[row.reason as FailureReason] = Number(row.errors);

  return {
    channelId: channel.id,
    aggregation: {
      useWebhook: channel.useWebhook,
      errorStatisticsAggregation: channel.errorStatisticsAggregation,
    },
    range: { from: range.from.toISOString(), to: range.to.toISOString(), bucket },
    reasons: FAILURE_REASONS,
    totals: { all: Object.values(totals).reduce((sum, n) => sum + n, 0), byReason: totals },
    details: details
      .map((row) => ({ reason: row.reason, detail: row.detail, errors: Number(row.errors) }))
      .sort(
        (a, b) =>
          b.errors - a.errors ||
          a.reason.localeCompare(b.reason) ||
          a.detail.localeCompare(b.detail),
      ),
    series: fillSeries(
      bucketStarts(range.from, range.to, bucket),
      series.map((row) => ({
        bucketStart: new Date(Number(row.bucket) * 1000),
        key: row.reason as FailureReason,
        count: Number(row.errors),
      })),
      FAILURE_REASONS,
    ),
    rows: {
      items: rows.map(toLineRow),
      page: query.page,
      pageSize: query.pageSize,
      total: rowCount,
    },
  };
}

export type ErrorStatistics = Awaited<ReturnType<typeof queryErrorStatistics>>;
