import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { changeMemberRole, removeMember } from "@/lib/members/manage-members";
import { changeMemberRoleInput } from "@/lib/members/member-input";

type Params = { providerId: string; userId: string };

export const PATCH = route<Params>(async (request, { providerId, userId }, grant) => {
  const input = await parseJsonBody(request, changeMemberRoleInput);
  return Response.json(
    await changeMemberRole(db(), providerId, userId, input, actorLabel(grant.actor)),
  );
});

export const DELETE = route<Params>(async (_request, { providerId, userId }, grant) => {
  await removeMember(db(), providerId, userId, actorLabel(grant.actor));
  return new Response(null, { status: 204 });
});
