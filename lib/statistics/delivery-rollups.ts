// Success rate and latency statistics are kept as histogram rollups: per channel and 60-second
// window (DeliveryRollup), per hour (DeliveryRollupHour) and per UTC+9 day (DeliveryRollupDay),
// one row per latency bucket
// (latency-histogram.ts), failures in their own bucket. Rows hold counts only, so concurrent
// writers add to them exactly and any set of rows sums to the histogram of its attempts.
import "server-only";
import { SqlParams, type SqlSession, sqlColumns, sqlTime } from "../db/sql";
import { bucketStart } from "../shared/time-buckets";
import { rollupHourStart, rollupWindowStart } from "./error-rollups";
import { FAILURE_BUCKET, latencyBucket } from "./latency-histogram";

/** An attempt, as far as these statistics care. */
export interface DeliveredAttempt {
  channelId: string;
  attemptedAt: Date;
  success: boolean;
  latencyMs: number;
}

export interface HistogramDelta {
  channelId: string;
  /** A window start (per-minute rows), an hour start (hourly rows) or a UTC+9 day's start. */
  at: Date;
  bucket: number;
  count: number;
}

/** The histogram bucket an attempt is counted in. */
export function deliveryBucket(attempt: Pick<DeliveredAttempt, "success" | "latencyMs">): number {
  // Integer milliseconds are what the attempt row stores; round anything finer the same way.
  return attempt.success
    ? latencyBucket(Math.max(0, Math.round(attempt.latencyMs)))
    : FAILURE_BUCKET;
}

/**
 * Folds attempts into one delta per row they touch, for the tier whose time `startOf` gives,
 * sorted by (channel, time, bucket): every writer upserts in that one order, so two
 * transactions adding to the same rows wait for each other instead of deadlocking on PostgreSQL.
 */
export function histogramDeltas(
  attempts: readonly DeliveredAttempt[],
  startOf: (instant: Date) => Date = rollupWindowStart,
): HistogramDelta[] {
  const deltas = new Map<string, HistogramDelta>();
  for (const attempt of attempts) {
    const at = startOf(attempt.attemptedAt);
    const bucket = deliveryBucket(attempt);
    const key = JSON.stringify([attempt.channelId, at.getTime(), bucket]);
    const delta = deltas.get(key);
    if (delta) delta.count++;
    else deltas.set(key, { channelId: attempt.channelId, at, bucket, count: 1 });
  }
  return [...deltas.values()].sort(
    (a, b) =>
      (a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0) ||
      a.at.getTime() - b.at.getTime() ||
      a.bucket - b.bucket,
  );
}

/** The UTC+9 calendar day an instant falls in (its start: 15:00 UTC the day before). */
export const rollupDayStart = (instant: Date): Date => bucketStart(instant, "day");

/** The tiers, in the order every writer upserts them (the order of locks again). */
const TIERS = [
  { table: "DeliveryRollup", column: "windowStart", startOf: rollupWindowStart },
  { table: "DeliveryRollupHour", column: "hourStart", startOf: rollupHourStart },
  { table: "DeliveryRollupDay", column: "dayStart", startOf: rollupDayStart },
] as const;

/**
 * Counts attempts into the histogram rollups, per minute, per hour and per day: one statement per
 * tier however many attempts. The recorder calls it inside the transaction that inserts the
 * attempts, with those of channels that have Use webhook on (lib/dispatch/queue/): these are
 * delivery statistics, not error statistics, so Error statistics aggregation does not matter.
 * Tests seed with it directly.
 */
export async function upsertDeliveryRollups(
  tx: SqlSession,
  attempts: readonly DeliveredAttempt[],
): Promise<void> {
  if (attempts.length === 0) return;
  for (const { table, column, startOf } of TIERS) {
    // Chunks keep the sorted order and each statement well under SQLite's 32,766 parameters.
    for (const chunk of chunks(histogramDeltas(attempts, startOf))) {
      const p = new SqlParams(tx.dialect);
      const source = p.rows(
        sqlColumns({
          channelId: "text",
          [column]: "timestamp(3)",
          bucket: "int",
          count: "int",
        }),
        chunk.map((d) => [d.channelId, sqlTime(tx.dialect, d.at), d.bucket, d.count]),
      );
      // WHERE true: SQLite reads ON CONFLICT after a bare FROM as a join's ON.
      await tx.query(
        `INSERT INTO "${table}" ("channelId", "${column}", "bucket", "count")
        SELECT * FROM ${source} WHERE true
        ON CONFLICT ("channelId", "${column}", "bucket") DO UPDATE SET
          "count" = "${table}"."count" + excluded."count"`,
        p.list,
      );
    }
  }
}

/** Rows per INSERT: four parameters each. */
const ROWS_PER_STATEMENT = 2000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  }
  return out;
}
