import { z } from "zod";
import type { ListAuditOptions } from "../audit/list-audit";
import type { ListDeliveriesOptions } from "../dispatch/list-deliveries";
import { blankAsAbsent, queryInteger } from "./parse";

/**
 * A page of rows listed newest first by ULID: `limit` (1–200, 50 by default) and `before`, the
 * id of the oldest row of the previous page. `row` names what the id is of, in the message.
 */
function ulidPageInput(row: string) {
  return z.strictObject({
    limit: queryInteger({ min: 1, max: 200, fallback: 50 }),
    before: z.preprocess(
      blankAsAbsent,
      z
        .string()
        .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, `must be ${row} id from a previous page`)
        .optional(),
    ),
  });
}

/** The query string of GET /api/channels/{id}/deliveries. */
export const listDeliveriesInput = ulidPageInput(
  "an attempt",
) satisfies z.ZodType<ListDeliveriesOptions>;

/** The query string of GET /api/channels/{id}/audit and /api/providers/{id}/audit. */
export const listAuditInput = ulidPageInput("an entry") satisfies z.ZodType<ListAuditOptions>;
