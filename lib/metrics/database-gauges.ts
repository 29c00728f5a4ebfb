import "server-only";
import { Gauge, type MetricObjectWithValues, type MetricValue, Registry } from "prom-client";
import type { SqlSession } from "../db/sql";

/** The states a webhook waits in, as `webhook_console_queued_webhooks{state}` names them. */
export const QUEUE_STATES = ["pending", "sending", "waiting_for_redelivery"] as const;

// One statement, by the status index; "waiting for redelivery" is the console's own rule
// (lib/shared/redeliver-now.ts): pending again after a failed attempt.
const QUEUE_DEPTH_SQL = `SELECT "status", "attemptCount" > 0 AS "redelivery", COUNT(*) AS "count"
  FROM "Webhook" WHERE "status" IN ('pending', 'sending')
  GROUP BY "status", "attemptCount" > 0`;

interface QueueRow {
  status: string;
  redelivery: boolean | number;
  count: number | string | bigint;
}

/**
 * What the database holds, read when a scrape asks: the same figures from every process that
 * serves `/metrics`, so a dashboard takes their max(), not their sum (docs/operations.md).
 */
export async function databaseGauges(
  sql: SqlSession,
): Promise<MetricObjectWithValues<MetricValue<string>>[]> {
  const registry = new Registry();
  const queued = new Gauge({
    name: "webhook_console_queued_webhooks",
    help: "Webhooks not yet done with: pending (never attempted), sending (claimed by a worker), waiting for redelivery.",
    labelNames: ["state"],
    registers: [registry],
  });
  for (const state of QUEUE_STATES) queued.set({ state }, 0);
  for (const row of await sql.query<QueueRow>(QUEUE_DEPTH_SQL)) {
    const state =
      row.status === "sending"
        ? "sending"
        : row.redelivery === true || Number(row.redelivery) === 1
          ? "waiting_for_redelivery"
          : "pending";
    queued.inc({ state }, Number(row.count));
  }
  return registry.getMetricsAsJSON();
}
