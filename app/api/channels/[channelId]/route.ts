import { actorLabel } from "@/lib/access/actor";
import { requireGrantPermission } from "@/lib/access/guard-request";
import { changesAdminSettings } from "@/lib/channels/channel-input";
import { deleteChannel } from "@/lib/channels/delete-channel";
import { getChannel } from "@/lib/channels/get-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql-driver";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";

export const GET = route(endpoints.getChannel, async ({ params }) =>
  Response.json(await getChannel(sql(), params.channelId)),
);

/** Webhook settings need a Member; the name, description and error notification, an Admin. */
export const PATCH = route(endpoints.updateChannel, async ({ params, body, grant }) => {
  if (changesAdminSettings(body)) requireGrantPermission(grant, "manage");
  return Response.json(await updateChannel(db(), params.channelId, body, actorLabel(grant.actor)));
});

/** Deletes the channel with its webhooks, attempts, statistics and tokens; 204. */
export const DELETE = route(endpoints.deleteChannel, async ({ params, grant }) => {
  await deleteChannel(db(), params.channelId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
