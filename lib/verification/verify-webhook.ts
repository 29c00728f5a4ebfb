import "server-only";
import { PING_ALERT_TYPE } from "../alerts/alert-types";
import { openChannelSecret } from "../channels/channel-secret";
import { findChannelOrThrow } from "../channels/find-channel";
import { WEBHOOK_ENDPOINT_NOT_FOUND_MESSAGE } from "../channels/webhook-endpoint";
import type { Db } from "../db/client";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch/dispatch-settings";
import { buildRequestFor } from "../dispatch/send/request-for-channel";
import { type SendOptions, sendWebhook } from "../dispatch/send/send-webhook";
import { MissingError } from "../errors";
import type { StoredEvent } from "../events/complete-event";
import { newUlid } from "../ids/new-ulid";
import { consumeRateLimit } from "../rate-limits/consume-rate-limit";
import { isOperational } from "../shared/channel-kinds";
import { verificationRateLimit } from "./verification-rate-limit";

/** LINE's test-webhook answer (POST /v2/bot/channel/webhook/test). */
export interface VerificationResult {
  success: boolean;
  /** When the verification request was sent (ISO 8601). */
  timestamp: string;
  /** The bot's HTTP status; 0 when no response arrived. */
  statusCode: number;
  reason: "OK" | "COULD_NOT_CONNECT" | "REQUEST_TIMEOUT" | "ERROR_STATUS_CODE" | "UNCLASSIFIED";
  /** The status code for OK and ERROR_STATUS_CODE; the error statistics' detail otherwise. */
  detail: string;
}

// Built on first use and kept, as the dispatcher does: building them reads the CA bundle from
// disk. No connection pool: each verification opens a connection of its own.
let serverSendOptions: SendOptions | undefined;
function verificationSendOptions(): SendOptions {
  serverSendOptions ??= sendOptionsFrom(dispatchSettingsFromEnv());
  return serverSendOptions;
}

/**
 * What a verification carries: no event for LINE's channels (as LINE's Verify); one
 * `webhook.ping` alert for an operational webhook, which sends one alert per request.
 */
function verificationEvents(channel: { id: string; kind: string; name: string }): StoredEvent[] {
  if (!isOperational(channel.kind)) return [];
  const now = Date.now();
  return [
    {
      type: PING_ALERT_TYPE,
      webhookEventId: newUlid(now),
      timestamp: now,
      data: { channel: { id: channel.id, name: channel.name } },
    },
  ];
}

/**
 * Sends a verification webhook (`{"destination", "events": []}`, signed; an operational
 * webhook's `webhook.ping` alert) to `endpoint` or the
 * channel's webhook URL, on a connection of its own. It is not a delivery: nothing is recorded,
 * nothing is counted in error statistics, nothing is redelivered. `sendOptions`: the server's
 * own, from its settings, unless a test hands in others.
 */
export async function verifyWebhook(
  db: Db,
  channelId: string,
  endpoint?: string,
  sendOptions: SendOptions = verificationSendOptions(),
): Promise<VerificationResult> {
  const channel = await findChannelOrThrow(db, channelId);
  const url = endpoint ?? channel.webhookUrl;
  if (!url) throw new MissingError(WEBHOOK_ENDPOINT_NOT_FOUND_MESSAGE);
  await consumeRateLimit(db, verificationRateLimit(), channel.id);
  const request = buildRequestFor(
    { ...channel, channelSecret: openChannelSecret(channel) },
    verificationEvents(channel),
    false,
    Date.now(),
  );
  const timestamp = new Date().toISOString();
  const result = await sendWebhook(url, request, sendOptions);
  if (result.ok) {
    return {
      success: true,
      timestamp,
      statusCode: result.status,
      reason: "OK",
      detail: String(result.status),
    };
  }
  return {
    success: false,
    timestamp,
    statusCode: result.status,
    reason: result.reason.toUpperCase() as VerificationResult["reason"],
    detail: result.detail,
  };
}
