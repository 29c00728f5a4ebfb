import { createHmac } from "node:crypto";
import type { StoredEvent } from "../../events/complete-event";
import type { OutgoingWebhook } from "./outgoing-webhook";

// Operational webhooks are signed as the Standard Webhooks specification says
// (https://www.standardwebhooks.com), which Svix and others send and which libraries in every
// language verify: an id, a timestamp and `v1,<signature>` headers. ADR 33.

export const ALERT_USER_AGENT = "WebhookConsole-Alerts/1.0";

/** The secret's prefix in Standard Webhooks; the rest is the key, base64. */
export const SIGNING_SECRET_PREFIX = "whsec_";

/** `v1,` + Base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), the key the secret's bytes. */
export function signAlert(secret: string, id: string, timestamp: number, body: Buffer): string {
  const key = Buffer.from(secret.slice(SIGNING_SECRET_PREFIX.length), "base64");
  const signature = createHmac("sha256", key)
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest("base64");
  return `v1,${signature}`;
}

/** The body of an alert: its type, when it happened, and its data. The same for every attempt. */
export function alertBody(event: StoredEvent): Buffer {
  return Buffer.from(
    JSON.stringify({
      type: event.type,
      timestamp: new Date(event.timestamp).toISOString(),
      data: event.data ?? {},
    }),
    "utf8",
  );
}

/**
 * One alert's request. The id is the alert's (`webhook-id`, the same on every retry, so a
 * receiver drops one it has seen); the timestamp is the send's own (`webhook-timestamp`, Unix
 * seconds: receivers refuse old ones, so a retry is signed again).
 */
export function buildAlertRequest(input: {
  signingSecret: string;
  event: StoredEvent;
  now: number;
}): OutgoingWebhook {
  const body = alertBody(input.event);
  const id = input.event.webhookEventId;
  const timestamp = Math.floor(input.now / 1000);
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": ALERT_USER_AGENT,
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signAlert(input.signingSecret, id, timestamp, body),
    },
  };
}
