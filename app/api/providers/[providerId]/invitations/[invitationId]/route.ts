import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { revokeInvitation } from "@/lib/members/manage-members";

type Params = { providerId: string; invitationId: string };

/** Revokes a pending invitation: its link stops working. */
export const DELETE = route<Params>(async (_request, { providerId, invitationId }, grant) => {
  await revokeInvitation(db(), providerId, invitationId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
