import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";
import { listNotifications } from "@/lib/notifications/list-notifications";

/** The channel's error notification emails, newest first: the outbox, sent or not. */
export const GET = route(endpoints.listNotifications, async ({ params, query }) =>
  Response.json(await listNotifications(db(), params.channelId, query)),
);
