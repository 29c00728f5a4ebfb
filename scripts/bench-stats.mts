// npm run bench:stats -- [--database sqlite|postgres] [--attempts 10000000] [--days 30]
//   [--runs 30] [--baseline-runs 3] [--keep]
// Fills a fresh database with `--days` of attempts for one channel, 80 % successes with skewed
// latencies (4 ms to 1.7 s) and 20 % failures of ten kinds, written directly in bulk with every
// rollup the dispatcher would have written (error rollups, latency histograms; both tiers) to get
// there fast: scripts/bench-stats-data.mts. Then, signed in as the console is (p50/p95 over
// --runs after warm-ups), it measures for the whole range:
// - the errors route handler, next to the same answer computed by plain GROUP BY queries over
//   the raw attempts, and checks that the two answers agree (answersAgree);
// - the success rate and latency route handler per day, next to attempts and successes per day
//   by GROUP BY and exact nearest-rank p50/p95/p99 per day and overall by window functions over
//   the raw attempts, and checks that the counts are equal and every percentile within the
//   histogram's relative error (deliveryAnswersAgree);
// (both baselines in scripts/bench-stats-baseline.mts, --baseline-runs each) and the deliveries
// explorer's route over the same attempts: its first page, and a first page filtered by reason
// and detail (the rarest detail, the most rows to skip without its index). SQLite by default, a
// file in a temporary directory (--keep keeps it); `--database postgres` starts a throwaway
// PostgreSQL cluster for the run. Prints one JSON line; exits with 1 if either answer disagrees
// with its baseline. A benchmark, not a test.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { GET as listDeliveriesRoute } from "../app/api/channels/[channelId]/deliveries/route";
import { GET as deliveryStatisticsRoute } from "../app/api/channels/[channelId]/statistics/deliveries/route";
import { GET } from "../app/api/channels/[channelId]/statistics/errors/route";
import { auth } from "../lib/auth/auth";
import { createOperator } from "../lib/auth/operators";
import { db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { startPostgresServer } from "../lib/dev/testing/postgres-server";
import type { DeliveryStatistics } from "../lib/statistics/query-delivery-statistics";
import type { ErrorStatistics } from "../lib/statistics/query-error-statistics";
import {
  type Baseline,
  deliveryDifferences,
  differences,
  postgresBaseline,
  type RawCounts,
  type RawDeliveries,
  sqliteBaseline,
} from "./bench-stats-baseline.mjs";
import {
  CHANNEL_ID,
  type FillPlan,
  fillPlan,
  fillPostgres,
  fillSqlite,
  RAREST_FAILURE,
  seedChannel,
} from "./bench-stats-data.mjs";

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "sqlite" },
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
const baselineRuns = Number(values["baseline-runs"]);
const WARM_UPS = 2;

/** The database under test: where it is, how to fill and measure it, how to throw it away. */
interface Target {
  provider: "sqlite" | "postgres";
  url: string;
  fill(plan: FillPlan): Promise<void>;
  baseline(): Promise<Baseline>;
  sizeBytes(): Promise<number>;
  /** Synchronous and idempotent: called on exit and on Ctrl-C alike. */
  dispose(): void;
}

async function openTarget(database: string, workDir: string): Promise<Target> {
  if (database === "sqlite") {
    const file = path.join(workDir, "stats.db");
    return {
      provider: "sqlite",
      url: `file:${file}`,
      async fill(plan) {
        const sqlite = new Database(file);
        // Set-up, not what is measured: no fsync while loading.
        sqlite.pragma("journal_mode = WAL");
        sqlite.pragma("synchronous = OFF");
        try {
          fillSqlite(sqlite, plan);
        } finally {
          sqlite.close();
        }
      },
      baseline: async () => sqliteBaseline(file),
      sizeBytes: async () => statSync(file).size,
      dispose: () => {
        if (!values.keep) rmSync(workDir, { recursive: true, force: true });
      },
    };
  }
  if (database === "postgres") {
    const server = await startPostgresServer();
    return {
      provider: "postgres",
      url: server.url,
      fill: (plan) => fillPostgres(server.url, plan),
      baseline: () => postgresBaseline(server.url),
      async sizeBytes() {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ bytes: string }>(
            "SELECT pg_database_size(current_database()) AS bytes",
          );
          return Number(rows[0]?.bytes);
        } finally {
          await client.end();
        }
      },
      dispose: () => {
        server.stop();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`--database must be sqlite or postgres, not ${database}`);
}

