import { z } from "zod";
import type { Channel, Db } from "../db/client";
import { webhookUrlProblem } from "./webhook-url";

/**
 * LINE's `PUT /v2/bot/channel/webhook/endpoint` body. The same URL rules as the console; LINE
 * ignores properties it does not know, so this does too (SDKs may send more in later versions).
 */
export const setWebhookEndpointInput = z.object({
  endpoint: z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
export type SetWebhookEndpointInput = z.infer<typeof setWebhookEndpointInput>;

/** LINE's `GET /v2/bot/channel/webhook/endpoint` answer: "" when no URL is set. */
export function getWebhookEndpoint(channel: Pick<Channel, "webhookUrl" | "useWebhook">) {
  return { endpoint: channel.webhookUrl ?? "", active: channel.useWebhook };
}

export async function setWebhookEndpoint(
  db: Db,
  channelId: string,
  input: SetWebhookEndpointInput,
) {
  await db.channel.update({ where: { id: channelId }, data: { webhookUrl: input.endpoint } });
  return {};
}
