import { actorLabel } from "@/lib/access/actor";
import { createChannelInput } from "@/lib/channels/channel-input";
import { createChannel } from "@/lib/channels/create-channel";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

export const POST = route<{ providerId: string }>(async (request, { providerId }, grant) => {
  const input = await parseJsonBody(request, createChannelInput);
  return Response.json(await createChannel(db(), providerId, input, actorLabel(grant.actor)), {
    status: 201,
  });
});
