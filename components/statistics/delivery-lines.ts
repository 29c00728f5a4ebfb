// Apart from the chart, so the totals above it take the colours without loading Recharts.

/**
 * The lines, their axis and colour: latency on the left (ms), the success rate on the right (%).
 * Each one's name is the message `deliveries.<key>`, as in the totals above the chart.
 */
export const DELIVERY_LINES = [
  { key: "p50", axis: "ms", color: "var(--color-latency-p50)", dash: undefined },
  { key: "p95", axis: "ms", color: "var(--color-latency-p95)", dash: "6 3" },
  { key: "p99", axis: "ms", color: "var(--color-latency-p99)", dash: "2 2" },
  { key: "successRate", axis: "rate", color: "var(--color-line-green)", dash: undefined },
] as const;
