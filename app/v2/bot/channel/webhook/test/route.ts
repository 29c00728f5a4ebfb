import { authenticateChannel } from "@/lib/access-tokens/authenticate-channel";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseInput, readJsonBody } from "@/lib/http/parse";
import { verifyInput } from "@/lib/verification/verify-input";
import { verifyWebhook } from "@/lib/verification/verify-webhook";

/** LINE's "Test webhook endpoint": the same code path as the console's Verify button. */
export const POST = route(async (request) => {
  const channel = await authenticateChannel(db(), request.headers.get("authorization"));
  const input = parseInput(verifyInput, await readJsonBody(request, { optional: true }));
  return Response.json(await verifyWebhook(db(), channel.id, input.endpoint ?? undefined));
});
