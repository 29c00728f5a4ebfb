// Which of the console's origins to write into a link the console hands out (an invitation link).
// Pure.

/**
 * The origin the request's page was on (its `Origin`, when it is one of the console's origins:
 * the proxy refuses a state change from any other), else the first of `origins`
 * (CONSOLE_ORIGIN). Never the request's URL: behind scripts/serve.mjs its host is the one Next
 * was started with (`localhost`), whatever address the operator's browser used, and a link on a
 * host the console does not serve is refused (421).
 */
export function linkOrigin(headers: Headers, origins: readonly string[]): string {
  const origin = headers.get("origin");
  if (origin !== null && origins.includes(origin)) return origin;
  return origins[0] ?? "http://localhost:3000";
}
