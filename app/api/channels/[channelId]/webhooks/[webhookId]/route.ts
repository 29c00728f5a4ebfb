import { db } from "@/lib/db/client";
import { getWebhookDetail } from "@/lib/deliveries/get-webhook-detail";
import { route } from "@/lib/http/handler";

type Params = { channelId: string; webhookId: string };

/**
 * One webhook of the channel: the request as sent and every attempt (the deliveries explorer's
 * detail). A malformed id is an unknown one (404), as for channels: there is nothing to correct.
 */
export const GET = route<Params>(async (_request, { channelId, webhookId }) =>
  Response.json(await getWebhookDetail(db(), channelId, webhookId)),
);
