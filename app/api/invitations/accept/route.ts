import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { acceptInvitation as endpoint } from "@/lib/http/endpoints/invitations";
import { route } from "@/lib/http/handler";
import { acceptInvitation } from "@/lib/members/accept-invitation";

/**
 * The invitation page's form: the link's token, and the operator signed in to the invited address
 * or, when it has no account, the new account's name and password (the page then signs in with
 * them as any operator does).
 */
export const POST = route(endpoint, async ({ body, grant }) => {
  const signedIn = grant.actor?.kind === "operator" ? grant.actor : null;
  return Response.json(await acceptInvitation(db(), auth, body, signedIn), { status: 201 });
});
