import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import { type Db, Prisma } from "../db/client";
import { FAILURE_REASONS, type FailureReason } from "../shared/failure-reasons";
import type { RetentionCutoffs } from "../shared/retention-windows";
import type { StatisticsRange } from "../shared/statistics-range";
import { type Bucket, bucketStart, bucketStarts, fillSeries } from "../shared/time-buckets";
import { toLineRow } from "./line-rows";
import { firstDataHours, planStatistics, type Span, tierSpans } from "./plan-statistics-read";

/**
 * The hour of the first error counted in a range (the hourly tier holds every error, as long as
 * any tier does), or null: for an automatic bucket, which fits the chart to the data.
 */
async function firstErrorHour(
  db: Db,
  channelId: string,
  range: StatisticsRange,
  kept: RetentionCutoffs | null,
) {
  const first = await db.errorRollupHour.aggregate({
    _min: { hourStart: true },
    where: firstDataHours(channelId, range, kept),
  });
  return first._min.hourStart;
}

/** What to show of a range; the range itself is checked by rangeProblem before. */
export interface ErrorStatisticsOptions {
  /** Absent: chosen for the range (chooseBucket). */
  bucket?: Bucket;
  /** Only this reason in the details and LINE's rows (totals and series keep all four). */
  reason?: FailureReason;
  page: number;
  pageSize: number;
}

const later = (a: Date, b: Date | undefined) => (b && b > a ? b : a);

/** The rollups' WHERE for a span: one condition per span, as one part of a UNION each. */
const minuteSpan = (channelId: string, [start, end]: Span) =>
  Prisma.sql`"channelId" = ${channelId} AND "windowStart" >= ${start} AND "windowStart" < ${end}`;
const hourSpan = (channelId: string, [start, end]: Span) =>
  Prisma.sql`"channelId" = ${channelId} AND "hourStart" >= ${start} AND "hourStart" < ${end}`;

/**
 * Where to read counts for a range (tierSpans: the hourly rollups for whole hours, the per-minute
 * ones for the rest), as WHERE conditions. One condition per span, each its own part of the
 * UNION: an OR of ranges would keep SQLite from using the index and scan every row of the
 * channel. `rowHours`: the hours whose minutes are kept, which hold LINE's table rows.
 */
function countSources(
  channelId: string,
  range: StatisticsRange,
  perMinute: boolean,
  kept: RetentionCutoffs | null,
) {
  const spans = tierSpans(range, { perMinute, days: false, kept });
  return {
    hours: spans.hours.map((span) => hourSpan(channelId, span)),
    rowHours: spans.hoursWithMinutes ? hourSpan(channelId, spans.hoursWithMinutes) : null,
    minutes: spans.minutes.map((span) => minuteSpan(channelId, span)),
  };
}

/** Counts per (time, reason) or per (reason, detail) from both tiers; the two columns come first. */
function countQuery(
  sources: ReturnType<typeof countSources>,
  hourColumns: Prisma.Sql,
  minuteColumns: Prisma.Sql,
): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  for (const span of sources.hours) {
    parts.push(Prisma.sql`SELECT ${hourColumns}, CAST(SUM("errorCount") AS INTEGER) AS "errors"
      FROM "ErrorRollupHour" WHERE ${span} GROUP BY 1, 2`);
  }
  for (const span of sources.minutes) {
    parts.push(Prisma.sql`SELECT ${minuteColumns}, CAST(SUM("errorCount") AS INTEGER) AS "errors"
      FROM "ErrorRollup" WHERE ${span} GROUP BY 1, 2`);
  }
  return parts.length ? Prisma.join(parts, " UNION ALL ") : null;
}

