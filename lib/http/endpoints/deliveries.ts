import type { getWebhookDetail } from "../../deliveries/get-webhook-detail";
import type { listDeliveries as list } from "../../deliveries/list-deliveries";
import type { redeliverNow as redeliver } from "../../deliveries/redeliver-now";
import { endpoint, schema } from "../endpoint";
import { CHANNEL } from "./channels";
import type { Returned } from "./types";

/** The deliveries explorer: attempts, newest first, filtered. */
export const listDeliveries = endpoint<Returned<typeof list>>()({
  method: "GET",
  path: `${CHANNEL}/deliveries`,
  access: { channel: "read" },
  query: schema(() => import("../page-input"), "listDeliveriesInput"),
});

/** "Redeliver now": failed or given-up webhooks are sent once more, at once; 202 when queued. */
export const redeliverNow = endpoint<Returned<typeof redeliver>>()({
  method: "POST",
  path: `${CHANNEL}/deliveries/redeliver`,
  access: { channel: "configure" },
  body: schema(() => import("../../deliveries/redeliver-now-input"), "redeliverNowInput"),
});

/** One webhook of the channel: the request as sent and every attempt. */
export const getWebhook = endpoint<Returned<typeof getWebhookDetail>>()({
  method: "GET",
  path: `${CHANNEL}/webhooks/[webhookId]`,
  access: { channel: "read" },
});
