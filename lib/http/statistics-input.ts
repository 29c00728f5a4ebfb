import { z } from "zod";
import { FAILURE_REASONS } from "../shared/failure-reasons";
import { BUCKETS } from "../shared/time-buckets";
import type { ErrorStatisticsOptions } from "../statistics/query-error-statistics";
import { blankAsAbsent } from "./parse";

const instant = z.preprocess(
  blankAsAbsent,
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), {
      message: "must be an ISO 8601 instant, e.g. 2026-11-27T00:00:00Z",
    })
    .transform((value) => new Date(value))
    .optional(),
);

const positiveInt = (max?: number) => {
  let schema = z.coerce
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1");
  if (max) schema = schema.max(max, `must be at most ${max}`);
  return schema;
};

/** The query string of the error statistics route handlers (JSON and TSV). */
export const errorStatisticsInput = z.strictObject({
  from: instant,
  to: instant,
  bucket: z.preprocess(
    blankAsAbsent,
    z.enum(BUCKETS, { error: `must be one of ${BUCKETS.join(", ")}` }).optional(),
  ),
  reason: z.preprocess(
    blankAsAbsent,
    z.enum(FAILURE_REASONS, { error: `must be one of ${FAILURE_REASONS.join(", ")}` }).optional(),
  ),
  page: z.preprocess(blankAsAbsent, positiveInt().default(1)),
  pageSize: z.preprocess(blankAsAbsent, positiveInt(200).default(50)),
}) satisfies z.ZodType<ErrorStatisticsOptions & { from?: Date; to?: Date }>;
export type ErrorStatisticsInput = z.infer<typeof errorStatisticsInput>;
