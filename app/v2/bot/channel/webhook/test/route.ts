import { checkedEndpoint } from "@/lib/channels/webhook-endpoint";
import { db } from "@/lib/db/client";
import { testWebhookEndpoint } from "@/lib/http/endpoints/line";
import { lineRoute } from "@/lib/http/line-route";
import { verifyWebhook } from "@/lib/verification/verify-webhook";

/** LINE's "Test webhook endpoint": the same code path as the console's Verify button. */
export const POST = lineRoute(testWebhookEndpoint, async ({ channel, body }) => {
  const endpoint = body.endpoint === undefined ? undefined : checkedEndpoint(body.endpoint);
  return Response.json(await verifyWebhook(db(), channel.id, endpoint));
});
