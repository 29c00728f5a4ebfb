import { endpoint } from "../endpoint";

/**
 * This console's metrics in Prometheus's text format, for a scraper holding METRICS_TOKEN
 * (docs/operations.md, Metrics). Text, not JSON: the type parameter is unused.
 */
export const metrics = endpoint<string>()({
  method: "GET",
  path: "/metrics",
  access: "metrics-token",
});
