// The baselines of `npm run bench:stats`: the errors view's answer computed the plain way, by
// GROUP BY queries over the raw attempts, and the success rate and latency view's answer by
// GROUP BY and window functions (exact nearest-rank percentiles), on SQLite or PostgreSQL (the
// same queries, each in its dialect), and the checks that the route handlers' answers from the
// rollups are the same (the percentiles: within the histogram's relative error).
import Database from "better-sqlite3";
import pg from "pg";
import { FAILURE_REASONS } from "../lib/shared/failure-reasons";
import { RELATIVE_ERROR } from "../lib/statistics/latency-histogram";
import type { DeliveryStatistics } from "../lib/statistics/query-delivery-statistics";
import type { ErrorStatistics } from "../lib/statistics/query-error-statistics";

/** Failed attempts counted per reason, per (reason, detail) and per UTC+9 day and reason. */
export interface RawCounts {
  byReason: { reason: string; n: number }[];
  byDetail: { reason: string; detail: string; n: number }[];
  /** Days since the epoch in UTC+9. */
  byDay: { day: number; reason: string; n: number }[];
}

/** Exact nearest-rank percentiles of successful latencies in ms, and how many there are. */
export interface RawLatency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Attempts and successes per UTC+9 day, the latency of the successes per day and overall. */
export interface RawDeliveries {
  /** Days since the epoch in UTC+9. */
  byDay: { day: number; attempts: number; successes: number }[];
  latencyByDay: ({ day: number } & RawLatency)[];
  /** Undefined without successes. */
  latency: RawLatency | undefined;
}

export interface Baseline {
  /** Runs all four queries (LINE's newest 50 rows too, though not compared) over [from, to). */
  run(channelId: string, fromMs: number, toMs: number): Promise<RawCounts>;
  /** The success rate and latency view's three queries over [from, to). */
  deliveries(channelId: string, fromMs: number, toMs: number): Promise<RawDeliveries>;
  close(): Promise<void>;
}

const UTC9_SECONDS = 9 * 60 * 60;

/**
 * The plain SQL of the success rate and latency view over the attempts that `where` selects
 * (both dialects: `day` is the dialect's UTC+9 day of "attemptedAt"): attempts and successes per
 * day, and each percentile as the latency at its nearest rank ⌈q·n⌉ = (100q·n + 99) div 100
 * among the day's (or the range's) successes sorted by ROW_NUMBER().
 */
function deliverySql(day: string, where: string, success: string) {
  const ranked = (partition: string) => `SELECT ${partition ? "day, " : ""}COUNT(*) AS n,
      MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN "latencyMs" END) AS p50,
      MAX(CASE WHEN rn = (n * 95 + 99) / 100 THEN "latencyMs" END) AS p95,
      MAX(CASE WHEN rn = (n * 99 + 99) / 100 THEN "latencyMs" END) AS p99
    FROM (SELECT ${partition ? "day, " : ""}"latencyMs",
        ROW_NUMBER() OVER (${partition} ORDER BY "latencyMs") AS rn,
        COUNT(*) OVER (${partition}) AS n
      FROM (SELECT ${day} AS day, "latencyMs" FROM "DeliveryAttempt"
        WHERE ${where} AND "success" = ${success}) AS successes) AS ranked
    ${partition ? "GROUP BY day" : ""}`;
  return {
    byDay: `SELECT ${day} AS day, COUNT(*) AS attempts,
      SUM(CASE WHEN "success" = ${success} THEN 1 ELSE 0 END) AS successes
      FROM "DeliveryAttempt" WHERE ${where} GROUP BY 1`,
    latencyByDay: ranked("PARTITION BY day"),
    latency: ranked(""),
  };
}

type Row = Record<string, unknown>;

/** PostgreSQL answers bigint and numeric as text, SQLite with numbers: numbers either way. */
const latencyOf = (row: Row): RawLatency => ({
  n: Number(row.n),
  p50: Number(row.p50),
  p95: Number(row.p95),
  p99: Number(row.p99),
});

