// The data of `npm run bench:stats`: one channel's attempts over `--days` (80 % successes with
// log-logistic latencies, 20 % failures of ten kinds), with every rollup the dispatcher would have
// written for them (error rollups for the failures, latency histograms for all), bulk-written
// straight to SQLite or PostgreSQL. Both databases get exactly the same rows: every attempt is a
// pure function of its index (time, outcome, latency, id), written once in TypeScript for the
// SQLite loop and once in SQL for PostgreSQL's server-side INSERT … SELECT from generate_series.
// Only integer arithmetic and table lookups decide an attempt, so the twins cannot round apart.
// Keep them in step: the same --attempts must give the same rollupRows and deliveryRollupRows.
import type Database from "better-sqlite3";
import pg from "pg";
import type { Db } from "../lib/db/client";
import { FAILURE_BUCKET, latencyBucket } from "../lib/statistics/latency-histogram";

/** (reason, detail, weight): how often each failure occurs, out of the weights' sum. */
type Failure = readonly [reason: string, detail: string, weight: number];
const FAILURES: readonly Failure[] = [
  ["error_status_code", "500", 30],
  ["error_status_code", "404", 10],
  ["error_status_code", "502", 5],
  ["request_timeout", "Request timeout", 20],
  ["could_not_connect", "Connection failed", 10],
  ["could_not_connect", "Connection timeout", 5],
  ["could_not_connect", "TLS handshake failure", 3],
  ["could_not_connect", "Unknown host", 2],
  ["unclassified", "Session closed unexpectedly", 10],
  ["unclassified", "Unclassified webhook dispatch error", 5],
];

/** The least frequent detail (2%): a filtered explorer page passes over the most rows for it. */
export const RAREST_FAILURE = "Unknown host";

/** FAILURES' index for each value of hash % weightSum: a lookup both languages can index. */
const FAILURE_BY_SLOT = FAILURES.flatMap(([, , weight], index) =>
  Array.from({ length: weight }, () => index),
);
const statusCodeOf = ([reason, detail]: Failure) =>
  reason === "error_status_code" ? Number(detail) : 0;

/**
 * Slots of hash % OUTCOME_SLOTS below this succeed (80 %); slot SUCCESS_SLOTS + s fails with
 * FAILURE_BY_SLOT[s], so failures keep the weights above.
 */
const SUCCESS_SLOTS = 4 * FAILURE_BY_SLOT.length;
const OUTCOME_SLOTS = SUCCESS_SLOTS + FAILURE_BY_SLOT.length;

/**
 * Successful latencies in ms, indexed by ⌊hash / OUTCOME_SLOTS⌋ % length: the 1,000 quantiles of
 * a log-logistic distribution (median 80 ms, shape 2.5; heavy-tailed, as response times are),
 * from 4 ms to 1.7 s, about 105 histogram buckets. Computed here once; SQL only indexes it.
 */
const LATENCIES = Array.from({ length: 1000 }, (_, k) => {
  const u = (k + 0.5) / 1000;
  return Math.round(80 * (u / (1 - u)) ** (1 / 2.5));
});
/** A latency → its histogram bucket (latency-histogram.ts), for SQL, which takes no logarithm. */
const LATENCY_BUCKETS = new Map(LATENCIES.map((ms) => [ms, latencyBucket(ms)]));
/** What a failed attempt took: not part of any percentile. */
const FAILURE_LATENCY_MS = 100;

export const CHANNEL_ID = "1234567890";
const PROVIDER_ID = "1000000000";
const WEBHOOK_ID = "01BENCHWEBHOOK000000000000";
const URL = "https://bot.example/webhook";

/** What to write: `total` attempts evenly spaced over [startMs, nowMs), both minute-aligned. */
export interface FillPlan {
  total: number;
  startMs: number;
  nowMs: number;
}

export function fillPlan(total: number, days: number, now = Date.now()): FillPlan {
  const nowMs = Math.floor(now / 60_000) * 60_000;
  return { total, startMs: nowMs - days * 24 * 60 * 60 * 1000, nowMs };
}

const spacingOf = (plan: FillPlan) => (plan.nowMs - plan.startMs) / plan.total;

// --- Attempt i, in TypeScript (the SQL twin is ATTEMPTS_SQL) ---------------------------------

