import { z } from "zod";
import { REDELIVER_NOW_LIMIT } from "../shared/redeliver-now";

/** The body of POST /api/channels/{id}/deliveries/redeliver: which webhooks to send again now. */
export const redeliverNowInput = z.strictObject({
  webhookIds: z
    .array(
      z
        .string({ error: "must be webhook ids (strings)" })
        .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be webhook ids (ULIDs)"),
      { error: "must be an array of webhook ids" },
    )
    .min(1, "must name at least one webhook")
    .max(REDELIVER_NOW_LIMIT, `must name at most ${REDELIVER_NOW_LIMIT} webhooks`),
});
export type RedeliverNowInput = z.infer<typeof redeliverNowInput>;
