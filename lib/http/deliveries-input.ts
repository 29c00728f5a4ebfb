import { z } from "zod";
import type { ListDeliveriesOptions } from "../dispatch/list-deliveries";
import { blankAsAbsent, queryInteger } from "./parse";

/** The query string of GET /api/channels/{id}/deliveries. */
export const listDeliveriesInput = z.strictObject({
  limit: queryInteger({ min: 1, max: 200, fallback: 50 }),
  /** An attempt id (ULID): list attempts older than it, for paging. */
  before: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be an attempt id from a previous page")
      .optional(),
  ),
}) satisfies z.ZodType<ListDeliveriesOptions>;
