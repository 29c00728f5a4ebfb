import "server-only";
import type { Channel, Db } from "../db/client";
import type { SetWebhookEndpointInput } from "./channel-input";

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
