import { getWebhookEndpoint, setWebhookEndpoint } from "@/lib/channels/webhook-endpoint";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/line";
import { lineRoute } from "@/lib/http/line-route";

// LINE's Messaging API: authorized by a channel access token instead of the console.
export const GET = lineRoute(endpoints.getWebhookEndpoint, async ({ channel }) =>
  Response.json(await getWebhookEndpoint(db(), channel), {
    headers: { "cache-control": "no-store" },
  }),
);

export const PUT = lineRoute(endpoints.setWebhookEndpoint, async ({ channel, body }) =>
  Response.json(await setWebhookEndpoint(db(), channel.id, body.endpoint)),
);
