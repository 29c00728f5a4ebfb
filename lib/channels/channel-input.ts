import { z } from "zod";
import { nameInput } from "../shared/name-input";
import { webhookUrlProblem } from "../shared/webhook-url";
import { webhookUrlPolicyFromEnv } from "./webhook-url-policy";

/** Refuses a URL the deployment's policy does not allow, with the rule's message. */
function checkWebhookUrl(value: string, ctx: z.RefinementCtx) {
  const problem = webhookUrlProblem(value, webhookUrlPolicyFromEnv());
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/** A webhook URL as stored: trimmed, validated; `null` (or "") clears it. */
export const webhookUrlInput = z
  .string({ error: "must be a string or null" })
  .trim()
  .nullable()
  .transform((value) => (value === "" ? null : value))
  .superRefine((value, ctx) => {
    if (value !== null) checkWebhookUrl(value, ctx);
  });

const descriptionInput = z
  .string({ error: "must be a string" })
  .trim()
  .max(500, "must be at most 500 characters");

export const createChannelInput = z.strictObject({
  name: nameInput,
  description: descriptionInput.optional(),
});
export type CreateChannelInput = z.infer<typeof createChannelInput>;

const flag = z.boolean({ error: "must be true or false" });

/** A partial update of a channel's settings; unknown properties are refused, not ignored. */
export const updateChannelInput = z
  .strictObject({
    name: nameInput.optional(),
    description: descriptionInput.optional(),
    webhookUrl: webhookUrlInput.optional(),
    useWebhook: flag.optional(),
    webhookRedelivery: flag.optional(),
    errorStatisticsAggregation: flag.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, {
    message: "must change at least one setting",
  });
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;

/**
 * LINE's `PUT /v2/bot/channel/webhook/endpoint` body. The same URL rules as the console; LINE
 * ignores properties it does not know, so this does too (SDKs may send more in later versions).
 */
export const setWebhookEndpointInput = z.object({
  endpoint: z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .superRefine(checkWebhookUrl),
});
export type SetWebhookEndpointInput = z.infer<typeof setWebhookEndpointInput>;
