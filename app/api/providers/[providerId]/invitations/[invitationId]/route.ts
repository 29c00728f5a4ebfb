import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";
import { revokeInvitation } from "@/lib/members/manage-members";

/** Revokes a pending invitation: its link stops working. */
export const DELETE = route(endpoints.revokeInvitation, async ({ params, grant }) => {
  await revokeInvitation(db(), params.providerId, params.invitationId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