/** A 32-bit integer hash of i (multiply, xor-shift): stateless, so SQL can compute it per row. */
function hash32(i: number): number {
  let h = Math.imul(i, 0x9e3779b1) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function attempt(plan: FillPlan, spacing: number, i: number) {
  const time = Math.floor(plan.startMs + i * spacing);
  const hash = hash32(i);
  const slot = hash % OUTCOME_SLOTS;
  // Sorts by time, like a ULID; i keeps it unique.
  const id =
    `${time.toString(16).padStart(12, "0")}${i.toString(16).padStart(14, "0")}`.toUpperCase();
  if (slot < SUCCESS_SLOTS) {
    const latencyMs = LATENCIES[Math.floor(hash / OUTCOME_SLOTS) % LATENCIES.length] as number;
    return { id, time, failure: null, latencyMs, bucket: LATENCY_BUCKETS.get(latencyMs) as number };
  }
  const failure = FAILURES[FAILURE_BY_SLOT[slot - SUCCESS_SLOTS] as number] as Failure;
  return { id, time, failure, latencyMs: FAILURE_LATENCY_MS, bucket: FAILURE_BUCKET };
}

// --- The rows around the attempts -------------------------------------------------------------

/** The provider, channel (error statistics on) and one webhook that the attempts belong to. */
export async function seedChannel(db: Db, plan: FillPlan): Promise<void> {
  const createdAt = new Date(plan.startMs);
  await db.provider.create({ data: { id: PROVIDER_ID, name: "Bench", createdAt } });
  await db.channel.create({
    data: {
      id: CHANNEL_ID,
      providerId: PROVIDER_ID,
      name: "Bench",
      channelSecret: "0".repeat(32),
      botUserId: `U${"0".repeat(32)}`,
      useWebhook: true,
      errorStatisticsAggregation: true,
      createdAt,
    },
  });
  await db.webhook.create({
    data: {
      id: WEBHOOK_ID,
      channelId: CHANNEL_ID,
      events: "[]",
      status: "failed",
      createdAt,
      nextAttemptAt: createdAt,
    },
  });
}

const report = (done: number, total: number) =>
  process.stderr.write(`\rloaded ${done} / ${total} attempts`);

// --- SQLite: a loop in this process, one transaction per chunk --------------------------------

/**
 * Writes the attempts and every tier of both rollups (the latency histograms' days last, from
 * their hours), folding each minute's and each hour's
 * attempts as it goes: error rollups count the failures (all counted: the channel aggregates),
 * the latency histograms every attempt (the channel uses its webhook), as the dispatcher does.
 */
export function fillSqlite(sqlite: Database.Database, plan: FillPlan): void {
  // The text Prisma's SQLite adapter writes for a DateTime, so that its range comparisons work.
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const insertAttempt = sqlite.prepare(`INSERT INTO "DeliveryAttempt" (id, webhookId, channelId,
    attemptedAt, url, eventIds, attemptNumber, isRedelivery, success, reason, detail, statusCode,
    latencyMs, protocol, error, counted) VALUES (?, '${WEBHOOK_ID}', '${CHANNEL_ID}', ?,
    '${URL}', '[]', 1, 0, ?, ?, ?, ?, ?, 'h2', NULL, ?)`);
  const addHour = sqlite.prepare(`INSERT INTO "ErrorRollupHour" (channelId, hourStart, reason,
    detail, errorCount, windowCount) VALUES ('${CHANNEL_ID}', ?, ?, ?, ?, 1) ON CONFLICT DO UPDATE
    SET errorCount = errorCount + excluded.errorCount, windowCount = windowCount + 1`);
  const insertRollup = sqlite.prepare(`INSERT INTO "ErrorRollup" (channelId, windowStart, reason,
    detail, errorCount, firstSeenAt, lastSeenAt) VALUES ('${CHANNEL_ID}', ?, ?, ?, ?, ?, ?)`);
  const insertHistogram = sqlite.prepare(`INSERT INTO "DeliveryRollup" (channelId, windowStart,
    bucket, count) VALUES ('${CHANNEL_ID}', ?, ?, ?)`);
  const insertHourHistogram = sqlite.prepare(`INSERT INTO "DeliveryRollupHour" (channelId,
    hourStart, bucket, count) VALUES ('${CHANNEL_ID}', ?, ?, ?)`);

  // The current minute's failures per (reason, detail) and histogram, and the current hour's
  // histogram; each written when the next minute or hour starts (attempts come in time order).
  const window = new Map<string, { count: number; first: number; last: number }>();
  const minuteHistogram = new Map<number, number>();
  const hourHistogram = new Map<number, number>();
  let windowStart = plan.startMs;
  let hourStart = Math.floor(plan.startMs / 3_600_000) * 3_600_000;
  const flushWindow = () => {
    for (const [key, row] of window) {
      const [reason, detail] = JSON.parse(key) as [string, string];
      insertRollup.run(iso(windowStart), reason, detail, row.count, iso(row.first), iso(row.last));
      addHour.run(iso(Math.floor(windowStart / 3_600_000) * 3_600_000), reason, detail, row.count);
    }
    window.clear();
    for (const [bucket, count] of minuteHistogram) {
      insertHistogram.run(iso(windowStart), bucket, count);
    }
    minuteHistogram.clear();
  };
  const flushHour = () => {
    for (const [bucket, count] of hourHistogram) {
      insertHourHistogram.run(iso(hourStart), bucket, count);
    }
    hourHistogram.clear();
  };
  const spacing = spacingOf(plan);
  const load = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const { id, time, failure, latencyMs, bucket } = attempt(plan, spacing, i);
      const minute = Math.floor(time / 60_000) * 60_000;
      if (minute !== windowStart) {
        flushWindow();
        windowStart = minute;
        const hour = Math.floor(minute / 3_600_000) * 3_600_000;
        if (hour !== hourStart) {
          flushHour();
          hourStart = hour;
        }
      }
      minuteHistogram.set(bucket, (minuteHistogram.get(bucket) ?? 0) + 1);
      hourHistogram.set(bucket, (hourHistogram.get(bucket) ?? 0) + 1);
      if (!failure) {
        insertAttempt.run(id, iso(time), 1, null, null, 200, latencyMs, 0);
        continue;
      }
      const [reason, detail] = failure;
      insertAttempt.run(id, iso(time), 0, reason, detail, statusCodeOf(failure), latencyMs, 1);
      const key = JSON.stringify([reason, detail]);
      const row = window.get(key);
      if (row) {
        row.count++;
        row.last = time;
      } else window.set(key, { count: 1, first: time, last: time });
    }
  });
  for (let i = 0; i < plan.total; i += 500_000) {
    load(i, Math.min(plan.total, i + 500_000));
    report(Math.min(plan.total, i + 500_000), plan.total);
  }
  sqlite.transaction(() => {
    flushWindow();
    flushHour();
  })();
  // The daily tier from the hours, as the migration that added it does (UTC+9 days).
  sqlite.exec(`INSERT INTO "DeliveryRollupDay" (channelId, dayStart, bucket, count)
    SELECT channelId,
      strftime('%Y-%m-%dT%H:%M:%f+00:00', hourStart, '+9 hours', 'start of day', '-9 hours'),
      bucket, SUM(count)
    FROM "DeliveryRollupHour" GROUP BY 1, 2, 3`);
  process.stderr.write("\n");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
}

