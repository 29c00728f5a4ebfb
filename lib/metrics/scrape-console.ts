import "server-only";
import { sql } from "../db/sql-driver";
import { processMetrics } from "./console-metrics";
import { databaseGauges } from "./database-gauges";
import { type MetricsJson, renderMetrics } from "./render-metrics";

/**
 * What the console's `/metrics` answers: this process's metrics (HTTP requests, Node's own), its
 * dispatcher process's (attempts, leases, emails; asked over IPC, absent while it restarts), and
 * the database's gauges.
 */
export async function scrapeConsole(
  /** The dispatcher process's (lib/dispatch/dispatcher-instance.ts), which counts into lib/metrics. */
  dispatcherMetrics: () => Promise<MetricsJson | null>,
): Promise<{ contentType: string; text: string }> {
  const [own, dispatcher, database] = await Promise.all([
    processMetrics().registry.getMetricsAsJSON(),
    dispatcherMetrics(),
    databaseGauges(sql()),
  ]);
  return renderMetrics([own, dispatcher ?? [], database]);
}
