import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { getProvider } from "@/lib/providers/get-provider";
import { deleteProvider, renameProvider } from "@/lib/providers/manage-provider";
import { updateProviderInput } from "@/lib/providers/provider-input";

export const GET = route<{ providerId: string }>(async (_request, { providerId }) =>
  Response.json(await getProvider(db(), providerId)),
);

export const PATCH = route<{ providerId: string }>(async (request, { providerId }, grant) => {
  const input = await parseJsonBody(request, updateProviderInput);
  return Response.json(await renameProvider(db(), providerId, input, actorLabel(grant.actor)));
});

/** Deletes the provider with all its channels and their data; 204. */
export const DELETE = route<{ providerId: string }>(async (_request, { providerId }, grant) => {
  await deleteProvider(db(), providerId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
