import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { listMembers } from "@/lib/members/list-members";
import { addMember } from "@/lib/members/manage-members";
import { addMemberInput } from "@/lib/members/member-input";

export const GET = route<{ providerId: string }>(async (_request, { providerId }) =>
  Response.json(await listMembers(db(), providerId)),
);

/**
 * Adds an operator by email; an email without an account is invited instead, and the answer
 * carries the invitation link, shown this once.
 */
export const POST = route<{ providerId: string }>(async (request, { providerId }, grant) => {
  const input = await parseJsonBody(request, addMemberInput);
  const result = await addMember(db(), providerId, input, actorLabel(grant.actor));
  if ("added" in result) return Response.json({ member: result.added }, { status: 201 });
  const { token, ...invitation } = result.invited;
  const inviteUrl = new URL(`/invite/${token}`, request.url).toString();
  return Response.json(
    { invitation: { ...invitation, inviteUrl } },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