/** How many of LINE's rows the range holds: window counts of whole hours plus edge rows. */
async function countRows(db: Db, sources: ReturnType<typeof countSources>, reason?: FailureReason) {
  const byReason = reason ? Prisma.sql`AND "reason" = ${reason}` : Prisma.empty;
  const parts: Prisma.Sql[] = [];
  if (sources.rowHours) {
    parts.push(
      Prisma.sql`SELECT SUM("windowCount") AS "n" FROM "ErrorRollupHour" WHERE ${sources.rowHours} ${byReason}`,
    );
  }
  for (const span of sources.minutes) {
    parts.push(Prisma.sql`SELECT COUNT(*) AS "n" FROM "ErrorRollup" WHERE ${span} ${byReason}`);
  }
  if (parts.length === 0) return 0;
  const [row] = await db.$queryRaw<{ total: number | bigint | null }[]>`
    SELECT CAST(SUM("n") AS INTEGER) AS "total" FROM (${Prisma.join(parts, " UNION ALL ")}) AS "parts"`;
  return Number(row?.total ?? 0);
}

/**
 * Error statistics of a channel for a range, read from the rollups only: totals per reason,
 * counts per (reason, detail), a zero-filled series per reason in UTC+9-aligned buckets, and
 * LINE's table rows, newest first, one page of them. With retention (`kept`), the part of the
 * range before the per-minute cutoff has hourly counts only: its ends are widened to whole hours
 * and its buckets are hours or days (the answer's `range` says what was counted), and it has no
 * rows; nothing is counted before the hourly cutoff. `retention` tells the client where each
 * tier starts.
 */
export async function queryErrorStatistics(
  db: Db,
  channelId: string,
  query: ErrorStatisticsOptions,
  asked: StatisticsRange,
  kept: RetentionCutoffs | null = null,
) {
  const [channel, firstData] = await Promise.all([
    findChannelOrThrow(db, channelId),
    query.bucket ? null : firstErrorHour(db, channelId, asked, kept),
  ]);
  const { range, series, bucket } = planStatistics(asked, query.bucket, kept, firstData);
  const all = countSources(channel.id, range, false, kept);
  const forSeries = countSources(channel.id, series, bucket === "minute", kept);
  const detailsSql = countQuery(
    all,
    Prisma.sql`"reason", "detail"`,
    Prisma.sql`"reason", "detail"`,
  );
  const seriesSql = countQuery(
    forSeries,
    Prisma.sql`"hourStart" AS "at", "reason"`,
    Prisma.sql`"windowStart" AS "at", "reason"`,
  );
  const rowsWhere = {
    channelId: channel.id,
    windowStart: { gte: later(range.from, kept?.minuteRollups), lt: range.to },
    ...(query.reason ? { reason: query.reason } : {}),
  };

  const [detailCounts, seriesCounts, rows, rowCount] = await Promise.all([
    detailsSql
      ? db.$queryRaw<{ reason: string; detail: string; errors: number | bigint }[]>(detailsSql)
      : [],
    seriesSql
      ? db.$queryRaw<{ at: Date | string; reason: string; errors: number | bigint }[]>(seriesSql)
      : [],
    db.errorRollup.findMany({
      where: rowsWhere,
      orderBy: [{ windowStart: "desc" }, { reason: "asc" }, { detail: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    countRows(db, all, query.reason),
  ]);

  // The two tiers can both hold a (reason, detail): add them up.
  const perDetail = new Map<string, { reason: string; detail: string; errors: number }>();
  for (const row of detailCounts) {
    const key = JSON.stringify([row.reason, row.detail]);
    const entry = perDetail.get(key) ?? { reason: row.reason, detail: row.detail, errors: 0 };
    entry.errors += Number(row.errors);
    perDetail.set(key, entry);
  }
  const totals = Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<
    FailureReason,
    number
  >;
  for (const row of perDetail.values()) totals[row.reason as FailureReason] += row.errors;

  return {
    channelId: channel.id,
    aggregation: {
      useWebhook: channel.useWebhook,
      errorStatisticsAggregation: channel.errorStatisticsAggregation,
    },
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
    reasons: FAILURE_REASONS,
    totals: { all: Object.values(totals).reduce((sum, n) => sum + n, 0), byReason: totals },
    details: [...perDetail.values()]
      .filter((row) => !query.reason || row.reason === query.reason)
      .sort(
        (a, b) =>
          b.errors - a.errors ||
          a.reason.localeCompare(b.reason) ||
          a.detail.localeCompare(b.detail),
      ),
    series: fillSeries(
      bucketStarts(series.from, series.to, bucket),
      seriesCounts.map((row) => ({
        bucketStart: bucketStart(new Date(row.at), bucket),
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
