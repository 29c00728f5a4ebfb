import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { acceptInvitationInput } from "@/lib/members/member-input";

/**
 * The invitation page's form: the link's token, and the operator signed in to the invited address
 * or, when it has no account, the new account's name and password (the page then signs in with
 * them as any operator does).
 */
export const POST = route(async (request, _params, grant) => {
  const input = await parseJsonBody(request, acceptInvitationInput);
  const signedIn = grant.actor?.kind === "operator" ? grant.actor : null;
  return Response.json(await acceptInvitation(db(), auth, input, signedIn), { status: 201 });
});
