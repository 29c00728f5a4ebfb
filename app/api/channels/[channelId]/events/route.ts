import { db } from "@/lib/db/client";
import { notifyDispatcher } from "@/lib/dispatch/dispatcher-instance";
import { enqueueEvents } from "@/lib/events/enqueue-events";
import { sendEventsInput } from "@/lib/events/event-input";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

/** Accepts events from a simulated user; 202 once they are stored for sending. */
export const POST = route<{ channelId: string }>(async (request, { channelId }) => {
  const input = await parseJsonBody(request, sendEventsInput);
  const result = await enqueueEvents(db(), channelId, input);
  if (!result.queued) return Response.json({ ...result, sent: false }, { status: 200 });
  notifyDispatcher();
  return Response.json(
    { webhookEventIds: result.webhookEventIds, webhookId: result.webhookId },
    { status: 202 },
  );
});
