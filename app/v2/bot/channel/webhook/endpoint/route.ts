import { getWebhookEndpoint, setWebhookEndpoint } from "@/lib/channels/webhook-endpoint";
import { db } from "@/lib/db/client";
import { parseLineBody } from "@/lib/http/line-body";
import { setWebhookEndpointLineInput } from "@/lib/http/line-input";
import { lineRoute } from "@/lib/http/line-route";

// LINE's Messaging API: authorized by a channel access token instead of the console.

export const GET = lineRoute(async (_request, channel) =>
  Response.json(await getWebhookEndpoint(db(), channel), {
    headers: { "cache-control": "no-store" },
  }),
);

export const PUT = lineRoute(async (request, channel) => {
  const input = await parseLineBody(request, setWebhookEndpointLineInput);
  return Response.json(await setWebhookEndpoint(db(), channel.id, input.endpoint));
});
