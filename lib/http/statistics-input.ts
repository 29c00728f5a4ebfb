import { z } from "zod";
import { FAILURE_REASONS } from "../shared/failure-reasons";
import { instantInput } from "../shared/instant-input";
import { BUCKETS } from "../shared/time-buckets";
import type { DeliveryStatisticsOptions } from "../statistics/query-delivery-statistics";
import type { ErrorStatisticsOptions } from "../statistics/query-error-statistics";
import { blankAsAbsent, queryInteger } from "./parse";

/** An instant in a query string: ISO 8601 with seconds and an offset; absent when empty. */
export const queryInstant = z.preprocess(blankAsAbsent, instantInput.optional());

/** More pages than any 90-day range has rows; it keeps the row offset a safe integer. */
const MAX_PAGE = 1_000_000_000;

const queryBucket = z.preprocess(
  blankAsAbsent,
  z.enum(BUCKETS, { error: `must be one of ${BUCKETS.join(", ")}` }).optional(),
);

/** The query string of the error statistics route handlers (JSON and TSV). */
export const errorStatisticsInput = z.strictObject({
  from: queryInstant,
  to: queryInstant,
  bucket: queryBucket,
  reason: z.preprocess(
    blankAsAbsent,
    z.enum(FAILURE_REASONS, { error: `must be one of ${FAILURE_REASONS.join(", ")}` }).optional(),
  ),
  page: queryInteger({ min: 1, max: MAX_PAGE, fallback: 1 }),
  pageSize: queryInteger({ min: 1, max: 200, fallback: 50 }),
}) satisfies z.ZodType<ErrorStatisticsOptions & { from?: Date; to?: Date }>;
export type ErrorStatisticsInput = z.infer<typeof errorStatisticsInput>;

/**
 * The query string of the success rate and latency route handlers (JSON and TSV): the range and
 * bucket only; a reason or page would be ignored, so it is refused instead.
 */
export const deliveryStatisticsInput = z.strictObject({
  from: queryInstant,
  to: queryInstant,
  bucket: queryBucket,
}) satisfies z.ZodType<DeliveryStatisticsOptions & { from?: Date; to?: Date }>;
