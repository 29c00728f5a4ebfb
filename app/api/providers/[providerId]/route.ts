import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";
import { getProvider } from "@/lib/providers/get-provider";
import { deleteProvider, renameProvider } from "@/lib/providers/manage-provider";

export const GET = route(endpoints.getProvider, async ({ params }) =>
  Response.json(await getProvider(db(), params.providerId)),
);

export const PATCH = route(endpoints.renameProvider, async ({ params, body, grant }) =>
  Response.json(await renameProvider(db(), params.providerId, body, actorLabel(grant.actor))),
);

/** Deletes the provider with all its channels and their data; 204. */
export const DELETE = route(endpoints.deleteProvider, async ({ params, grant }) => {
  await deleteProvider(db(), params.providerId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
