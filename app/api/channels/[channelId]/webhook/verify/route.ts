import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseInput, readJsonBody } from "@/lib/http/parse";
import { verifyInput } from "@/lib/verification/verify-input";
import { verifyWebhook } from "@/lib/verification/verify-webhook";

/** The console's Verify button: the same code path as LINE's test-webhook API. */
export const POST = route<{ channelId: string }>(async (request, { channelId }) => {
  const input = parseInput(verifyInput, await readJsonBody(request, { optional: true }));
  return Response.json(await verifyWebhook(db(), channelId, input.endpoint ?? undefined));
});
