import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";
import { verifyWebhook } from "@/lib/verification/verify-webhook";

/** The console's Verify button: the same code path as LINE's test-webhook API. */
export const POST = route(endpoints.verifyWebhook, async ({ params, body }) =>
  Response.json(await verifyWebhook(db(), params.channelId, body.endpoint ?? undefined)),
);
