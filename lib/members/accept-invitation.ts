import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Auth } from "../auth/auth";
import { createOperator } from "../auth/operators";
import type { Db } from "../db/client";
import { MissingError } from "../errors";
import { isProviderRole } from "../shared/provider-roles";
import { hashInvitationToken, INVITATION_TOKEN_PATTERN } from "./invitation-token";
import type { AcceptInvitationInput } from "./member-input";

export const INVALID_INVITATION_MESSAGE =
  "This invitation link does not work: it was used or revoked, or it has expired";

/** The invitation a link's token stands for, while it works; null otherwise. */
export async function findInvitation(db: Db, token: string) {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return null;
  const invitation = await db.providerInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { provider: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

/**
 * Accepts an invitation: creates the invited email's account with the chosen name and password,
 * makes it a member with the invited role, and uses up the link. If an account for the email was
 * made meanwhile, it joins as it is and its password is left alone: the link proves the email was
 * invited, not that its holder owns that account.
 */
export async function acceptInvitation(db: Db, auth: Auth, input: AcceptInvitationInput) {
  const invitation = await findInvitation(db, input.token);
  if (!invitation || !isProviderRole(invitation.role)) {
    throw new MissingError(INVALID_INVITATION_MESSAGE);
  }
  const created = await createOperator(auth, {
    email: invitation.email,
    name: input.name,
    password: input.password,
  });
  const user = await db.user.findUniqueOrThrow({ where: { email: invitation.email } });
  await db.$transaction(async (tx) => {
    // Deleting first makes a second use of the same link (a double click) find nothing.
    const used = await tx.providerInvitation.deleteMany({ where: { id: invitation.id } });
    if (used.count === 0) throw new MissingError(INVALID_INVITATION_MESSAGE);
    await tx.providerMember.upsert({
      where: { providerId_userId: { providerId: invitation.providerId, userId: user.id } },
      create: { providerId: invitation.providerId, userId: user.id, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      providerId: invitation.providerId,
      actor: invitation.email,
      action: "invitation.accepted",
      detail: { email: invitation.email, role: invitation.role },
    });
  });
  return {
    email: invitation.email,
    providerId: invitation.providerId,
    role: invitation.role,
    accountCreated: created !== null,
  };
}
