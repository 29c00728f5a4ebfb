import "server-only";
import { CHANNEL_TOKEN_ACTOR } from "../audit/audit-actions";
import type { Channel, Db } from "../db/client";
import { InvalidInputError, MissingError } from "../errors";
import { consumeRateLimit, type RateLimit } from "../rate-limits/consume-rate-limit";
import { type Env, positiveIntSetting } from "../settings/read-env";
import { webhookUrlProblem } from "../shared/webhook-url";
import { updateChannel } from "./update-channel";
import { webhookUrlPolicyFromEnv } from "./webhook-url-policy";

// LINE's webhook endpoint API (GET/PUT /v2/bot/channel/webhook/endpoint), for a channel already
// authenticated by its access token.

/** LINE's 404 message when a channel has no webhook URL (get and test alike). */
export const WEBHOOK_ENDPOINT_NOT_FOUND_MESSAGE = "Webhook endpoint not found";

/** LINE's 400 message for an endpoint it will not call; it does not say why. */
export const INVALID_WEBHOOK_ENDPOINT_MESSAGE = "Invalid webhook endpoint URL";

/** The endpoint, trimmed, if the console's webhook URL rule accepts it; LINE's 400 otherwise. */
export function checkedEndpoint(value: string): string {
  const endpoint = value.trim();
  if (endpoint === "" || webhookUrlProblem(endpoint, webhookUrlPolicyFromEnv()) !== null) {
    throw new InvalidInputError(INVALID_WEBHOOK_ENDPOINT_MESSAGE);
  }
  return endpoint;
}

/**
 * LINE allows 1,000 requests per minute per channel to each of these endpoints, and counts the
 * methods of one URL apart ("a different endpoint if the HTTP method differs").
 */
export function endpointRateLimit(method: "get" | "put", env: Env = process.env): RateLimit {
  return {
    name: `webhook-endpoint-${method}`,
    limit: endpointLimitPerMinuteFromEnv(env),
    windowMs: 60 * 1000,
  };
}

/** WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE, default 1,000 as LINE. */
export function endpointLimitPerMinuteFromEnv(env: Env = process.env): number {
  return positiveIntSetting(env, "WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE", 1000);
}

/** LINE's `GET /v2/bot/channel/webhook/endpoint` answer; 404 when no URL is set. */
export async function getWebhookEndpoint(
  db: Db,
  channel: Pick<Channel, "id" | "webhookUrl" | "useWebhook">,
) {
  await consumeRateLimit(db, endpointRateLimit("get"), channel.id);
  if (!channel.webhookUrl) throw new MissingError(WEBHOOK_ENDPOINT_NOT_FOUND_MESSAGE);
  return { endpoint: channel.webhookUrl, active: channel.useWebhook };
}

/**
 * LINE's `PUT /v2/bot/channel/webhook/endpoint`: sets the channel's webhook URL, logged in the
 * audit log as the console's own change is.
 */
export async function setWebhookEndpoint(db: Db, channelId: string, endpoint: string) {
  await consumeRateLimit(db, endpointRateLimit("put"), channelId);
  const webhookUrl = checkedEndpoint(endpoint);
  await updateChannel(db, channelId, { webhookUrl }, CHANNEL_TOKEN_ACTOR);
  return {};
}
