import type { StoredEvent } from "../../events/complete-event";
import { isOperational } from "../../shared/channel-kinds";
import { alertBody, buildAlertRequest, signAlert } from "./alert-request";
import type { OutgoingWebhook } from "./outgoing-webhook";
import { signBody } from "./signature";
import { buildWebhookRequest, lineWebhookBody } from "./webhook-request";

/** What building a channel's request reads of it (its secret opened). */
export interface RequestChannel {
  kind: string;
  channelSecret: string;
  botUserId: string;
}

/**
 * A webhook's request as its channel's kind sends it: LINE's `{"destination", "events"}` signed
 * with x-line-signature, or an operational webhook's one alert, signed as Standard Webhooks sign.
 * `now` is the send's time (an alert's signature covers it).
 */
export function buildRequestFor(
  channel: RequestChannel,
  events: StoredEvent[],
  isRedelivery: boolean,
  now: number,
): OutgoingWebhook {
  if (isOperational(channel.kind)) {
    const [event] = events;
    if (!event) throw new Error("an operational webhook carries one alert");
    return buildAlertRequest({ signingSecret: channel.channelSecret, event, now });
  }
  return buildWebhookRequest({
    channelSecret: channel.channelSecret,
    destination: channel.botUserId,
    events,
    isRedelivery,
  });
}

/**
 * The bytes sent for a webhook, rebuilt from its stored events: deterministic for both kinds (an
 * alert's timestamp is in its headers, not its body).
 */
export function bodyFor(
  channel: Pick<RequestChannel, "kind" | "botUserId">,
  events: StoredEvent[],
  isRedelivery: boolean,
): Buffer {
  const [event] = events;
  if (isOperational(channel.kind) && event) return alertBody(event);
  return lineWebhookBody(channel.botUserId, events, isRedelivery);
}

/** The header a channel's webhooks carry their signature in. */
export function signatureHeaderFor(kind: string): "x-line-signature" | "webhook-signature" {
  return isOperational(kind) ? "webhook-signature" : "x-line-signature";
}

/**
 * Whether the signature sent with an attempt (its stored headers) matches `body` under `secret`;
 * null when no signature was kept.
 */
export function signatureMatches(
  kind: string,
  secret: string,
  headers: Record<string, string> | null,
  body: Buffer,
): boolean | null {
  if (isOperational(kind)) {
    const sent = headers?.[signatureHeaderFor(kind)];
    const id = headers?.["webhook-id"];
    const timestamp = Number(headers?.["webhook-timestamp"]);
    if (sent === undefined || id === undefined || !Number.isInteger(timestamp)) return null;
    return sent === signAlert(secret, id, timestamp, body);
  }
  const sent = headers?.[signatureHeaderFor(kind)];
  return sent === undefined ? null : sent === signBody(secret, body);
}
