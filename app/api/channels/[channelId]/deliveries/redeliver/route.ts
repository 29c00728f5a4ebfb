import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { redeliverNow } from "@/lib/deliveries/redeliver-now";
import { redeliverNowInput } from "@/lib/deliveries/redeliver-now-input";
import { notifyDispatcher } from "@/lib/dispatch/dispatcher-instance";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

/** "Redeliver now": failed or given-up webhooks are sent once more, at once; 202 when queued. */
export const POST = route<{ channelId: string }>(async (request, { channelId }, grant) => {
  const { webhookIds } = await parseJsonBody(request, redeliverNowInput);
  const result = await redeliverNow(db(), channelId, webhookIds, actorLabel(grant.actor));
  notifyDispatcher();
  return Response.json(result, { status: 202 });
});
