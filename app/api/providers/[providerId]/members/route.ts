import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";
import { linkOrigin } from "@/lib/http/link-origin";
import { invitationDeliveryFromEnv } from "@/lib/members/invitation-delivery";
import { listMembers } from "@/lib/members/list-members";
import { addMember, invitationLink } from "@/lib/members/manage-members";
import { httpServerSettingsFromEnv } from "@/lib/settings/http-server-settings";

export const GET = route(endpoints.listMembers, async ({ params }) =>
  Response.json(await listMembers(db(), params.providerId)),
);

/**
 * Invites an email, with an account or not: the invitation link is mailed to it, or, when the
 * console sends no mail, in the answer, shown this once.
 */
export const POST = route(endpoints.addMember, async ({ request, params, body, grant }) => {
  const { invitation, token } = await addMember(
    db(),
    params.providerId,
    body,
    actorLabel(grant.actor),
    invitationDeliveryFromEnv(),
  );
  // Not request.url: its host is Next's own, which may be none the browser can use.
  const inviteUrl =
    token === null
      ? null
      : invitationLink(linkOrigin(request.headers, httpServerSettingsFromEnv().origins), token);
  return Response.json({ invitation: { ...invitation, inviteUrl } }, { status: 201 });
});
