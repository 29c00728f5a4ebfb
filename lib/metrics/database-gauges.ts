import "server-only";
import { Gauge, type MetricObjectWithValues, type MetricValue, Registry } from "prom-client";
import type { SqlSession } from "../db/sql";

/** The states a webhook waits in, as `webhook_console_queued_webhooks{state}` names them. */
export const QUEUE_STATES = ["pending", "sending", "waiting_for_redelivery", "paused"] as const;

// One statement, by the status index, with the paused channels and the running replays; "waiting for redelivery"
// is the console's own rule (lib/shared/redeliver-now.ts): pending again after a failed attempt.
const DEPTH_SQL = `SELECT "status", "attemptCount" > 0 AS "redelivery", COUNT(*) AS "count"
  FROM "Webhook" WHERE "status" IN ('pending', 'sending', 'paused')
  GROUP BY "status", "attemptCount" > 0
  UNION ALL SELECT 'channels_paused', false, COUNT(*) FROM "Channel" WHERE "pausedAt" IS NOT NULL
  UNION ALL SELECT 'replays_running', false, COUNT(*) FROM "ReplayJob" WHERE "status" = 'running'
  UNION ALL SELECT 'replay_remaining', false, COALESCE(SUM("total" - "queued" - "skipped"), 0)
    FROM "ReplayJob" WHERE "status" = 'running'`;

interface QueueRow {
  status: string;
  redelivery: boolean | number;
  count: number | string | bigint;
}

/** The gauges read from the database; the Grafana dashboard's test checks against them too. */
export const DATABASE_GAUGES = [
  {
    name: "webhook_console_queued_webhooks",
    help: "Webhooks not yet done with: pending (never attempted), sending (claimed by a worker), waiting for redelivery, paused (kept while their channel's sending is paused).",
    labelNames: ["state"],
  },
  {
    name: "webhook_console_paused_channels",
    help: "Channels whose sending is paused by their pause rule.",
    labelNames: [],
  },
  {
    name: "webhook_console_replay_jobs_running",
    help: "Replay jobs running (lib/replay/).",
    labelNames: [],
  },
  {
    name: "webhook_console_replay_webhooks_remaining",
    help: "Webhooks the running replay jobs have still to queue again.",
    labelNames: [],
  },
] as const;

/**
 * What the database holds, read when a scrape asks: the same figures from every process that
 * serves `/metrics`, so a dashboard takes their max(), not their sum (docs/operations.md).
 */
export async function databaseGauges(
  sql: SqlSession,
): Promise<MetricObjectWithValues<MetricValue<string>>[]> {
  const registry = new Registry();
  const [queued, paused, replays, remaining] = DATABASE_GAUGES.map(
    (definition) => new Gauge({ ...definition, registers: [registry] }),
  ) as [Gauge<"state">, Gauge, Gauge, Gauge];
  const totals: Record<string, Gauge> = {
    channels_paused: paused,
    replays_running: replays,
    replay_remaining: remaining,
  };
  for (const state of QUEUE_STATES) queued.set({ state }, 0);
  for (const row of await sql.query<QueueRow>(DEPTH_SQL)) {
    const total = totals[row.status];
    if (total) {
      total.set(Number(row.count));
      continue;
    }
    const state =
      row.status === "sending" || row.status === "paused"
        ? row.status
        : row.redelivery === true || Number(row.redelivery) === 1
          ? "waiting_for_redelivery"
          : "pending";
    queued.inc({ state }, Number(row.count));
  }
  return registry.getMetricsAsJSON();
}