// --- PostgreSQL: INSERT … SELECT on the server, nothing streamed ------------------------------

// Attempt i in SQL: the same time (float8 arithmetic in the same order as the TypeScript, then
// floor), the same hash (bigint arithmetic masked to 32 bits stands in for Math.imul and >>>),
// the same outcome slot, failure and latency lookups (arrays are 1-based, integer division
// floors a hash ≥ 0) and the same id. Parameters: $1..$2 the range of i, $3 startMs, $4 spacing,
// $5 FAILURE_BY_SLOT, $6..$8 reason, detail and status code per failure, $9 LATENCIES.
const ATTEMPTS_SQL = `
INSERT INTO "DeliveryAttempt" ("id", "webhookId", "channelId", "attemptedAt", "url", "eventIds",
  "attemptNumber", "isRedelivery", "success", "reason", "detail", "statusCode", "latencyMs",
  "protocol", "error", "counted")
SELECT upper(lpad(to_hex(t), 12, '0') || lpad(to_hex(i), 14, '0')), '${WEBHOOK_ID}',
  '${CHANNEL_ID}', timestamp 'epoch' + t * interval '1 millisecond', '${URL}', '[]', 1, false,
  f IS NULL, ($6::text[])[f], ($7::text[])[f], coalesce(($8::int[])[f], 200),
  CASE WHEN f IS NULL THEN ($9::int[])[(h / ${OUTCOME_SLOTS}) % ${LATENCIES.length} + 1]
    ELSE ${FAILURE_LATENCY_MS} END, 'h2', NULL, f IS NOT NULL
FROM generate_series($1::bigint, $2::bigint) AS i
CROSS JOIN LATERAL (SELECT floor($3::float8 + i * $4::float8)::bigint AS t,
  (i * 2654435761) & 4294967295 AS a) AS step1
CROSS JOIN LATERAL (SELECT ((a # (a >> 16)) * 73244475) & 4294967295 AS b) AS step2
CROSS JOIN LATERAL (SELECT b # (b >> 16) AS h) AS step3
CROSS JOIN LATERAL (SELECT CASE WHEN h % ${OUTCOME_SLOTS} >= ${SUCCESS_SLOTS}
  THEN ($5::int[])[h % ${OUTCOME_SLOTS} - ${SUCCESS_SLOTS} + 1] + 1 END AS f) AS step4`;

