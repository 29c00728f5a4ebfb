import { z } from "zod";

// Bodies of the LINE-compatible API. Unknown properties are ignored, as LINE does (SDKs may send
// more in later versions); the URL itself is checked by the domain (checkedEndpoint), which
// answers with LINE's "Invalid webhook endpoint URL".

const endpoint = z.string({
  error: (issue) => (issue.input === undefined ? "must be specified" : "must be a string"),
});

/** `PUT /v2/bot/channel/webhook/endpoint` */
export const setWebhookEndpointLineInput = z.object({ endpoint });

/** `POST /v2/bot/channel/webhook/test`: optionally another endpoint than the channel's. */
export const testWebhookEndpointLineInput = z.object({ endpoint: endpoint.optional() });
