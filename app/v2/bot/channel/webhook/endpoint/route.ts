import { authenticateChannel } from "@/lib/access-tokens/authenticate-channel";
import { setWebhookEndpointInput } from "@/lib/channels/channel-input";
import { getWebhookEndpoint, setWebhookEndpoint } from "@/lib/channels/webhook-endpoint";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

// LINE's Messaging API: authorized by a channel access token instead of the console.

export const GET = route(async (request) => {
  const channel = await authenticateChannel(db(), request.headers.get("authorization"));
  return Response.json(getWebhookEndpoint(channel), { headers: { "cache-control": "no-store" } });
});

export const PUT = route(async (request) => {
  const channel = await authenticateChannel(db(), request.headers.get("authorization"));
  const input = await parseJsonBody(request, setWebhookEndpointInput);
  return Response.json(await setWebhookEndpoint(db(), channel.id, input));
});