// The error rollups' tiers from the failed attempts, as the SQLite loop folds them: per minute,
// then per hour with the number of minute rows it holds.
const MINUTE_ROLLUPS_SQL = `
INSERT INTO "ErrorRollup" ("channelId", "windowStart", "reason", "detail", "errorCount",
  "firstSeenAt", "lastSeenAt")
SELECT "channelId", date_trunc('minute', "attemptedAt"), "reason", "detail", COUNT(*),
  MIN("attemptedAt"), MAX("attemptedAt")
FROM "DeliveryAttempt" WHERE NOT "success" GROUP BY 1, 2, 3, 4`;
const HOUR_ROLLUPS_SQL = `
INSERT INTO "ErrorRollupHour" ("channelId", "hourStart", "reason", "detail", "errorCount",
  "windowCount")
SELECT "channelId", date_trunc('hour', "windowStart"), "reason", "detail", SUM("errorCount"),
  COUNT(*)
FROM "ErrorRollup" GROUP BY 1, 2, 3, 4`;

// The latency histograms of every attempt, per minute then per hour: a success's bucket is
// looked up by its latency in the table TypeScript computed ($1 latencies, $2 their buckets; a
// latency missing from it leaves the bucket NULL, which the NOT NULL column refuses).
const MINUTE_HISTOGRAMS_SQL = `
INSERT INTO "DeliveryRollup" ("channelId", "windowStart", "bucket", "count")
SELECT a."channelId", date_trunc('minute', a."attemptedAt"),
  CASE WHEN a."success" THEN m."bucket" ELSE ${FAILURE_BUCKET} END, COUNT(*)
FROM "DeliveryAttempt" AS a
LEFT JOIN unnest($1::int[], $2::int[]) AS m("latencyMs", "bucket")
  ON a."success" AND m."latencyMs" = a."latencyMs"
GROUP BY 1, 2, 3`;
const HOUR_HISTOGRAMS_SQL = `
INSERT INTO "DeliveryRollupHour" ("channelId", "hourStart", "bucket", "count")
SELECT "channelId", date_trunc('hour', "windowStart"), "bucket", SUM("count")
FROM "DeliveryRollup" GROUP BY 1, 2, 3`;
const DAY_HISTOGRAMS_SQL = `
INSERT INTO "DeliveryRollupDay" ("channelId", "dayStart", "bucket", "count")
SELECT "channelId", date_trunc('day', "hourStart" + interval '9 hours') - interval '9 hours',
  "bucket", SUM("count")
FROM "DeliveryRollupHour" GROUP BY 1, 2, 3`;

export async function fillPostgres(url: string, plan: FillPlan): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Skips the foreign-key triggers (one lookup per row) for this session only: every row
    // written here points at the one seeded channel and webhook. Needs the superuser we are.
    await client.query("SET session_replication_role = replica");
    const spacing = String(spacingOf(plan)); // the shortest text that reads back as this double
    const chunk = 1_000_000;
    for (let from = 0; from < plan.total; from += chunk) {
      const to = Math.min(plan.total, from + chunk);
      await client.query(ATTEMPTS_SQL, [
        from,
        to - 1,
        plan.startMs,
        spacing,
        FAILURE_BY_SLOT,
        FAILURES.map(([reason]) => reason),
        FAILURES.map(([, detail]) => detail),
        FAILURES.map(statusCodeOf),
        LATENCIES,
      ]);
      report(to, plan.total);
    }
    process.stderr.write("\nrollups…\n");
    await client.query(MINUTE_ROLLUPS_SQL);
    await client.query(HOUR_ROLLUPS_SQL);
    await client.query(MINUTE_HISTOGRAMS_SQL, [
      [...LATENCY_BUCKETS.keys()],
      [...LATENCY_BUCKETS.values()],
    ]);
    await client.query(HOUR_HISTOGRAMS_SQL);
    await client.query(DAY_HISTOGRAMS_SQL);
    // A console's database has been vacuumed and analysed by autovacuum long before anyone reads
    // 30 days of it; without this, the first measured runs would set hint bits and plan blind.
    await client.query(`VACUUM ANALYZE "DeliveryAttempt", "ErrorRollup", "ErrorRollupHour",
      "DeliveryRollup", "DeliveryRollupHour", "DeliveryRollupDay"`);
  } finally {
    await client.end();
  }
}
