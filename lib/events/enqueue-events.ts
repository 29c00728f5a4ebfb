import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import { newUlid } from "../ids/new-ulid";
import { completeEvent } from "./complete-event";
import type { SendEventsInput } from "./event-input";
import { toEventInputs } from "./event-input";

export type EnqueueResult =
  | { queued: true; webhookId: string; webhookEventIds: string[] }
  | { queued: false; webhookEventIds: string[]; message: string };

/**
 * Turns incoming events into one webhook and stores it before answering, so a restart loses
 * nothing. Like LINE, nothing is sent while Use webhook is off or no webhook URL is set.
 */
export async function enqueueEvents(
  db: Db,
  channelId: string,
  input: SendEventsInput,
  now = Date.now(),
): Promise<EnqueueResult> {
  const channel = await findChannelOrThrow(db, channelId);
  const events = toEventInputs(input).map((event) => completeEvent(channel.id, event, now));
  const webhookEventIds = events.map((event) => event.webhookEventId);
  if (!channel.useWebhook) {
    return {
      queued: false,
      webhookEventIds,
      message: "Use webhook is off for this channel, so the events were not sent.",
    };
  }
  if (!channel.webhookUrl) {
    return {
      queued: false,
      webhookEventIds,
      message: "No webhook URL is set for this channel, so the events were not sent.",
    };
  }
  const webhook = await db.webhook.create({
    data: {
      id: newUlid(now),
      channelId: channel.id,
      events: JSON.stringify(events),
      status: "pending",
      nextAttemptAt: new Date(now),
      eventIndex: { createMany: { data: webhookEventIds.map((id) => ({ webhookEventId: id })) } },
    },
  });
  return { queued: true, webhookId: webhook.id, webhookEventIds };
}
