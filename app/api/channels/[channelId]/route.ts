import { actorLabel } from "@/lib/access/actor";
import { requireGrantPermission } from "@/lib/access/guard-request";
import { changesAdminSettings, updateChannelInput } from "@/lib/channels/channel-input";
import { deleteChannel } from "@/lib/channels/delete-channel";
import { getChannel } from "@/lib/channels/get-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql-driver";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

export const GET = route<{ channelId: string }>(async (_request, { channelId }) =>
  Response.json(await getChannel(sql(), channelId)),
);

/** Webhook settings need a Member; the name, description and error notification, an Admin. */
export const PATCH = route<{ channelId: string }>(async (request, { channelId }, grant) => {
  const input = await parseJsonBody(request, updateChannelInput);
  if (changesAdminSettings(input)) requireGrantPermission(grant, "manage");
  return Response.json(await updateChannel(db(), channelId, input, actorLabel(grant.actor)));
});

/** Deletes the channel with its webhooks, attempts, statistics and tokens; 204. */
export const DELETE = route<{ channelId: string }>(async (_request, { channelId }, grant) => {
  await deleteChannel(db(), channelId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
