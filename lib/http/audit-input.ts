import { z } from "zod";
import type { ListAuditOptions } from "../audit/list-audit";
import { blankAsAbsent, queryInteger } from "./parse";

/** The query string of GET /api/channels/{id}/audit and /api/providers/{id}/audit. */
export const listAuditInput = z.strictObject({
  limit: queryInteger({ min: 1, max: 200, fallback: 50 }),
  before: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be an entry id from a previous page")
      .optional(),
  ),
}) satisfies z.ZodType<ListAuditOptions>;
