import type { StoredEvent } from "../../events/complete-event";
import type { OutgoingWebhook } from "./outgoing-webhook";
import { signBody } from "./signature";

// LINE's webhook requests identify themselves as "LineBotWebhook/2.0".
export const WEBHOOK_USER_AGENT = "LineBotWebhook/2.0";

/** The exact bytes LINE would POST: {"destination", "events"} with each event's deliveryContext. */
export function lineWebhookBody(
  destination: string,
  events: StoredEvent[],
  isRedelivery: boolean,
): Buffer {
  return Buffer.from(
    JSON.stringify({
      destination,
      events: events.map((event) => ({ ...event, deliveryContext: { isRedelivery } })),
    }),
    "utf8",
  );
}

/** LINE's request: that body, signed with the channel secret over its raw bytes. */
export function buildWebhookRequest(input: {
  channelSecret: string;
  destination: string;
  events: StoredEvent[];
  isRedelivery: boolean;
}): OutgoingWebhook {
  const body = lineWebhookBody(input.destination, input.events, input.isRedelivery);
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": WEBHOOK_USER_AGENT,
      "x-line-signature": signBody(input.channelSecret, body),
    },
  };
}
