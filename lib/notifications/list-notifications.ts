import "server-only";
import type { Db } from "../db/client";
import { parseRecipients } from "./recipients";

export interface ListNotificationsOptions {
  limit: number;
  /** A notification id (ULID): list older ones, for paging. */
  before?: string;
}

/**
 * A channel's error notification emails, newest first, sent or not (the console's outbox), with
 * the cursor of the next page. The text is returned as text: the console shows it as such.
 */
export async function listNotifications(
  db: Db,
  channelId: string,
  { limit, before }: ListNotificationsOptions,
) {
  const rows = await db.notification.findMany({
    where: { channelId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    notifications: page.map((row) => ({
      id: row.id,
      kind: row.kind as EmailKind,
      recipients: parseRecipients(row.recipients),
      subject: row.subject,
      text: row.text,
      status: row.status as NotificationStatus,
      attempts: row.attempts,
      lastError: row.lastError,
      nextAttemptAt: row.status === "queued" ? row.nextAttemptAt.toISOString() : null,
      sentAt: row.sentAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** What the dispatcher records as due, and makes emails of once per cooldown. */
export type NotificationKind = "error" | "given_up";
/** Every channel email: the due kinds, and those sent at once when sending pauses or resumes. */
export type EmailKind = NotificationKind | "paused" | "resumed";
/**
 * queued: waiting to be sent (again, after `lastError`, at `nextAttemptAt`); sending: handed to
 * the mail server; sent; failed: given up after the retries; outbox: no mail server configured.
 */
export type NotificationStatus = "queued" | "sending" | "sent" | "failed" | "outbox";
export type NotificationList = Awaited<ReturnType<typeof listNotifications>>;
export type NotificationView = NotificationList["notifications"][number];
