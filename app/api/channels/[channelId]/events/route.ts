import { sql } from "@/lib/db/sql-driver";
import { notifyDispatcher } from "@/lib/dispatch/dispatcher-instance";
import { toWebhookInputs } from "@/lib/events/event-input";
import { ingestWebhooks } from "@/lib/events/ingest-events";
import { sendEvents } from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";

/**
 * Accepts events from a simulated user; 202 once they are stored for sending. An object is one
 * webhook; an array is one webhook per event, stored all or none, answered with every id in the
 * order sent.
 */
export const POST = route(sendEvents, async ({ params, body }) => {
  const bulk = Array.isArray(body);
  const result = await ingestWebhooks(sql(), params.channelId, toWebhookInputs(body));
  const webhookEventIds = result.webhookEventIds.flat();
  if (!result.queued) {
    const { message } = result;
    return Response.json({ queued: false, webhookEventIds, message, sent: false }, { status: 200 });
  }
  notifyDispatcher();
  const stored = bulk
    ? { webhookIds: result.webhookIds, webhookEventIds }
    : { webhookEventIds, webhookId: result.webhookIds[0] };
  return Response.json(stored, { status: 202 });
});
