import "server-only";
import type { Channel } from "../db/client";

/**
 * What the console API shows of a channel. The secret is left out on purpose: it is fetched
 * only when the operator asks to reveal it (GET /api/channels/{id}/secret).
 */
/** The columns the view shows (a read that needs no more selects these). */
export const CHANNEL_VIEW_FIELDS = [
  "id",
  "providerId",
  "name",
  "description",
  "botUserId",
  "webhookUrl",
  "useWebhook",
  "webhookRedelivery",
  "errorStatisticsAggregation",
  "notificationEmail",
  "errorNotification",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Channel)[];

export function toChannelView(channel: Pick<Channel, (typeof CHANNEL_VIEW_FIELDS)[number]>) {
  return {
    id: channel.id,
    providerId: channel.providerId,
    name: channel.name,
    description: channel.description,
    botUserId: channel.botUserId,
    webhookUrl: channel.webhookUrl,
    useWebhook: channel.useWebhook,
    webhookRedelivery: channel.webhookRedelivery,
    errorStatisticsAggregation: channel.errorStatisticsAggregation,
    notificationEmail: channel.notificationEmail,
    errorNotification: channel.errorNotification,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

export type ChannelView = ReturnType<typeof toChannelView>;