function rawDeliveries(byDay: Row[], latencyByDay: Row[], latency: Row[]): RawDeliveries {
  const total = latency[0] && latencyOf(latency[0]);
  return {
    byDay: byDay.map((row) => ({
      day: Number(row.day),
      attempts: Number(row.attempts),
      successes: Number(row.successes),
    })),
    latencyByDay: latencyByDay.map((row) => ({ day: Number(row.day), ...latencyOf(row) })),
    latency: total && total.n > 0 ? total : undefined,
  };
}

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
  const delivery = deliverySql(
    `((CAST(strftime('%s', attemptedAt) AS INTEGER) + ${UTC9_SECONDS}) / 86400)`,
    `channelId = ? AND attemptedAt >= ? AND attemptedAt < ?`,
    "1",
  );
  const deliveriesByDay = sqlite.prepare(delivery.byDay);
  const latencyByDay = sqlite.prepare(delivery.latencyByDay);
  const latency = sqlite.prepare(delivery.latency);
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  return {
    async deliveries(channelId, fromMs, toMs) {
      const args = [channelId, iso(fromMs), iso(toMs)];
      return rawDeliveries(
        deliveriesByDay.all(...args) as Row[],
        latencyByDay.all(...args) as Row[],
        latency.all(...args) as Row[],
      );
    },
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
  const delivery = deliverySql(
    `floor((extract(epoch FROM "attemptedAt") + ${UTC9_SECONDS}) / 86400)::int`,
    `"channelId" = $1 AND "attemptedAt" >= ($2::timestamptz AT TIME ZONE 'UTC')
      AND "attemptedAt" < ($3::timestamptz AT TIME ZONE 'UTC')`,
    "true",
  );
  return {
    async deliveries(channelId, fromMs, toMs) {
      const args = [channelId, new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
      return rawDeliveries(
        await query(delivery.byDay, args),
        await query(delivery.latencyByDay, args),
        await query(delivery.latency, args),
      );
    },
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

/**
 * Where the deliveries route handler's answer (day buckets) and the raw attempts disagree (empty:
 * they agree): attempts and successes per day and in total must be equal, and each p50, p95 and
 * p99 within RELATIVE_ERROR of the exact nearest-rank one (null exactly where no attempt
 * succeeded). One line of text per disagreement.
 */
export function deliveryDifferences(answer: DeliveryStatistics, raw: RawDeliveries): string[] {
  const out: string[] = [];
  const dayStart = (day: number) => new Date((day * 86_400 - UTC9_SECONDS) * 1000).toISOString();
  const counts = new Map(raw.byDay.map((row) => [dayStart(row.day), row]));
  const latencies = new Map(raw.latencyByDay.map((row) => [dayStart(row.day), row]));
  type Summary = DeliveryStatistics["totals"];
  const compare = (
    where: string,
    got: Summary,
    attempts: number,
    successes: number,
    exact?: RawLatency,
  ) => {
    if (got.attempts !== attempts)
      out.push(`${where}: attempts ${got.attempts} vs raw ${attempts}`);
    if (got.successes !== successes) {
      out.push(`${where}: successes ${got.successes} vs raw ${successes}`);
    }
    for (const key of ["p50", "p95", "p99"] as const) {
      const estimate = got[key];
      const value = exact?.[key];
      const close =
        estimate === null || value === undefined
          ? estimate === null && value === undefined
          : Math.abs(estimate - value) <= RELATIVE_ERROR * value * (1 + 1e-9);
      if (!close) out.push(`${where}: ${key} ${estimate} vs exact ${value ?? null}`);
    }
  };
  for (const point of answer.series) {
    const row = counts.get(point.bucketStart);
    compare(
      `day ${point.bucketStart}`,
      point,
      row?.attempts ?? 0,
      row?.successes ?? 0,
      latencies.get(point.bucketStart),
    );
    counts.delete(point.bucketStart);
  }
  for (const day of counts.keys()) out.push(`raw only: day ${day}`);
  const sum = (key: "attempts" | "successes") =>
    raw.byDay.reduce((total, row) => total + row[key], 0);
  compare("total", answer.totals, sum("attempts"), sum("successes"), raw.latency);
  return out;
}
