import type { StoredEvent } from "../../events/complete-event";
import type { OutgoingWebhook } from "./outgoing-webhook";
import { signBody } from "./signature";

// LINE's webhook requests identify themselves as "LineBotWebhook/2.0".
export const WEBHOOK_USER_AGENT = "LineBotWebhook/2.0";

/**
 * The exact bytes LINE would POST: {"destination", "events"} with each event's deliveryContext,
 * signed with the channel secret over the raw body.
 */
export function buildWebhookRequest(input: {
  channelSecret: string;
  destination: string;
  events: StoredEvent[];
  isRedelivery: boolean;
}): OutgoingWebhook {
  const body = Buffer.from(
    JSON.stringify({
      destination: input.destination,
      events: input.events.map((event) => ({
        ...event,
        deliveryContext: { isRedelivery: input.isRedelivery },
      })),
    }),
    "utf8",
  );
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": WEBHOOK_USER_AGENT,
      "x-line-signature": signBody(input.channelSecret, body),
    },
  };
}
