import { formatUtc9Date, formatUtc9Time } from "./utc9";

// The success rate and latency table as the Statistics tab shows it and its TSV download holds:
// one row per bucket, its start in UTC+9, the rate as a percentage and the percentiles in whole
// milliseconds (they are estimates within ±2 %: a decimal would suggest more precision).

/** One bucket of the delivery statistics, as the API answers it. */
export interface DeliveryPoint {
  /** ISO 8601 instant (UTC) of the bucket start. */
  bucketStart: string;
  attempts: number;
  successes: number;
  /** 0 to 1; null without attempts. */
  successRate: number | null;
  /** Latency percentiles of the successes in ms; null without successes. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface DeliveryRow {
  /** "YYYY-MM-DD" in UTC+9, of the bucket start. */
  date: string;
  /** "HH:MM:SS" in UTC+9, of the bucket start. */
  start: string;
  attempts: number;
  successes: number;
  /** "99.50" (percent, two decimals); "" without attempts. */
  successRate: string;
  /** Whole milliseconds; "" without successes. */
  p50: string;
  p95: string;
  p99: string;
}

/** A rate as a percentage with two decimals, "" when there is none. */
export function formatSuccessRate(rate: number | null): string {
  return rate === null ? "" : (rate * 100).toFixed(2);
}

/** A latency estimate in whole milliseconds, "" when there is none. */
export function formatLatency(ms: number | null): string {
  return ms === null ? "" : String(Math.round(ms));
}

export function toDeliveryRow(point: DeliveryPoint): DeliveryRow {
  const start = new Date(point.bucketStart);
  return {
    date: formatUtc9Date(start),
    start: formatUtc9Time(start),
    attempts: point.attempts,
    successes: point.successes,
    successRate: formatSuccessRate(point.successRate),
    p50: formatLatency(point.p50),
    p95: formatLatency(point.p95),
    p99: formatLatency(point.p99),
  };
}

export const deliveryTsvHeader =
  "Date\tStart\tAttempts\tSuccesses\tSuccess rate (%)\tp50 (ms)\tp95 (ms)\tp99 (ms)";

/** The table's rows: buckets with attempts, newest first (as the errors table reads). */
export function deliveryRows(points: readonly DeliveryPoint[]): DeliveryRow[] {
  return points
    .filter((point) => point.attempts > 0)
    .map(toDeliveryRow)
    .reverse();
}

/** The table as TSV: the header and one line per row, every line ended by "\n". */
export function toDeliveryTsv(points: readonly DeliveryPoint[]): string {
  const lines = deliveryRows(points).map((row) =>
    [
      row.date,
      row.start,
      row.attempts,
      row.successes,
      row.successRate,
      row.p50,
      row.p95,
      row.p99,
    ].join("\t"),
  );
  return [deliveryTsvHeader, ...lines].map((line) => `${line}\n`).join("");
}
