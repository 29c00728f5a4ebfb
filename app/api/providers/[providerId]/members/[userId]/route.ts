import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";
import { changeMemberRole, removeMember } from "@/lib/members/manage-members";

export const PATCH = route(endpoints.changeMemberRole, async ({ params, body, grant }) =>
  Response.json(
    await changeMemberRole(db(), params.providerId, params.userId, body, actorLabel(grant.actor)),
  ),
);

export const DELETE = route(endpoints.removeMember, async ({ params, grant }) => {
  await removeMember(db(), params.providerId, params.userId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
