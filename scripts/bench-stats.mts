// npm run bench:stats -- [--attempts 10000000] [--days 30] [--runs 30]
// Fills a fresh SQLite database with `--days` of failed attempts for one channel (written
// directly in bulk, with their rollups, to get there fast), then measures the errors route
// handler for the whole range (p50/p95 over --runs), next to the same answer computed by plain
// GROUP BY queries over the raw attempts. Prints JSON. A benchmark, not a test.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    attempts: { type: "string", default: "10000000" },
    days: { type: "string", default: "30" },
    runs: { type: "string", default: "30" },
    "baseline-runs": { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
  },
});
const total = Number(values.attempts);
const days = Number(values.days);
const runs = Number(values.runs);

const FAILURES: [string, string, number][] = [
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
const weights = FAILURES.map(([, , weight]) => weight);
const weightSum = weights.reduce((a, b) => a + b, 0);

const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-stats-"));
const file = path.join(workDir, "stats.db");
process.env.DATABASE_URL = `file:${file}`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (value: number) => Math.round(value * 10) / 10;

async function main() {
  const { migrate } = await import("../lib/db/migrate");
  await migrate({ provider: "sqlite", filePath: file });

  // Bulk load straight through the driver: this is set-up, not what is measured.
  const fillStarted = performance.now();
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const channelId = "1234567890";
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const nowMs = Math.floor(Date.now() / 60_000) * 60_000;
  const startMs = nowMs - days * 24 * 60 * 60 * 1000;
  sqlite.exec(`
    INSERT INTO "Provider" (id, name, createdAt) VALUES ('1000000000', 'Bench', '${iso(startMs)}');
    INSERT INTO "Channel" (id, providerId, name, channelSecret, botUserId, useWebhook,
      errorStatisticsAggregation, createdAt, updatedAt)
      VALUES ('${channelId}', '1000000000', 'Bench', '${"0".repeat(32)}', 'U${"0".repeat(32)}', 1, 1,
      '${iso(startMs)}', '${iso(startMs)}');
    INSERT INTO "Webhook" (id, channelId, events, status, createdAt, updatedAt, nextAttemptAt)
      VALUES ('01BENCHWEBHOOK000000000000', '${channelId}', '[]', 'failed', '${iso(startMs)}',
      '${iso(startMs)}', '${iso(startMs)}');`);
  const insertAttempt = sqlite.prepare(`INSERT INTO "DeliveryAttempt" (id, webhookId, channelId,
    attemptedAt, url, eventIds, attemptNumber, isRedelivery, success, reason, detail, statusCode,
    latencyMs, protocol, error, counted) VALUES (?, '01BENCHWEBHOOK000000000000', '${channelId}', ?,
    'https://bot.example/webhook', '[]', 1, 0, 0, ?, ?, ?, ?, 'h2', NULL, 1)`);
  const addHour = sqlite.prepare(`INSERT INTO "ErrorRollupHour" (channelId, hourStart, reason,
    detail, errorCount, windowCount) VALUES ('${channelId}', ?, ?, ?, ?, 1) ON CONFLICT DO UPDATE
    SET errorCount = errorCount + excluded.errorCount, windowCount = windowCount + 1`);
  const insertRollup = sqlite.prepare(`INSERT INTO "ErrorRollup" (channelId, windowStart, reason,
    detail, errorCount, firstSeenAt, lastSeenAt) VALUES ('${channelId}', ?, ?, ?, ?, ?, ?)`);
  const spacing = (nowMs - startMs) / total;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = () => {
    let r = random() * weightSum;
    for (const failure of FAILURES) {
      r -= failure[2];
      if (r < 0) return failure;
    }
    return FAILURES[0] as [string, string, number];
  };
  const window = new Map<string, { count: number; first: number; last: number }>();
  let windowStart = startMs;
  const flushWindow = () => {
    for (const [key, row] of window) {
      const [reason, detail] = JSON.parse(key) as [string, string];
      insertRollup.run(iso(windowStart), reason, detail, row.count, iso(row.first), iso(row.last));
      addHour.run(iso(Math.floor(windowStart / 3_600_000) * 3_600_000), reason, detail, row.count);
    }
    window.clear();
  };
  const load = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const time = Math.floor(startMs + i * spacing);
      const minute = Math.floor(time / 60_000) * 60_000;
      if (minute !== windowStart) {
        flushWindow();
        windowStart = minute;
      }
      const [reason, detail] = pick();
      const id =
        `${time.toString(36).padStart(10, "0")}${i.toString(36).padStart(16, "0")}`.toUpperCase();
      insertAttempt.run(
        id,
        iso(time),
        reason,
        detail,
        reason === "error_status_code" ? Number(detail) : 0,
        100,
      );
      const key = JSON.stringify([reason, detail]);
      const row = window.get(key);
      if (row) {
        row.count++;
        row.last = time;
      } else window.set(key, { count: 1, first: time, last: time });
    }
  });
  for (let i = 0; i < total; i += 500_000) {
    load(i, Math.min(total, i + 500_000));
    process.stderr.write(`\rloaded ${Math.min(total, i + 500_000)} / ${total} attempts`);
  }
  sqlite.transaction(flushWindow)();
  process.stderr.write("\n");
  const rollupRows = (
    sqlite.prepare(`SELECT COUNT(*) AS n FROM "ErrorRollup"`).get() as { n: number }
  ).n;
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  // 1. The route handler, as the console calls it (JSON included).
  const { GET } = await import("../app/api/channels/[channelId]/statistics/errors/route");
  const from = new Date(startMs).toISOString();
  const to = new Date(nowMs).toISOString();
  const url = `http://localhost/api/channels/${channelId}/statistics/errors?from=${from}&to=${to}`;
  const timings: number[] = [];
  let answer: { totals: { all: number }; series: unknown[] } | null = null;
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const response = await GET(new Request(url), { params: Promise.resolve({ channelId }) });
    answer = await response.json();
    if (i >= 2) timings.push(performance.now() - started); // two warm-up runs
  }
  timings.sort((a, b) => a - b);

  // 2. The same answer from the raw attempts with plain GROUP BY.
  const baseline: number[] = [];
  const since = iso(startMs);
  const until = iso(nowMs);
  const byReason = sqlite.prepare(`SELECT reason, COUNT(*) AS n FROM "DeliveryAttempt"
    WHERE channelId = ? AND success = 0 AND attemptedAt >= ? AND attemptedAt < ? GROUP BY reason`);
  const byDetail = sqlite.prepare(`SELECT reason, detail, COUNT(*) AS n FROM "DeliveryAttempt"
    WHERE channelId = ? AND success = 0 AND attemptedAt >= ? AND attemptedAt < ? GROUP BY reason, detail`);
  const byDay =
    sqlite.prepare(`SELECT ((CAST(strftime('%s', attemptedAt) AS INTEGER) + 32400) / 86400)
    AS day, reason, COUNT(*) AS n FROM "DeliveryAttempt" WHERE channelId = ? AND success = 0
    AND attemptedAt >= ? AND attemptedAt < ? GROUP BY day, reason`);
  const rows = sqlite.prepare(`SELECT substr(attemptedAt, 1, 16) AS minute, reason, detail,
    COUNT(*) AS n, MIN(attemptedAt) AS first, MAX(attemptedAt) AS last FROM "DeliveryAttempt"
    WHERE channelId = ? AND success = 0 AND attemptedAt >= ? AND attemptedAt < ?
    GROUP BY minute, reason, detail ORDER BY minute DESC LIMIT 50`);
  let baselineTotal = 0;
  for (let i = 0; i < Number(values["baseline-runs"]); i++) {
    const started = performance.now();
    const reasons = byReason.all(channelId, since, until) as { n: number }[];
    byDetail.all(channelId, since, until);
    byDay.all(channelId, since, until);
    rows.all(channelId, since, until);
    baseline.push(performance.now() - started);
    baselineTotal = reasons.reduce((sum, row) => sum + row.n, 0);
  }
  baseline.sort((a, b) => a - b);
  sqlite.close();

  console.log(
    JSON.stringify(
      {
        database: "sqlite",
        attempts: total,
        days,
        rollupRows,
        databaseMiB: Math.round(statSync(file).size / 1024 / 1024),
        fillSeconds: round(fillSeconds),
        routeHandler: {
          runs,
          p50ms: round(percentile(timings, 50)),
          p95ms: round(percentile(timings, 95)),
          errorsCounted: answer?.totals.all,
          seriesPoints: answer?.series.length,
        },
        rawGroupBy: {
          runs: baseline.length,
          p50ms: round(percentile(baseline, 50)),
          p95ms: round(percentile(baseline, 95)),
          errorsCounted: baselineTotal,
        },
        ratioP50: round(percentile(baseline, 50) / percentile(timings, 50)),
      },
      null,
      2,
    ),
  );
}

try {
  await main();
} finally {
  if (!values.keep) rmSync(workDir, { recursive: true, force: true });
}
process.exit(0);
