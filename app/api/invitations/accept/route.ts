import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { acceptInvitationInput } from "@/lib/members/member-input";

/**
 * The invitation page's form: the link's token is the credential. Creates the account; the page
 * then signs in with it as any operator does.
 */
export const POST = route(async (request) => {
  const input = await parseJsonBody(request, acceptInvitationInput);
  return Response.json(await acceptInvitation(db(), auth(), input), { status: 201 });
});
