import type { getWebhookEndpoint as get } from "../../channels/webhook-endpoint";
import type { verifyWebhook } from "../../verification/verify-webhook";
import { endpoint, ROUTE_METHODS, schema } from "../endpoint";
import type { Returned } from "./types";

// LINE's Messaging API, the webhook endpoint part: authorized by a channel access token.

export const getWebhookEndpoint = endpoint<Returned<typeof get>>()({
  method: "GET",
  path: "/v2/bot/channel/webhook/endpoint",
  access: "line-token",
});

export const setWebhookEndpoint = endpoint<Record<string, never>>()({
  method: "PUT",
  path: "/v2/bot/channel/webhook/endpoint",
  access: "line-token",
  body: schema(() => import("../line-input"), "setWebhookEndpointLineInput"),
});

/** LINE's "Test webhook endpoint": the same code path as the console's Verify button. */
export const testWebhookEndpoint = endpoint<Returned<typeof verifyWebhook>>()({
  method: "POST",
  path: "/v2/bot/channel/webhook/test",
  access: "line-token",
  body: schema(() => import("../line-input"), "testWebhookEndpointLineInput"),
  bodyOptional: true,
});

/** Any other /v2 path, with any method: LINE's 404. */
export const lineNotFound = ROUTE_METHODS.map((method) =>
  endpoint<never>()({ method, path: "/v2/[...path]", access: "line-token" }),
);
