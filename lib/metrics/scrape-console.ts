import "server-only";
import { sql } from "../db/sql-driver";
import { dispatcherProcessMetrics } from "../dispatch/dispatcher-instance";
import { processMetrics } from "./console-metrics";
import { databaseGauges } from "./database-gauges";
import { renderMetrics } from "./render-metrics";

/**
 * What the console's `/metrics` answers: this process's metrics (HTTP requests, Node's own), its
 * dispatcher process's (attempts, leases, emails; asked over IPC, absent while it restarts), and
 * the database's gauges.
 */
export async function scrapeConsole(): Promise<{ contentType: string; text: string }> {
  const [own, dispatcher, database] = await Promise.all([
    processMetrics().registry.getMetricsAsJSON(),
    dispatcherProcessMetrics(),
    databaseGauges(sql()),
  ]);
  return renderMetrics([own, dispatcher ?? [], database]);
}
