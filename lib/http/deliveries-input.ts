import { z } from "zod";
import type { ListDeliveriesOptions } from "../dispatch/list-deliveries";
import { blankAsAbsent } from "./parse";

/** The query string of GET /api/channels/{id}/deliveries. */
export const listDeliveriesInput = z.strictObject({
  limit: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: "must be a number" })
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(200, "must be at most 200")
      .default(50),
  ),
  /** An attempt id (ULID): list attempts older than it, for paging. */
  before: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be an attempt id from a previous page")
      .optional(),
  ),
}) satisfies z.ZodType<ListDeliveriesOptions>;
