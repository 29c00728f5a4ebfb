import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import { type Db, Prisma } from "../db/client";
import { FAILURE_REASONS, type FailureReason } from "../shared/failure-reasons";
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
import { toLineRow } from "./line-rows";

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

/**
 * Where to read counts for a range: whole hours from the hourly rollups, and the minutes at
 * either end (or the whole range, when it holds no whole hour or minute buckets are wanted)
 * from the per-minute rollups. A 30-day view then reads about 720 rows per detail, not 43,200.
 * With retention, each tier is read from its cutoff on only (`kept`), whether or not the job has
 * deleted what lies before yet, so that an answer does not depend on when it last ran; hours
 * whose minutes are past their cutoff count errors but no rows of LINE's table (`rowHours`).
 */
function countSources(
  channelId: string,
  range: StatisticsRange,
  perMinute: boolean,
  kept: RetentionCutoffs | null,
) {
  const fromHour = rollupHourStart(range.from);
  const fullFrom = fromHour < range.from ? new Date(fromHour.getTime() + BUCKET_MS.hour) : fromHour;
  const fullTo = rollupHourStart(range.to);
  const useHours = !perMinute && fullFrom < fullTo;
  const spans: [Date, Date][] = useHours
    ? [
        [range.from, fullFrom],
        [fullTo, range.to],
      ]
    : [[range.from, range.to]];
  // One condition per span, each its own part of the UNION: an OR of ranges would keep SQLite
  // from using the index and scan every row of the channel.
  const minuteSpans = spans
    .map(([start, end]): [Date, Date] => [later(start, kept?.minuteRollups), end])
    .filter(([start, end]) => start < end)
    .map(
      ([start, end]) =>
        Prisma.sql`"channelId" = ${channelId} AND "windowStart" >= ${start} AND "windowStart" < ${end}`,
    );
  const hourSpan = (start: Date) =>
    useHours && start < fullTo
      ? Prisma.sql`"channelId" = ${channelId} AND "hourStart" >= ${start} AND "hourStart" < ${fullTo}`
      : null;
  return {
    hours: hourSpan(later(fullFrom, kept?.hourRollups)),
    rowHours: hourSpan(later(fullFrom, kept?.minuteRollups)),
    minutes: minuteSpans,
  };
}

/** Counts per (time, reason) or per (reason, detail) from both tiers; the two columns come first. */
function countQuery(
  sources: ReturnType<typeof countSources>,
  hourColumns: Prisma.Sql,
  minuteColumns: Prisma.Sql,
): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  if (sources.hours) {
    parts.push(Prisma.sql`SELECT ${hourColumns}, CAST(SUM("errorCount") AS INTEGER) AS "errors"
      FROM "ErrorRollupHour" WHERE ${sources.hours} GROUP BY 1, 2`);
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
  const channel = await findChannelOrThrow(db, channelId);
  const range = rangeForKeptStatistics(asked, kept);
  const chosen: Bucket = query.bucket ?? chooseBucket(range.from, range.to);
  const bucket: Bucket = chosen === "minute" && reachesHourlyOnly(range, kept) ? "hour" : chosen;
  const all = countSources(channel.id, range, false, kept);
  const forSeries = countSources(channel.id, range, bucket === "minute", kept);
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
    range: { from: range.from.toISOString(), to: range.to.toISOString(), bucket },
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
      bucketStarts(range.from, range.to, bucket),
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
