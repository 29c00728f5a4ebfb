import "server-only";
import { parseAlertTypes } from "../alerts/alert-types";
import type { Channel } from "../db/client";
import { type ChannelKind, isOperational } from "../shared/channel-kinds";
import { type PauseReason, type PauseRule, parsePauseReason } from "./pause-limits";

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
  "kind",
  "alertTypes",
  "botUserId",
  "webhookUrl",
  "useWebhook",
  "webhookRedelivery",
  "errorStatisticsAggregation",
  "notificationEmail",
  "errorNotification",
  "pauseAfterFailingMinutes",
  "pauseAfterFailedAttempts",
  "pausedAt",
  "pausedBecause",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Channel)[];

export function toChannelView(channel: Pick<Channel, (typeof CHANNEL_VIEW_FIELDS)[number]>) {
  return {
    id: channel.id,
    providerId: channel.providerId,
    name: channel.name,
    description: channel.description,
    /** "line": a Messaging API channel; "operational": an operational webhook (ADR 33). */
    kind: channel.kind as ChannelKind,
    /** An operational webhook's alert types (every type unless chosen); null for LINE's. */
    alertTypes: isOperational(channel.kind) ? parseAlertTypes(channel.alertTypes) : null,
    botUserId: channel.botUserId,
    webhookUrl: channel.webhookUrl,
    useWebhook: channel.useWebhook,
    webhookRedelivery: channel.webhookRedelivery,
    errorStatisticsAggregation: channel.errorStatisticsAggregation,
    notificationEmail: channel.notificationEmail,
    errorNotification: channel.errorNotification,
    /** When sending pauses by itself (lib/channels/pause-sending.ts); null: never. */
    pauseRule: (channel.pauseAfterFailingMinutes === null
      ? null
      : {
          minutes: channel.pauseAfterFailingMinutes,
          attempts: channel.pauseAfterFailedAttempts,
        }) satisfies PauseRule | null,
    /** Set while sending is paused: since when, and why (null for a reason not recorded). */
    paused: (channel.pausedAt === null
      ? null
      : {
          since: channel.pausedAt.toISOString(),
          because: parsePauseReason(channel.pausedBecause),
        }) satisfies { since: string; because: PauseReason | null } | null,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

export type ChannelView = ReturnType<typeof toChannelView>;