/** A console administrator's session cookie: the route checks it on every call, as it does live. */
async function signIn(): Promise<string> {
  const email = "bench@example.com";
  const operator = await createOperator(auth(), { email, consoleAdmin: true });
  if (!operator) throw new Error(`${email} exists already`);
  const response = await auth().api.signInEmail({
    body: { email, password: operator.password },
    asResponse: true,
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.includes("session_token="))
    ?.split(";")[0];
  if (!cookie) throw new Error(`sign-in answered ${response.status} without a session cookie`);
  return cookie;
}

/** Times `call` `count` times after WARM_UPS unmeasured calls; the last result is returned. */
async function timed<T>(count: number, warmUps: number, call: () => Promise<T>) {
  const timings: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < warmUps + count; i++) {
    const started = performance.now();
    result = await call();
    if (i >= warmUps) timings.push(performance.now() - started);
  }
  if (result === undefined) throw new Error("nothing was run");
  timings.sort((a, b) => a - b);
  return { result, p50: percentile(timings, 50), p95: percentile(timings, 95) };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (value: number) => Math.round(value * 10) / 10;

async function main(target: Target) {
  // The console's code reads these; a throwaway database gets a throwaway session key (and no
  // key file written next to the working directory).
  process.env.DATABASE_URL = target.url;
  process.env.BETTER_AUTH_SECRET = randomBytes(32).toString("base64url");
  await migrate();

  const plan = fillPlan(total, days);
  const fillStarted = performance.now();
  await seedChannel(db(), plan);
  await target.fill(plan);
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const rollupRows = await db().errorRollup.count();
  const deliveryRollupRows = await db().deliveryRollup.count();
  const databaseBytes = await target.sizeBytes();

  // 1. The route handler, as the console calls it (session check and JSON included).
  const cookie = await signIn();
  const from = new Date(plan.startMs).toISOString();
  const to = new Date(plan.nowMs).toISOString();
  const url = `http://localhost/api/channels/${CHANNEL_ID}/statistics/errors?from=${from}&to=${to}`;
  const handler = await timed(runs, WARM_UPS, async () => {
    const response = await GET(new Request(url, { headers: { cookie } }), {
      params: Promise.resolve({ channelId: CHANNEL_ID }),
    });
    // An error answer is quick and wrong: never time it as if it were the view.
    if (!response.ok)
      throw new Error(`route answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ErrorStatistics;
  });

  // 2. The success rate and latency view's route handler, the same way, per day.
  const deliveryUrl = `http://localhost/api/channels/${CHANNEL_ID}/statistics/deliveries?from=${from}&to=${to}&bucket=day`;
  const deliveryHandler = await timed(runs, WARM_UPS, async () => {
    const response = await deliveryStatisticsRoute(
      new Request(deliveryUrl, { headers: { cookie } }),
      { params: Promise.resolve({ channelId: CHANNEL_ID }) },
    );
    if (!response.ok)
      throw new Error(`route answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as DeliveryStatistics;
  });

  // 3. Both answers from the raw attempts, with plain GROUP BY (and window functions for the
  // exact percentiles); each run takes seconds, so no warm-up beyond the first run's.
  const baseline = await target.baseline();
  let raw: Awaited<ReturnType<typeof timed<RawCounts>>>;
  let rawDeliveries: Awaited<ReturnType<typeof timed<RawDeliveries>>>;
  try {
    raw = await timed(baselineRuns, 0, () => baseline.run(CHANNEL_ID, plan.startMs, plan.nowMs));
    rawDeliveries = await timed(baselineRuns, 0, () =>
      baseline.deliveries(CHANNEL_ID, plan.startMs, plan.nowMs),
    );
  } finally {
    await baseline.close();
  }

  // 4. The deliveries explorer's pages, as the console asks for them (50 rows).
  const explorer = `http://localhost/api/channels/${CHANNEL_ID}/deliveries?limit=50`;
  const explorerPage = (search: string) =>
    timed(runs, WARM_UPS, async () => {
      const response = await listDeliveriesRoute(
        new Request(`${explorer}${search}`, { headers: { cookie } }),
        { params: Promise.resolve({ channelId: CHANNEL_ID }) },
      );
      if (!response.ok)
        throw new Error(`route answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { deliveries: unknown[] }).deliveries.length;
    });
  const firstPage = await explorerPage("");
  const filteredPage = await explorerPage(
    `&reason=could_not_connect&detail=${encodeURIComponent(RAREST_FAILURE)}`,
  );

  const disagreements = differences(handler.result, raw.result);
  for (const line of disagreements.slice(0, 20)) console.error(line);
  const deliveryDisagreements = deliveryDifferences(deliveryHandler.result, rawDeliveries.result);
  for (const line of deliveryDisagreements.slice(0, 20)) console.error(`deliveries: ${line}`);
  if (disagreements.length > 0 || deliveryDisagreements.length > 0) process.exitCode = 1;
  const deliveryTotals = deliveryHandler.result.totals;
  console.log(
    JSON.stringify({
      database: target.provider,
      attempts: total,
      days,
      rollupRows,
      deliveryRollupRows,
      databaseMiB: Math.round(databaseBytes / 1024 / 1024),
      fillSeconds: round(fillSeconds),
      routeHandler: {
        runs,
        p50ms: round(handler.p50),
        p95ms: round(handler.p95),
        errorsCounted: handler.result.totals.all,
        seriesPoints: handler.result.series.length,
      },
      rawGroupBy: {
        runs: baselineRuns,
        p50ms: round(raw.p50),
        p95ms: round(raw.p95),
        errorsCounted: raw.result.byReason.reduce((sum, row) => sum + Number(row.n), 0),
      },
      ratioP50: round(raw.p50 / handler.p50),
      explorerFirstPage: { runs, p50ms: round(firstPage.p50), p95ms: round(firstPage.p95) },
      explorerReasonDetailPage: {
        detail: RAREST_FAILURE,
        runs,
        p50ms: round(filteredPage.p50),
        p95ms: round(filteredPage.p95),
        rows: filteredPage.result,
      },
      answersAgree: disagreements.length === 0,
      deliveryRoute: {
        runs,
        p50ms: round(deliveryHandler.p50),
        p95ms: round(deliveryHandler.p95),
        attempts: deliveryTotals.attempts,
        successRate: deliveryTotals.successRate,
        latencyP50ms: deliveryTotals.p50 === null ? null : round(deliveryTotals.p50),
        latencyP95ms: deliveryTotals.p95 === null ? null : round(deliveryTotals.p95),
        latencyP99ms: deliveryTotals.p99 === null ? null : round(deliveryTotals.p99),
        seriesPoints: deliveryHandler.result.series.length,
      },
      deliveryRawQuery: {
        runs: baselineRuns,
        p50ms: round(rawDeliveries.p50),
        p95ms: round(rawDeliveries.p95),
        latencyP50ms: rawDeliveries.result.latency?.p50 ?? null,
        latencyP95ms: rawDeliveries.result.latency?.p95 ?? null,
        latencyP99ms: rawDeliveries.result.latency?.p99 ?? null,
      },
      deliveryRatioP50: round(rawDeliveries.p50 / deliveryHandler.p50),
      deliveryAnswersAgree: deliveryDisagreements.length === 0,
    }),
  );
}

const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-stats-"));
const target = await openTarget(values.database, workDir).catch((error) => {
  rmSync(workDir, { recursive: true, force: true });
  throw error;
});
// A PostgreSQL cluster outlives this process unless stopped: on Ctrl-C too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    target.dispose();
    process.exit(130);
  });
}
try {
  await main(target);
  await db().$disconnect();
} finally {
  target.dispose();
}
process.exit();
