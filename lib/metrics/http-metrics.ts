// HTTP request durations, timed by scripts/serve.mjs for every request it takes: pure (loaded
// there through tsx), and counted into the process's registry (console-metrics.ts).
import type { ServerResponse } from "node:http";
import { processMetrics } from "./console-metrics";

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The `route` label: a route handler's pattern (`/api/channels/[channelId]`), never the path
 * itself, so that ids do not each make a series; every page is `page`, the build's files
 * `/_next`, and a request refused before its route was known `none`.
 */
export function routeLabel(pattern: string | null, pathname: string | null): string {
  if (pattern !== null) return pattern;
  if (pathname === null) return "none";
  return pathname.startsWith("/_next/") ? "/_next" : "page";
}

/** What serve.mjs fills in as it learns it; read when the answer has been written. */
export interface RequestTiming {
  pattern: string | null;
  pathname: string | null;
}

/** Starts timing a request; observed once its answer is written (not for a dropped one). */
export function timeRequest(method: string | undefined, response: ServerResponse): RequestTiming {
  const started = performance.now();
  const timing: RequestTiming = { pattern: null, pathname: null };
  response.once("finish", () => {
    processMetrics().httpDuration.observe(
      {
        route: routeLabel(timing.pattern, timing.pathname),
        method: method !== undefined && KNOWN_METHODS.has(method) ? method : "other",
        status: String(response.statusCode),
      },
      (performance.now() - started) / 1000,
    );
  });
  return timing;
}
