// What a worker answers over HTTP, on the ports its settings name: liveness and readiness
// (WORKER_HEALTH_PORT) and its metrics (WORKER_METRICS_PORT); one server when both are the same.
import "server-only";
import http from "node:http";
import type { createDbClient } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { processMetrics } from "../metrics/console-metrics";
import { databaseGauges } from "../metrics/database-gauges";
import { renderMetrics } from "../metrics/render-metrics";
import {
  METRICS_OFF_MESSAGE,
  SCRAPE_REFUSED_MESSAGE,
  scrapeAccess,
} from "../metrics/scrape-access";

type Db = ReturnType<typeof createDbClient>;

export interface WorkerEndpointSettings {
  healthPort: number | null;
  metricsPort: number | null;
  /** METRICS_TOKEN; null: /metrics answers 404. */
  metricsToken: string | null;
  hostname: string;
}

type Answer = { status: number; type: string; body: string; headers?: Record<string, string> };

const json = (status: number, body: object, headers?: Record<string, string>): Answer => ({
  status,
  type: "application/json",
  body: JSON.stringify(body),
  headers,
});

/**
 * Starts one server per port named and resolves once each listens (the worker says it runs only
 * then, so whoever waits for that line can scrape at once); returns them, to close on stop.
 */
export async function serveWorkerEndpoints(
  db: Db,
  settings: WorkerEndpointSettings,
): Promise<http.Server[]> {
  const ports = new Map<number, Set<"health" | "metrics">>();
  const serve = (port: number | null, what: "health" | "metrics") => {
    if (port === null) return;
    ports.set(port, (ports.get(port) ?? new Set()).add(what));
  };
  serve(settings.healthPort, "health");
  serve(settings.metricsPort, "metrics");
  const servers = [...ports].map(([port, serves]) => {
    const server = http.createServer(async (request, response) => {
      const answer = await answerFor(db, settings, serves, request);
      response.writeHead(answer.status, {
        "content-type": answer.type,
        "cache-control": "no-store",
        ...answer.headers,
      });
      response.end(answer.body);
    });
    return { server, port, serves };
  });
  await Promise.all(
    servers.map(
      ({ server, port, serves }) =>
        new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(port, settings.hostname, () => {
            console.log(`[worker] ${[...serves].join(" and ")} on ${settings.hostname}:${port}`);
            resolve();
          });
        }),
    ),
  );
  return servers.map(({ server }) => server);
}

async function answerFor(
  db: Db,
  settings: WorkerEndpointSettings,
  serves: ReadonlySet<"health" | "metrics">,
  request: http.IncomingMessage,
): Promise<Answer> {
  const path = (request.url ?? "/").split("?")[0];
  if (request.method !== "GET" && request.method !== "HEAD") {
    return json(
      405,
      { message: `Method ${request.method} is not allowed` },
      { allow: "GET, HEAD" },
    );
  }
  // GET /health: the process lives (200). GET /ready: it can reach the database (200, else
  // 503), for a process manager that restarts or a balancer that routes by it.
  if (serves.has("health") && path === "/health") return json(200, { status: "ok" });
  if (serves.has("health") && path === "/ready") {
    try {
      await db.$queryRaw`SELECT 1`;
      return json(200, { status: "ready" });
    } catch {
      return json(503, { status: "unavailable" });
    }
  }
  if (serves.has("metrics") && path === "/metrics") {
    const access = scrapeAccess(request.headers.authorization ?? null, settings.metricsToken);
    if (access === "off") return json(404, { message: METRICS_OFF_MESSAGE });
    if (access === "refused") {
      return json(401, { message: SCRAPE_REFUSED_MESSAGE }, { "www-authenticate": "Bearer" });
    }
    try {
      const { contentType, text } = await renderMetrics([
        await processMetrics().registry.getMetricsAsJSON(),
        await databaseGauges(prismaSql(db)),
      ]);
      return { status: 200, type: contentType, body: text };
    } catch {
      return json(503, { message: "The database cannot be read: metrics are unavailable" });
    }
  }
  return json(404, { message: "Not found" });
}
