// What starting a replay takes: pure, for the route's schema and the Deliveries tab's dialog.
import { z } from "zod";
import { MAX_REPLAY_RATE } from "./replay-limits";

/** The filters arrive as the explorer's URL query string; this bounds what is read of it. */
const MAX_FILTER_LENGTH = 2000;

const filterText = z
  .string({ error: "must be the deliveries filters as a query string" })
  .max(MAX_FILTER_LENGTH, `must be at most ${MAX_FILTER_LENGTH} characters`);

const includeDelivered = z.boolean({ error: "must be true or false" });

/** The dry run: how many webhooks a replay of these filters would send. */
export const previewReplayInput = z.strictObject({
  filter: filterText,
  includeDelivered: includeDelivered.optional(),
});

export const startReplayInput = z.strictObject({
  filter: filterText,
  /** Delivered webhooks too: only when the operator confirmed it. */
  includeDelivered: includeDelivered.optional(),
  ratePerSecond: z
    .number({ error: "must be a number of webhooks per second" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_REPLAY_RATE, `must be at most ${MAX_REPLAY_RATE}`)
    .optional(),
});
export type StartReplayInput = z.infer<typeof startReplayInput>;
