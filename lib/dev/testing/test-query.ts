// The query strings the tests' API clients write by hand (the in-process one in contract-api.ts,
// the e2e one in e2e/support/console-api.ts): literal, so that a path or parameter the console
// renamed by mistake fails a test rather than following the rename.
import type { FailureReason } from "../../shared/failure-reasons";
import type { Bucket } from "../../shared/time-buckets";

/** The query string of the error statistics handlers; absent parameters are left out. */
export interface ErrorStatisticsQuery {
  from?: Date | string;
  to?: Date | string;
  bucket?: Bucket;
  reason?: FailureReason;
  page?: number;
  pageSize?: number;
}

/** The error statistics query with its instants written as ISO text. */
export function statisticsParams(query: ErrorStatisticsQuery) {
  const instant = (value: Date | string | undefined) =>
    value instanceof Date ? value.toISOString() : value;
  return { ...query, from: instant(query.from), to: instant(query.to) };
}

/** `?a=1&b=2` of the defined values, or "" when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
