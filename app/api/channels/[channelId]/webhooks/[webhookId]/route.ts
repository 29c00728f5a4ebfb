import { db } from "@/lib/db/client";
import { getWebhookDetail } from "@/lib/deliveries/get-webhook-detail";
import { getWebhook } from "@/lib/http/endpoints/deliveries";
import { route } from "@/lib/http/handler";

/**
 * One webhook of the channel: the request as sent and every attempt (the deliveries explorer's
 * detail). A malformed id is an unknown one (404), as for channels: there is nothing to correct.
 */
export const GET = route(getWebhook, async ({ params }) =>
  Response.json(await getWebhookDetail(db(), params.channelId, params.webhookId)),
);
