import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { redeliverNow } from "@/lib/deliveries/redeliver-now";
import { notifyDispatcher } from "@/lib/dispatch/dispatcher-instance";
import * as endpoints from "@/lib/http/endpoints/deliveries";
import { route } from "@/lib/http/handler";

/** "Redeliver now": failed or given-up webhooks are sent once more, at once; 202 when queued. */
export const POST = route(endpoints.redeliverNow, async ({ params, body, grant }) => {
  const result = await redeliverNow(
    db(),
    params.channelId,
    body.webhookIds,
    actorLabel(grant.actor),
  );
  notifyDispatcher();
  return Response.json(result, { status: 202 });
});
