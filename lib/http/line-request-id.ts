// The LINE-compatible API's request id: LINE puts an `X-Line-Request-Id` (a UUID) on every
// answer, errors included, and the console logs each /v2 answer with it, so an operator can find
// the line a bot developer quotes. Pure (Web Crypto, no server-only imports): the route wrapper
// (line-route.ts) and the HTTP server in front of Next (scripts/serve.mjs, with its request gate)
// both answer /v2 requests, and both use this.

export const LINE_REQUEST_ID_HEADER = "x-line-request-id";

/** Whether a path is the LINE-compatible API's. */
export function isLineApiPath(path: string): boolean {
  return path === "/v2" || path.startsWith("/v2/");
}

/**
 * A new request id, logged with the answer it goes on:
 * `[v2] GET /v2/bot/channel/webhook/endpoint 404 3.1 ms <request id>`.
 */
export function logLineAnswer(
  method: string,
  path: string,
  status: number,
  startedMs: number,
): string {
  const requestId = crypto.randomUUID();
  const ms = (performance.now() - startedMs).toFixed(1);
  console.log(`[v2] ${method} ${path} ${status} ${ms} ms ${requestId}`);
  return requestId;
}
