import "server-only";
import type { DbTransaction } from "../db/client";
import { newUlid } from "../ids/new-ulid";
import type { Email } from "../notifications/notification-email";

const dedupeKey = (invitationId: string) => `invitation:${invitationId}`;

/**
 * Queues the invitation email in the console's outbox, which the notifier of a dispatcher process
 * sends with the error emails (retries, leases: lib/notifications/send-notifications.ts). It is
 * no channel's email, so no channel's Notifications tab lists it.
 */
export async function queueInvitationEmail(
  tx: DbTransaction,
  { invitationId, to, email }: { invitationId: string; to: string; email: Email },
): Promise<void> {
  await tx.notification.create({
    data: {
      id: newUlid(),
      channelId: null,
      kind: "invitation",
      dedupeKey: dedupeKey(invitationId),
      recipients: JSON.stringify([to]),
      subject: email.subject,
      text: email.text,
      status: "queued",
    },
  });
}

/**
 * Deletes invitations (revoked, replaced or used up) with their emails not yet handed to the mail
 * server: a link that no longer works is not worth sending.
 */
export async function dropInvitations(
  tx: DbTransaction,
  where: { id: string } | { providerId: string; email: string },
): Promise<number> {
  const dropped = await tx.providerInvitation.findMany({ where, select: { id: true } });
  if (dropped.length === 0) return 0;
  await tx.notification.deleteMany({
    where: { dedupeKey: { in: dropped.map(({ id }) => dedupeKey(id)) }, status: "queued" },
  });
  const { count } = await tx.providerInvitation.deleteMany({
    where: { id: { in: dropped.map(({ id }) => id) } },
  });
  return count;
}
