import { actorLabel } from "@/lib/access/actor";
import { resumeSending } from "@/lib/channels/resume-sending";
import { db } from "@/lib/db/client";
import { notifyDispatcher } from "@/lib/dispatch/dispatcher-instance";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";
import { notificationSettingsFromEnv } from "@/lib/notifications/notification-settings";

/** Resume a paused channel's sending: its kept webhooks go out oldest first, at a bounded rate. */
export const POST = route(endpoints.resumeSending, async ({ params, body, grant }) => {
  const notifications = notificationSettingsFromEnv();
  const result = await resumeSending(db(), params.channelId, body ?? {}, actorLabel(grant.actor), {
    smtpConfigured: notifications.smtpUrl !== null,
    consoleOrigin: notifications.consoleOrigin,
  });
  notifyDispatcher();
  return Response.json(result);
});
