// The deliveries explorer's vocabulary, shared by its query string and its page.
import { formatUtc9Date, formatUtc9Time } from "./utc9";

/** Attempts per explorer page, on the server's first page and the browser's next ones. */
export const EXPLORER_PAGE_SIZE = 50;

/** What became of an attempt, or of its webhook since. */
export const DELIVERY_RESULTS = ["success", "failed", "given_up", "pending_redelivery"] as const;
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];

/** The explorer's filters as they appear in its URL and the API's query string. */
export const DELIVERY_FILTER_PARAMS = [
  "result",
  "reason",
  "detail",
  "statusCode",
  "from",
  "to",
  "redelivery",
  "counted",
  "webhookEventId",
] as const;
export type DeliveryFilterParam = (typeof DELIVERY_FILTER_PARAMS)[number];

/** Only the filters of a query string, blanks left out: what the explorer's URL carries. */
export function deliveryFilterSearch(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const name of DELIVERY_FILTER_PARAMS) {
    const value = params[name]?.trim();
    if (value) search.set(name, value);
  }
  return search.toString();
}

/** A row of LINE's error table: its day, first and last error (UTC+9), reason and detail. */
export interface ErrorRowRef {
  date: string;
  start: string;
  end: string;
  reason: string;
  detail: string;
}

/**
 * The explorer's filters for exactly the attempts an error table row counts: counted in the
 * statistics, its reason and detail, from its first error's second up to (not including) the
 * second after its last. A row is one 60-second window, so that span holds no other window's.
 */
export function errorRowFilterSearch(row: ErrorRowRef): string {
  const lastSecond = Date.parse(`${row.date}T${row.end}+09:00`);
  const after = new Date(lastSecond + 1000);
  return new URLSearchParams({
    result: "failed",
    reason: row.reason,
    detail: row.detail,
    from: `${row.date}T${row.start}+09:00`,
    to: `${formatUtc9Date(after)}T${formatUtc9Time(after)}+09:00`,
    counted: "true",
  }).toString();
}
