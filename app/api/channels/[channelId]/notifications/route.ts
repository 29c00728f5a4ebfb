import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { listNotificationsInput } from "@/lib/http/page-input";
import { parseSearchParams } from "@/lib/http/parse";
import { listNotifications } from "@/lib/notifications/list-notifications";

/** The channel's error notification emails, newest first: the outbox, sent or not. */
export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const query = parseSearchParams(request, listNotificationsInput);
  return Response.json(await listNotifications(db(), channelId, query));
});
