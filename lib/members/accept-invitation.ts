import "server-only";
import type { OperatorActor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Auth } from "../auth/auth";
import { createOperator } from "../auth/operators";
import type { Db } from "../db/client";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  MissingError,
  UnauthenticatedError,
} from "../errors";
import { isProviderRole } from "../shared/provider-roles";
import { dropInvitations } from "./invitation-outbox";
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

/** Whether the invited address has an account: it then accepts by signing in to it. */
export async function invitedAccountExists(db: Db, email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

export const otherOperatorMessage = (signedIn: string, invited: string) =>
  `This invitation is for ${invited}, and you are signed in as ${signedIn}: sign out, then open the link again`;

export const signInToAcceptMessage = (invited: string) =>
  `${invited} has an account: sign in to it, then accept the invitation`;

/**
 * Accepts an invitation for the address it was sent to, and nobody else (ADR 28):
 * - signed in as that address's account: it joins with the invited role;
 * - signed in as anyone else: refused, so a link opened in the wrong browser joins nobody;
 * - not signed in, and the address has no account: creates it with the chosen name and password
 *   (its email is the invited address, never an input), and it joins;
 * - not signed in, and the address has an account: refused until its owner signs in. Holding a
 *   link proves it reached someone, not that its holder owns that account.
 * The link is used up in the same transaction as the membership, so a second use finds nothing.
 */
export async function acceptInvitation(
  db: Db,
  /** Asked for only to create an account. */
  auth: () => Auth,
  input: AcceptInvitationInput,
  signedIn: OperatorActor | null,
) {
  const invitation = await findInvitation(db, input.token);
  if (!invitation || !isProviderRole(invitation.role)) {
    throw new MissingError(INVALID_INVITATION_MESSAGE);
  }
  let userId: string;
  let accountCreated = false;
  if (signedIn) {
    if (signedIn.email !== invitation.email) {
      throw new ForbiddenError(otherOperatorMessage(signedIn.email, invitation.email));
    }
    const asked =
      input.name !== undefined ? "name" : input.password !== undefined ? "password" : null;
    if (asked) {
      throw InvalidInputError.of(asked, `is not asked: you are signed in as ${signedIn.email}`);
    }
    userId = signedIn.userId;
  } else {
    if (await invitedAccountExists(db, invitation.email)) {
      throw new UnauthenticatedError(signInToAcceptMessage(invitation.email));
    }
    if (input.name === undefined) throw InvalidInputError.of("name", "is required");
    if (input.password === undefined) throw InvalidInputError.of("password", "is required");
    const created = await createOperator(auth(), {
      email: invitation.email,
      name: input.name,
      password: input.password,
    });
    // Made meanwhile (another link for the same address, accepted at the same moment).
    if (!created) throw new ConflictError("email", signInToAcceptMessage(invitation.email));
    userId = created.userId;
    accountCreated = true;
  }
  await db.$transaction(async (tx) => {
    // Deleting first makes a second use of the same link (a double click) find nothing.
    if ((await dropInvitations(tx, { id: invitation.id })) === 0) {
      throw new MissingError(INVALID_INVITATION_MESSAGE);
    }
    await tx.providerMember.upsert({
      where: { providerId_userId: { providerId: invitation.providerId, userId } },
      create: { providerId: invitation.providerId, userId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      providerId: invitation.providerId,
      actor: invitation.email,
      action: "invitation.accepted",
      detail: { email: invitation.email, role: invitation.role, accountCreated },
    });
  });
  return {
    email: invitation.email,
    providerId: invitation.providerId,
    role: invitation.role,
    accountCreated,
  };
}
