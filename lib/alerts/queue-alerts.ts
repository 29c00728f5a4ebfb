import "server-only";
import type { DbTransaction } from "../db/client";
import type { StoredEvent } from "../events/complete-event";
import { newUlid } from "../ids/new-ulid";
import { type ChannelKind, isOperational } from "../shared/channel-kinds";
import type { Alert } from "./alert-payloads";
import { parseAlertTypes } from "./alert-types";

/**
 * Queues `alert` about `source` for each operational webhook of its provider that takes its type
 * and sends (Use webhook on, a URL set), in the caller's transaction: with the email it belongs
 * to, or not at all. Each becomes an ordinary webhook of that operational webhook's channel, which
 * the dispatcher sends, retries, classifies and records as it does LINE's (ADR 33). Nothing is
 * queued about an operational webhook itself: its failures would alert about themselves.
 * Returns how many were queued.
 */
export async function queueAlerts(
  tx: DbTransaction,
  source: { providerId: string; kind: string },
  alert: Alert,
  now: Date,
): Promise<number> {
  if (isOperational(source.kind)) return 0;
  const targets = (
    await tx.channel.findMany({
      where: {
        providerId: source.providerId,
        kind: "operational" satisfies ChannelKind,
        useWebhook: true,
        webhookUrl: { not: null },
      },
      select: { id: true, alertTypes: true, pausedAt: true },
    })
  ).filter((target) => parseAlertTypes(target.alertTypes).includes(alert.type));
  if (targets.length === 0) return 0;
  const webhooks = targets.map((target) => {
    const event: StoredEvent = {
      type: alert.type,
      webhookEventId: newUlid(now.getTime()),
      timestamp: now.getTime(),
      data: alert.data,
    };
    return {
      id: newUlid(now.getTime()),
      channelId: target.id,
      events: JSON.stringify([event]),
      // A paused operational webhook keeps its alerts until it is resumed, as a channel does.
      status: target.pausedAt === null ? "pending" : "paused",
      nextAttemptAt: now,
      createdAt: now,
      eventId: event.webhookEventId,
    };
  });
  await tx.webhook.createMany({ data: webhooks.map(({ eventId: _, ...row }) => row) });
  await tx.webhookEvent.createMany({
    data: webhooks.map((row) => ({ webhookEventId: row.eventId, webhookId: row.id })),
  });
  return webhooks.length;
}
