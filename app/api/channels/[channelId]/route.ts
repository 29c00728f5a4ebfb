import { updateChannelInput } from "@/lib/channels/channel-input";
import { getChannel } from "@/lib/channels/get-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

export const GET = route<{ channelId: string }>(async (_request, { channelId }) =>
  Response.json(await getChannel(db(), channelId)),
);

export const PATCH = route<{ channelId: string }>(async (request, { channelId }) => {
  const input = await parseJsonBody(request, updateChannelInput);
  return Response.json(await updateChannel(db(), channelId, input));
});
