// Error statistics are kept as rollups: one row per channel, 60-second window and (reason,
// detail). LINE's table counts "errors with the same detail within 60 seconds" together; the
// rows are written with the attempts they count (lib/dispatch/queue/attempt-recorder.ts).
import "server-only";
import { SqlParams, type SqlSession, sqlColumns, sqlTime } from "../db/sql";
import { bucketStart } from "../shared/time-buckets";

/** A failed attempt, as far as statistics care. */
export interface CountedFailure {
  channelId: string;
  attemptedAt: Date;
  reason: string;
  detail: string;
}

export interface RollupDelta {
  channelId: string;
  windowStart: Date;
  reason: string;
  detail: string;
  errorCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** The 60-second window an instant falls in. Minute-aligned in UTC, hence also in UTC+9. */
export function rollupWindowStart(instant: Date): Date {
  return bucketStart(instant, "minute");
}

export function rollupKey(
  delta: Pick<RollupDelta, "channelId" | "windowStart" | "reason" | "detail">,
): string {
  return JSON.stringify([delta.channelId, delta.windowStart.getTime(), delta.reason, delta.detail]);
}

/** Folds failures into one delta per rollup row they touch. */
export function rollupDeltas(failures: CountedFailure[]): RollupDelta[] {
  const deltas = new Map<string, RollupDelta>();
  for (const failure of failures) {
    const windowStart = rollupWindowStart(failure.attemptedAt);
    const key = rollupKey({ ...failure, windowStart });
    const delta = deltas.get(key);
    if (!delta) {
      deltas.set(key, {
        channelId: failure.channelId,
        windowStart,
        reason: failure.reason,
        detail: failure.detail,
        errorCount: 1,
        firstSeenAt: failure.attemptedAt,
        lastSeenAt: failure.attemptedAt,
      });
      continue;
    }
    delta.errorCount++;
    if (failure.attemptedAt < delta.firstSeenAt) delta.firstSeenAt = failure.attemptedAt;
    if (failure.attemptedAt > delta.lastSeenAt) delta.lastSeenAt = failure.attemptedAt;
  }
  return [...deltas.values()];
}

/** The hour a window belongs to (UTC hours are UTC+9 hours too). */
export function rollupHourStart(instant: Date): Date {
  return bucketStart(instant, "hour");
}

const HOUR_COLUMNS = sqlColumns({
  channelId: "text",
  hourStart: "timestamp(3)",
  reason: "text",
  detail: "text",
  errorCount: "int",
  windowCount: "int",
});

/**
 * Adds deltas to their rollup rows, per minute and per hour, creating the rows that do not
 * exist yet: two statements however many deltas. Call it inside the transaction that writes the
 * attempts.
 */
export async function upsertRollups(db: SqlSession, deltas: RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  // Rows in one order in every writer: two transactions upserting the same rows in different
  // orders would deadlock on PostgreSQL (several workers may count into one channel's rows).
  const sorted = [...deltas].sort(byKey);
  const created = await upsertMinuteRollups(db, sorted);
  const hours = new Map<
    string,
    {
      channelId: string;
      hourStart: Date;
      reason: string;
      detail: string;
      errorCount: number;
      windowCount: number;
    }
  >();
  for (const delta of sorted) {
    const hourStart = rollupHourStart(delta.windowStart);
    const key = rollupKey({ ...delta, windowStart: hourStart });
    const hour = hours.get(key) ?? { ...delta, hourStart, errorCount: 0, windowCount: 0 };
    hour.errorCount += delta.errorCount;
    if (created.has(rollupKey(delta))) hour.windowCount++;
    hours.set(key, hour);
  }
  const p = new SqlParams(db.dialect);
  const source = p.rows(
    HOUR_COLUMNS,
    [...hours.values()].map((h) => [
      h.channelId,
      sqlTime(db.dialect, h.hourStart),
      h.reason,
      h.detail,
      h.errorCount,
      h.windowCount,
    ]),
  );
  // WHERE true: SQLite reads ON CONFLICT after a bare FROM as a join's ON.
  await db.query(
    `INSERT INTO "ErrorRollupHour" ("channelId", "hourStart", "reason", "detail", "errorCount",
      "windowCount")
    SELECT * FROM ${source} WHERE true
    ON CONFLICT ("channelId", "hourStart", "reason", "detail") DO UPDATE SET
      "errorCount" = "ErrorRollupHour"."errorCount" + excluded."errorCount",
      "windowCount" = "ErrorRollupHour"."windowCount" + excluded."windowCount"`,
    p.list,
  );
}

function byKey(a: RollupDelta, b: RollupDelta): number {
  return (
    a.channelId.localeCompare(b.channelId) ||
    a.windowStart.getTime() - b.windowStart.getTime() ||
    a.reason.localeCompare(b.reason) ||
    a.detail.localeCompare(b.detail)
  );
}

const MINUTE_COLUMNS = sqlColumns({
  channelId: "text",
  windowStart: "timestamp(3)",
  reason: "text",
  detail: "text",
  errorCount: "int",
  firstSeenAt: "timestamp(3)",
  lastSeenAt: "timestamp(3)",
});

/**
 * Adds the deltas to their per-minute rows; returns the keys of the rows this created. A row
 * whose count after the upsert is the delta's own did not exist before: read from the row the
 * upsert itself locked and wrote, so it stays exact with concurrent writers, unlike a read first.
 */
async function upsertMinuteRollups(db: SqlSession, deltas: RollupDelta[]): Promise<Set<string>> {
  const { dialect } = db;
  const p = new SqlParams(dialect);
  const source = p.rows(
    MINUTE_COLUMNS,
    deltas.map((d) => [
      d.channelId,
      sqlTime(dialect, d.windowStart),
      d.reason,
      d.detail,
      d.errorCount,
      sqlTime(dialect, d.firstSeenAt),
      sqlTime(dialect, d.lastSeenAt),
    ]),
  );
  // CASE instead of MIN/MAX or LEAST/GREATEST: the one spelling SQLite and PostgreSQL share.
  const rows = await db.query<{
    channelId: string;
    windowStart: Date | string;
    reason: string;
    detail: string;
    errorCount: number | bigint;
  }>(
    `INSERT INTO "ErrorRollup" ("channelId", "windowStart", "reason", "detail", "errorCount",
      "firstSeenAt", "lastSeenAt")
    SELECT * FROM ${source} WHERE true
    ON CONFLICT ("channelId", "windowStart", "reason", "detail") DO UPDATE SET
      "errorCount" = "ErrorRollup"."errorCount" + excluded."errorCount",
      "firstSeenAt" = CASE WHEN excluded."firstSeenAt" < "ErrorRollup"."firstSeenAt"
        THEN excluded."firstSeenAt" ELSE "ErrorRollup"."firstSeenAt" END,
      "lastSeenAt" = CASE WHEN excluded."lastSeenAt" > "ErrorRollup"."lastSeenAt"
        THEN excluded."lastSeenAt" ELSE "ErrorRollup"."lastSeenAt" END
    RETURNING "channelId", "windowStart", "reason", "detail", "errorCount"`,
    p.list,
  );
  const added = new Map(deltas.map((delta) => [rollupKey(delta), delta.errorCount]));
  const created = new Set<string>();
  for (const row of rows) {
    const key = rollupKey({ ...row, windowStart: new Date(row.windowStart) });
    if (Number(row.errorCount) === added.get(key)) created.add(key);
  }
  return created;
}
