// The baseline of `npm run bench:stats`: the errors view's answer computed the plain way, by
// GROUP BY queries over the raw attempts, on SQLite or PostgreSQL (the same four queries, each in
// its dialect), and the check that the route handler's answer from the rollups is the same.
import Database from "better-sqlite3";
import pg from "pg";
import { FAILURE_REASONS } from "../lib/shared/failure-reasons";
import type { ErrorStatistics } from "../lib/statistics/query-error-statistics";

/** Failed attempts counted per reason, per (reason, detail) and per UTC+9 day and reason. */
export interface RawCounts {
  byReason: { reason: string; n: number }[];
  byDetail: { reason: string; detail: string; n: number }[];
  /** Days since the epoch in UTC+9. */
  byDay: { day: number; reason: string; n: number }[];
}

export interface Baseline {
  /** Runs all four queries (LINE's newest 50 rows too, though not compared) over [from, to). */
  run(channelId: string, fromMs: number, toMs: number): Promise<RawCounts>;
  close(): Promise<void>;
}

const UTC9_SECONDS = 9 * 60 * 60;

export function sqliteBaseline(file: string): Baseline {
  const sqlite = new Database(file);
  // Times are ISO text with "+00:00", as the console writes them: compared as text.
  const where = `channelId = ? AND success = 0 AND attemptedAt >= ? AND attemptedAt < ?`;
  const byReason = sqlite.prepare(
    `SELECT reason, COUNT(*) AS n FROM "DeliveryAttempt" WHERE ${where} GROUP BY reason`,
  );
  const byDetail = sqlite.prepare(`SELECT reason, detail, COUNT(*) AS n FROM "DeliveryAttempt"
    WHERE ${where} GROUP BY reason, detail`);
  const byDay = sqlite.prepare(`SELECT
    ((CAST(strftime('%s', attemptedAt) AS INTEGER) + ${UTC9_SECONDS}) / 86400) AS day, reason,
    COUNT(*) AS n FROM "DeliveryAttempt" WHERE ${where} GROUP BY day, reason`);
  const rows = sqlite.prepare(`SELECT substr(attemptedAt, 1, 16) AS minute, reason, detail,
    COUNT(*) AS n, MIN(attemptedAt) AS first, MAX(attemptedAt) AS last FROM "DeliveryAttempt"
    WHERE ${where} GROUP BY minute, reason, detail ORDER BY minute DESC LIMIT 50`);
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  return {
    async run(channelId, fromMs, toMs) {
      const args = [channelId, iso(fromMs), iso(toMs)];
      const counts = {
        byReason: byReason.all(...args) as RawCounts["byReason"],
        byDetail: byDetail.all(...args) as RawCounts["byDetail"],
        byDay: byDay.all(...args) as RawCounts["byDay"],
      };
      rows.all(...args);
      return counts;
    },
    async close() {
      sqlite.close();
    },
  };
}

export async function postgresBaseline(url: string): Promise<Baseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The columns are timestamps without a zone holding UTC; the bounds arrive as ISO instants.
  const where = `"channelId" = $1 AND "success" = false
    AND "attemptedAt" >= ($2::timestamptz AT TIME ZONE 'UTC')
    AND "attemptedAt" < ($3::timestamptz AT TIME ZONE 'UTC')`;
  const query = async <Row extends pg.QueryResultRow>(sql: string, args: unknown[]) =>
    (await client.query<Row>(sql, args)).rows;
  return {
    async run(channelId, fromMs, toMs) {
      const args = [channelId, new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
      const counts = {
        byReason: await query<RawCounts["byReason"][number]>(
          `SELECT "reason", COUNT(*)::int AS n FROM "DeliveryAttempt" WHERE ${where}
          GROUP BY "reason"`,
          args,
        ),
        byDetail: await query<RawCounts["byDetail"][number]>(
          `SELECT "reason", "detail", COUNT(*)::int AS n FROM "DeliveryAttempt" WHERE ${where}
          GROUP BY "reason", "detail"`,
          args,
        ),
        byDay: await query<RawCounts["byDay"][number]>(
          `SELECT floor((extract(epoch FROM "attemptedAt") + ${UTC9_SECONDS}) / 86400)::int AS day,
          "reason", COUNT(*)::int AS n FROM "DeliveryAttempt" WHERE ${where} GROUP BY 1, 2`,
          args,
        ),
      };
      await query(
        `SELECT date_trunc('minute', "attemptedAt") AS minute, "reason", "detail",
        COUNT(*)::int AS n, MIN("attemptedAt") AS first, MAX("attemptedAt") AS last
        FROM "DeliveryAttempt" WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1 DESC LIMIT 50`,
        args,
      );
      return counts;
    },
    close: () => client.end(),
  };
}

/**
 * Where the route handler's answer and the raw counts disagree (empty: they agree): totals per
 * reason, counts per (reason, detail) and the daily series, each as one line of text per fact.
 */
export function differences(answer: ErrorStatistics, raw: RawCounts): string[] {
  const fromAnswer = [
    ...Object.entries(answer.totals.byReason).map(([reason, n]) => `total ${reason} ${n}`),
    ...answer.details.map((row) => `detail ${row.reason} / ${row.detail} ${row.errors}`),
    ...answer.series.flatMap((point) =>
      Object.entries(point.counts)
        .filter(([, n]) => n > 0)
        .map(([reason, n]) => `day ${point.bucketStart} ${reason} ${n}`),
    ),
  ];
  const totals = new Map<string, number>(FAILURE_REASONS.map((reason) => [reason, 0]));
  for (const row of raw.byReason) totals.set(row.reason, Number(row.n));
  // A UTC+9 day starts at 15:00 UTC the day before: the series' bucket starts.
  const dayStart = (day: number) => new Date((day * 86_400 - UTC9_SECONDS) * 1000).toISOString();
  const fromRaw = [
    ...[...totals].map(([reason, n]) => `total ${reason} ${n}`),
    ...raw.byDetail.map((row) => `detail ${row.reason} / ${row.detail} ${row.n}`),
    ...raw.byDay.map((row) => `day ${dayStart(Number(row.day))} ${row.reason} ${row.n}`),
  ];
  const answerSet = new Set(fromAnswer);
  const rawSet = new Set(fromRaw);
  return [
    ...fromAnswer.filter((fact) => !rawSet.has(fact)).map((fact) => `route only: ${fact}`),
    ...fromRaw.filter((fact) => !answerSet.has(fact)).map((fact) => `raw only: ${fact}`),
  ];
}
