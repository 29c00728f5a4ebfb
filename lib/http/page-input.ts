import { z } from "zod";
import type { ListAuditOptions } from "../audit/list-audit";
import type { ListDeliveriesOptions } from "../deliveries/list-deliveries";
import type { ListNotificationsOptions } from "../notifications/list-notifications";
import { DELIVERY_RESULTS } from "../shared/delivery-filters";
import { FAILURE_REASONS } from "../shared/failure-reasons";
import { blankAsAbsent, queryInteger } from "./parse";
import { queryInstant } from "./statistics-input";

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

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** `true` or `false` in a query string; absent when empty. */
const queryBoolean = z.preprocess(
  blankAsAbsent,
  z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((value) => value === "true")
    .optional(),
);

/**
 * The query string of GET /api/channels/{id}/deliveries: a page, and the explorer's filters (each
 * optional; together they must all hold). The detail is LINE's text (`Connection failed`, `500`).
 */
export const listDeliveriesInput = ulidPageInput("an attempt").extend({
  result: z.preprocess(
    blankAsAbsent,
    z.enum(DELIVERY_RESULTS, { error: `must be one of ${DELIVERY_RESULTS.join(", ")}` }).optional(),
  ),
  reason: z.preprocess(
    blankAsAbsent,
    z.enum(FAILURE_REASONS, { error: `must be one of ${FAILURE_REASONS.join(", ")}` }).optional(),
  ),
  detail: z.preprocess(
    blankAsAbsent,
    z.string().max(100, "must be at most 100 characters").optional(),
  ),
  statusCode: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(
        /^[0-9]{1,3}$/,
        "must be an HTTP status code in decimal digits, e.g. 500 (0: no answer)",
      )
      .transform(Number)
      .optional(),
  ),
  from: queryInstant,
  to: queryInstant,
  redelivery: queryBoolean,
  counted: queryBoolean,
  webhookEventId: z.preprocess(
    blankAsAbsent,
    z.string().regex(ULID, "must be a webhookEventId (a ULID)").optional(),
  ),
}) satisfies z.ZodType<ListDeliveriesOptions>;

/** The query string of GET /api/channels/{id}/audit and /api/providers/{id}/audit. */
/** The explorer's filters alone, as a replay by filter takes them (its URL's query string). */
export const deliveryFiltersInput = listDeliveriesInput.omit({ limit: true, before: true });

export const listAuditInput = ulidPageInput("an entry") satisfies z.ZodType<ListAuditOptions>;

export const listNotificationsInput = ulidPageInput(
  "a notification",
) satisfies z.ZodType<ListNotificationsOptions>;
