import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTransaction } from "../db/client";
import { ConflictError, NotFoundError } from "../errors";
import { newUlid } from "../ids/new-ulid";
import type { ProviderRole } from "../shared/provider-roles";
import { invitationEmail } from "./invitation-email";
import { dropInvitations, queueInvitationEmail } from "./invitation-outbox";
import { generateInvitationToken, hashInvitationToken, INVITATION_DAYS } from "./invitation-token";
import type { AddMemberInput, ChangeMemberRoleInput } from "./member-input";

const LAST_ADMIN_MESSAGE = "A provider needs at least one Admin: make another member Admin first";

/** How an invitation reaches the invited person (docs/operators.md, "Invitations"; ADR 28). */
export type InvitationDelivery =
  /** Mailed to the invited address (SMTP_URL); the inviting Admin never sees the link. */
  | { by: "email"; consoleOrigin: string }
  /** No mail server: the link is shown to the inviting Admin, who passes it on. */
  | { by: "admin" };

/**
 * Invites the person with this email to the provider with a role. It does the same whether or not
 * an account has this email, so neither the answer nor its timing tells the Admin which: an
 * account joins only when its owner accepts (signed in as it), and the link reaches that owner by
 * email when the console sends mail. A new invitation replaces an earlier one for the same email
 * (its link stops working). `token` is the link's secret when the Admin is to pass it on, null
 * when it was mailed.
 */
export async function addMember(
  db: Db,
  providerId: string,
  input: AddMemberInput,
  actor: string,
  delivery: InvitationDelivery = { by: "admin" },
) {
  return db.$transaction(async (tx) => {
    const member = await tx.providerMember.findFirst({
      where: { providerId, user: { email: input.email } },
      select: { userId: true },
    });
    if (member) {
      throw new ConflictError("email", `${input.email} is already a member of this provider`);
    }
    const token = generateInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    await dropInvitations(tx, { providerId, email: input.email });
    const invitation = await tx.providerInvitation.create({
      data: {
        id: newUlid(),
        providerId,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedBy: actor,
        expiresAt,
      },
    });
    if (delivery.by === "email") {
      const provider = await tx.provider.findUniqueOrThrow({
        where: { id: providerId },
        select: { name: true },
      });
      await queueInvitationEmail(tx, {
        invitationId: invitation.id,
        to: input.email,
        email: invitationEmail({
          providerName: provider.name,
          role: input.role,
          invitedBy: actor,
          link: invitationLink(delivery.consoleOrigin, token),
          expiresAt,
        }),
      });
    }
    await recordAudit(tx, {
      providerId,
      actor,
      action: "invitation.created",
      detail: { email: input.email, role: input.role, delivery: delivery.by },
    });
    return {
      invitation: {
        id: invitation.id,
        email: input.email,
        role: input.role,
        expiresAt: expiresAt.toISOString(),
        delivery: delivery.by,
      },
      token: delivery.by === "admin" ? token : null,
    };
  });
}

/** The page an invitation link opens. */
export function invitationLink(origin: string, token: string): string {
  return new URL(`/invite/${token}`, origin).toString();
}

async function findMember(tx: DbTransaction, providerId: string, userId: string) {
  const member = await tx.providerMember.findUnique({
    where: { providerId_userId: { providerId, userId } },
    include: { user: { select: { email: true } } },
  });
  if (!member) throw new NotFoundError("Member", userId);
  return member;
}

/** Whether taking the Admin role from one member leaves the provider with none. */
async function isLastAdmin(tx: DbTransaction, providerId: string, role: string) {
  if (role !== "admin") return false;
  // Write first, to lock the provider's Admin rows before counting them: two Admins demoting each
  // other at once would otherwise each count two (PostgreSQL reads do not wait for writers) and
  // leave none. The second now waits, then counts what the first committed.
  await tx.providerMember.updateMany({
    where: { providerId, role: "admin" },
    data: { role: "admin" },
  });
  return (await tx.providerMember.count({ where: { providerId, role: "admin" } })) <= 1;
}

export async function changeMemberRole(
  db: Db,
  providerId: string,
  userId: string,
  input: ChangeMemberRoleInput,
  actor: string,
) {
  return db.$transaction(async (tx) => {
    const member = await findMember(tx, providerId, userId);
    if (member.role === input.role) return { userId, role: input.role as ProviderRole };
    if (await isLastAdmin(tx, providerId, member.role)) {
      throw new ConflictError("role", LAST_ADMIN_MESSAGE);
    }
    await tx.providerMember.update({
      where: { providerId_userId: { providerId, userId } },
      data: { role: input.role },
    });
    await recordAudit(tx, {
      providerId,
      actor,
      action: "member.role_changed",
      detail: { email: member.user.email, from: member.role, to: input.role },
    });
    return { userId, role: input.role as ProviderRole };
  });
}

export async function removeMember(db: Db, providerId: string, userId: string, actor: string) {
  await db.$transaction(async (tx) => {
    const member = await findMember(tx, providerId, userId);
    if (await isLastAdmin(tx, providerId, member.role)) {
      throw new ConflictError("userId", LAST_ADMIN_MESSAGE);
    }
    await tx.providerMember.delete({ where: { providerId_userId: { providerId, userId } } });
    await recordAudit(tx, {
      providerId,
      actor,
      action: "member.removed",
      detail: { email: member.user.email, role: member.role },
    });
  });
}

export async function revokeInvitation(
  db: Db,
  providerId: string,
  invitationId: string,
  actor: string,
) {
  await db.$transaction(async (tx) => {
    const invitation = await tx.providerInvitation.findFirst({
      where: { id: invitationId, providerId },
    });
    if (!invitation) throw new NotFoundError("Invitation", invitationId);
    await dropInvitations(tx, { id: invitationId });
    await recordAudit(tx, {
      providerId,
      actor,
      action: "invitation.revoked",
      detail: { email: invitation.email },
    });
  });
}
