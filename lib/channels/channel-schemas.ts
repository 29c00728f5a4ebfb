import { z } from "zod";
import { webhookUrlInput } from "./webhook-url";

export const channelNameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

const descriptionSchema = z
  .string({ error: "must be a string" })
  .trim()
  .max(500, "must be at most 500 characters");

export const createChannelInput = z.strictObject({
  name: channelNameSchema,
  description: descriptionSchema.optional(),
});
export type CreateChannelInput = z.infer<typeof createChannelInput>;

const flag = z.boolean({ error: "must be true or false" });

/** A partial update of a channel's settings; unknown properties are refused, not ignored. */
export const updateChannelInput = z
  .strictObject({
    name: channelNameSchema.optional(),
    description: descriptionSchema.optional(),
    webhookUrl: webhookUrlInput.optional(),
    useWebhook: flag.optional(),
    webhookRedelivery: flag.optional(),
    errorStatisticsAggregation: flag.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, {
    message: "must change at least one setting",
  });
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;
