import { z } from "zod";
import { FAILURE_REASONS } from "../dispatch/failure-reasons";
import { blankAsAbsent } from "../http/parse";
import { BUCKET_MS, BUCKETS, bucketCount, MAX_BUCKETS, MAX_RANGE_DAYS } from "./time-buckets";

export const DEFAULT_RANGE_MS = BUCKET_MS.day;

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

/** The query string of the error statistics route handlers. */
export const errorStatisticsQuery = z.strictObject({
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
});
export type ErrorStatisticsQuery = z.infer<typeof errorStatisticsQuery>;

export interface ResolvedRange {
  from: Date;
  to: Date;
}

export class RangeProblem extends Error {
  constructor(
    readonly property: "from" | "to" | "bucket",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fills in the default range (the last 24 hours up to `now`) and checks it: `from` not after
 * `to`, at most 90 days, and not more buckets than a chart can take.
 */
export function resolveRange(
  query: Pick<ErrorStatisticsQuery, "from" | "to" | "bucket">,
  now: Date,
): ResolvedRange {
  const to = query.to ?? (query.from && query.from > now ? query.from : now);
  const from = query.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from > to) throw new RangeProblem("from", "must not be after to");
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * BUCKET_MS.day) {
    throw new RangeProblem("to", `must be at most ${MAX_RANGE_DAYS} days after from`);
  }
  if (query.bucket && bucketCount(from, to, query.bucket) > MAX_BUCKETS) {
    throw new RangeProblem(
      "bucket",
      `gives more than ${MAX_BUCKETS} buckets for this range; choose a larger one`,
    );
  }
  return { from, to };
}
