import "server-only";
import type { OperatorActor } from "../../access/actor";
import type { Db } from "../../db/client";
import { acceptInvitation } from "../../members/accept-invitation";
import { addMember } from "../../members/manage-members";
import type { ProviderRole } from "../../shared/provider-roles";

const NO_ACCOUNT_CREATED = () => {
  throw new Error("joinProvider accepts as an existing operator: no account is created");
};

/**
 * Makes an existing operator a member as the console does: an Admin (`by`) invites their email,
 * and they accept the link signed in as themselves.
 */
export async function joinProvider(
  db: Db,
  providerId: string,
  who: Pick<OperatorActor, "userId" | "email">,
  role: ProviderRole,
  by: string,
): Promise<void> {
  const { token } = await addMember(db, providerId, { email: who.email, role }, by);
  if (token === null) throw new Error("an invitation handed to the Admin has a token");
  await acceptInvitation(
    db,
    NO_ACCOUNT_CREATED,
    { token },
    {
      kind: "operator",
      name: who.email,
      consoleAdmin: false,
      ...who,
    },
  );
}
