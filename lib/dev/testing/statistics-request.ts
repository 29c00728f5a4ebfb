// The statistics routes' parsing in one call, for tests that hold a Request: the query string
// through the endpoint's schema, then the range rule (lib/http/statistics-range.ts), as the route
// handlers have it done for them.
import type { z } from "zod";
import { parseSearchParams } from "../../http/parse";
import { deliveryStatisticsInput, errorStatisticsInput } from "../../http/statistics-input";
import { statisticsRange } from "../../http/statistics-range";
import { retentionWindowsFromEnv } from "../../retention/retention-settings";
import type { RetentionWindows } from "../../shared/retention-windows";
import type { Bucket } from "../../shared/time-buckets";

/** An error statistics request → its query, range and retention cutoffs, or a 400's error. */
export function parseStatisticsRequest(
  request: Request,
  now = new Date(),
  windows: RetentionWindows | null = retentionWindowsFromEnv(),
) {
  return parseRangeRequest(request, errorStatisticsInput, now, windows);
}

/** The same for the success rate and latency statistics, whose query has no reason or page. */
export function parseDeliveryStatisticsRequest(
  request: Request,
  now = new Date(),
  windows: RetentionWindows | null = retentionWindowsFromEnv(),
) {
  return parseRangeRequest(request, deliveryStatisticsInput, now, windows);
}

function parseRangeRequest<Q extends { from?: Date; to?: Date; bucket?: Bucket }>(
  request: Request,
  schema: z.ZodType<Q>,
  now: Date,
  windows: RetentionWindows | null,
) {
  return statisticsRange(parseSearchParams(request, schema), now, windows);
}
