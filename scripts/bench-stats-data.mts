// The data of `npm run bench:stats`: one channel's failed attempts over `--days`, with their rollups,
// bulk-written straight to SQLite or PostgreSQL. Both databases get exactly the same rows: every
// attempt is a pure function of its index (time, failure, id), written once in TypeScript for the
// SQLite loop and once in SQL for PostgreSQL's server-side INSERT … SELECT from generate_series.
// Keep the two twins in step: the same --attempts must give the same rollupRows on both.
import type Database from "better-sqlite3";
import pg from "pg";
import type { Db } from "../lib/db/client";

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
  const failure = FAILURES[
    FAILURE_BY_SLOT[hash32(i) % FAILURE_BY_SLOT.length] as number
  ] as Failure;
  // Sorts by time, like a ULID; i keeps it unique.
  const id = `${time.toString(16).padStart(12, "0")}${i.toString(16).padStart(14, "0")}`;
  return { id: id.toUpperCase(), time, reason: failure[0], detail: failure[1], failure };
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

/** Writes the attempts and both rollup tiers, folding each minute's attempts as it goes. */
export function fillSqlite(sqlite: Database.Database, plan: FillPlan): void {
  // The text Prisma's SQLite adapter writes for a DateTime, so that its range comparisons work.
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const insertAttempt = sqlite.prepare(`INSERT INTO "DeliveryAttempt" (id, webhookId, channelId,
    attemptedAt, url, eventIds, attemptNumber, isRedelivery, success, reason, detail, statusCode,
    latencyMs, protocol, error, counted) VALUES (?, '${WEBHOOK_ID}', '${CHANNEL_ID}', ?,
    '${URL}', '[]', 1, 0, 0, ?, ?, ?, 100, 'h2', NULL, 1)`);
  const addHour = sqlite.prepare(`INSERT INTO "ErrorRollupHour" (channelId, hourStart, reason,
    detail, errorCount, windowCount) VALUES ('${CHANNEL_ID}', ?, ?, ?, ?, 1) ON CONFLICT DO UPDATE
    SET errorCount = errorCount + excluded.errorCount, windowCount = windowCount + 1`);
  const insertRollup = sqlite.prepare(`INSERT INTO "ErrorRollup" (channelId, windowStart, reason,
    detail, errorCount, firstSeenAt, lastSeenAt) VALUES ('${CHANNEL_ID}', ?, ?, ?, ?, ?, ?)`);

  // The current minute's counts per (reason, detail); written when the next minute starts.
  const window = new Map<string, { count: number; first: number; last: number }>();
  let windowStart = plan.startMs;
  const flushWindow = () => {
    for (const [key, row] of window) {
      const [reason, detail] = JSON.parse(key) as [string, string];
      insertRollup.run(iso(windowStart), reason, detail, row.count, iso(row.first), iso(row.last));
      addHour.run(iso(Math.floor(windowStart / 3_600_000) * 3_600_000), reason, detail, row.count);
    }
    window.clear();
  };
  const spacing = spacingOf(plan);
  const load = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const { id, time, reason, detail, failure } = attempt(plan, spacing, i);
      const minute = Math.floor(time / 60_000) * 60_000;
      if (minute !== windowStart) {
        flushWindow();
        windowStart = minute;
      }
      insertAttempt.run(id, iso(time), reason, detail, statusCodeOf(failure));
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
  sqlite.transaction(flushWindow)();
  process.stderr.write("\n");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
}

// --- PostgreSQL: INSERT … SELECT on the server, nothing streamed ------------------------------

// Attempt i in SQL: the same time (float8 arithmetic in the same order as the TypeScript, then
// floor), the same hash (bigint arithmetic masked to 32 bits stands in for Math.imul and >>>),
// the same slot lookup (arrays are 1-based) and the same id. Parameters: $1..$2 the range of i,
// $3 startMs, $4 spacing, $5 FAILURE_BY_SLOT, $6..$8 reason, detail and status code per failure.
const ATTEMPTS_SQL = `
INSERT INTO "DeliveryAttempt" ("id", "webhookId", "channelId", "attemptedAt", "url", "eventIds",
  "attemptNumber", "isRedelivery", "success", "reason", "detail", "statusCode", "latencyMs",
  "protocol", "error", "counted")
SELECT upper(lpad(to_hex(t), 12, '0') || lpad(to_hex(i), 14, '0')), '${WEBHOOK_ID}',
  '${CHANNEL_ID}', timestamp 'epoch' + t * interval '1 millisecond', '${URL}', '[]', 1, false,
  false, ($6::text[])[f], ($7::text[])[f], ($8::int[])[f], 100, 'h2', NULL, true
FROM generate_series($1::bigint, $2::bigint) AS i
CROSS JOIN LATERAL (SELECT floor($3::float8 + i * $4::float8)::bigint AS t,
  (i * 2654435761) & 4294967295 AS a) AS step1
CROSS JOIN LATERAL (SELECT ((a # (a >> 16)) * 73244475) & 4294967295 AS b) AS step2
CROSS JOIN LATERAL (SELECT ($5::int[])[(b # (b >> 16)) % ${FAILURE_BY_SLOT.length} + 1] + 1 AS f)
  AS step3`;

// Both tiers from the attempts, as the SQLite loop folds them: per minute, then per hour with
// the number of minute rows it holds.
const MINUTE_ROLLUPS_SQL = `
INSERT INTO "ErrorRollup" ("channelId", "windowStart", "reason", "detail", "errorCount",
  "firstSeenAt", "lastSeenAt")
SELECT "channelId", date_trunc('minute', "attemptedAt"), "reason", "detail", COUNT(*),
  MIN("attemptedAt"), MAX("attemptedAt")
FROM "DeliveryAttempt" GROUP BY 1, 2, 3, 4`;
const HOUR_ROLLUPS_SQL = `
INSERT INTO "ErrorRollupHour" ("channelId", "hourStart", "reason", "detail", "errorCount",
  "windowCount")
SELECT "channelId", date_trunc('hour', "windowStart"), "reason", "detail", SUM("errorCount"),
  COUNT(*)
FROM "ErrorRollup" GROUP BY 1, 2, 3, 4`;

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
      ]);
      report(to, plan.total);
    }
    process.stderr.write("\nrollups…\n");
    await client.query(MINUTE_ROLLUPS_SQL);
    await client.query(HOUR_ROLLUPS_SQL);
    // A console's database has been vacuumed and analysed by autovacuum long before anyone reads
    // 30 days of it; without this, the first measured runs would set hint bits and plan blind.
    await client.query(`VACUUM ANALYZE "DeliveryAttempt", "ErrorRollup", "ErrorRollupHour"`);
  } finally {
    await client.end();
  }
}
