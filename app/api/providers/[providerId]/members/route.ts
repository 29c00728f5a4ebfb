import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { linkOrigin } from "@/lib/http/link-origin";
import { parseJsonBody } from "@/lib/http/parse";
import { listMembers } from "@/lib/members/list-members";
import { addMember } from "@/lib/members/manage-members";
import { addMemberInput } from "@/lib/members/member-input";
import { httpServerSettingsFromEnv } from "@/lib/settings/http-server-settings";

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
  // Not request.url: its host is Next's own, which may be none the browser can use.
  const origin = linkOrigin(request.headers, httpServerSettingsFromEnv().origins);
  const inviteUrl = new URL(`/invite/${token}`, origin).toString();
  return Response.json(
    { invitation: { ...invitation, inviteUrl } },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
