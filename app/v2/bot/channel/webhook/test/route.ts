import { checkedEndpoint } from "@/lib/channels/webhook-endpoint";
import { db } from "@/lib/db/client";
import { parseLineBody } from "@/lib/http/line-body";
import { testWebhookEndpointLineInput } from "@/lib/http/line-input";
import { lineRoute } from "@/lib/http/line-route";
import { verifyWebhook } from "@/lib/verification/verify-webhook";

/** LINE's "Test webhook endpoint": the same code path as the console's Verify button. */
export const POST = lineRoute(async (request, channel) => {
  const input = await parseLineBody(request, testWebhookEndpointLineInput, { optional: true });
  const endpoint = input.endpoint === undefined ? undefined : checkedEndpoint(input.endpoint);
  return Response.json(await verifyWebhook(db(), channel.id, endpoint));
});
