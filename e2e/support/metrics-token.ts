/** The e2e consoles' METRICS_TOKEN: what e2e/api/metrics.api.spec.ts scrapes /metrics with. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";
