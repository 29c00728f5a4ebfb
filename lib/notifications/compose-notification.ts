import "server-only";
import { type Alert, errorsDetected, webhooksGivenUp } from "../alerts/alert-payloads";
import { queueAlerts } from "../alerts/queue-alerts";
import type { Db, DbTransaction } from "../db/client";
import { newUlid } from "../ids/new-ulid";
import type { EmailKind, NotificationKind, NotificationStatus } from "./list-notifications";
import { type Email, errorEmail, redeliveryStoppedEmail } from "./notification-email";
import { byDueKey, type DueDelta } from "./notifications-due";

export interface ComposeSettings {
  cooldownMs: number;
  consoleOrigin: string;
  /** With a mail server the email is queued to be sent; without, it stays in the outbox. */
  smtpConfigured: boolean;
}

/** The channels and kinds with something due: few rows, whatever the traffic. */
export async function channelsWithNotificationsDue(
  db: Db,
): Promise<{ channelId: string; kind: NotificationKind }[]> {
  const rows = await db.notificationDue.findMany({
    distinct: ["channelId", "kind"],
    select: { channelId: true, kind: true },
  });
  return rows.map((row) => ({ channelId: row.channelId, kind: row.kind as NotificationKind }));
}

/** The transaction rolls back: its cooldown was claimed, but nothing was left to report. */
class NothingDue extends Error {}

/**
 * Makes one channel's email of one kind from what is due, if its cooldown has run out: in one
 * transaction it claims the cooldown, takes the due rows and stores the email, so with any number
 * of workers and restarts every due row ends in exactly one email. Returns the email's id, or null.
 */
export async function composeNotification(
  db: Db,
  channelId: string,
  kind: NotificationKind,
  settings: ComposeSettings,
  now: Date = new Date(),
): Promise<string | null> {
  try {
    return await db.$transaction(async (tx) => {
      const channel = await tx.channel.findUnique({
        where: { id: channelId },
        select: {
          id: true,
          name: true,
          providerId: true,
          kind: true,
          notificationEmail: true,
          errorNotification: true,
        },
      });
      if (!channel) return null;
      if (!channel.errorNotification) {
        // Turned off since: what was due is dropped, not sent later when it is turned on again.
        await tx.notificationDue.deleteMany({ where: { channelId, kind } });
        return null;
      }
      if (!(await claimCooldown(tx, channelId, kind, now, settings.cooldownMs))) return null;
      const due = await takeDue(tx, channelId, kind);
      if (due.length === 0) throw new NothingDue();
      const origin = settings.consoleOrigin;
      if (kind === "error") {
        const notice = {
          email: errorEmail(channel, due, origin),
          alert: errorsDetected(channel, due, origin),
        };
        return await notify(tx, channel, { kind, ...notice }, now, settings);
      }
      const stopped = await stoppedWebhooks(tx, due);
      const notice = {
        email: redeliveryStoppedEmail(channel, stopped, origin),
        alert: webhooksGivenUp(channel, stopped, origin),
      };
      return await notify(tx, channel, { kind, ...notice }, now, settings);
    });
  } catch (error) {
    if (error instanceof NothingDue) return null;
    throw error;
  }
}

/**
 * Starts the channel's cooldown for this kind unless it is still running. The conditional upsert
 * is its own lock: a second worker's waits for the first's to commit, then finds it running.
 */
async function claimCooldown(
  tx: DbTransaction,
  channelId: string,
  kind: NotificationKind,
  now: Date,
  cooldownMs: number,
): Promise<boolean> {
  const claimed = await tx.$executeRaw`
    INSERT INTO "NotificationCooldown" ("channelId", "kind", "lastAt")
    VALUES (${channelId}, ${kind}, ${now})
    ON CONFLICT ("channelId", "kind") DO UPDATE SET "lastAt" = excluded."lastAt"
    WHERE "NotificationCooldown"."lastAt" <= ${new Date(now.getTime() - cooldownMs)}`;
  return claimed > 0;
}

/** A due row as taken: its key within the channel and kind, and what it adds up. */
type DueRow = Omit<DueDelta, "channelId" | "kind">;

/**
 * Deletes and returns the channel's due rows of this kind, one at a time in the recorder's lock
 * order (byDueKey), so a recorder adding to them meanwhile waits or deadlocks with nothing. A row
 * the recorder adds after the listing stays for the next email.
 */
async function takeDue(tx: DbTransaction, channelId: string, kind: NotificationKind) {
  const keys = (
    await tx.notificationDue.findMany({
      where: { channelId, kind },
      select: { reason: true, detail: true, webhookId: true },
    })
  )
    .map((key) => ({ channelId, kind, ...key }))
    .sort(byDueKey);
  const taken: DueRow[] = [];
  for (const key of keys) {
    const rows = await tx.$queryRaw<(Omit<DueRow, "firstAt" | "lastAt"> & Instants)[]>`
      DELETE FROM "NotificationDue"
      WHERE "channelId" = ${channelId} AND "kind" = ${kind} AND "reason" = ${key.reason}
        AND "detail" = ${key.detail} AND "webhookId" = ${key.webhookId}
      RETURNING "reason", "detail", "webhookId", "count", "firstAt", "lastAt"`;
    for (const row of rows) {
      taken.push({
        ...row,
        count: Number(row.count),
        firstAt: new Date(row.firstAt),
        lastAt: new Date(row.lastAt),
      });
    }
  }
  return taken;
}

/** Raw queries answer instants as Date (PostgreSQL) or text (SQLite). */
type Instants = { firstAt: Date | string; lastAt: Date | string };

/** Each stopped webhook with its events' ids, as the index written with the webhook holds them. */
async function stoppedWebhooks(tx: DbTransaction, due: DueRow[]) {
  const events = await tx.webhookEvent.findMany({
    where: { webhookId: { in: due.map((row) => row.webhookId) } },
    orderBy: { webhookEventId: "asc" },
  });
  return due.map((row) => ({
    webhookId: row.webhookId,
    webhookEventIds: events
      .filter((e) => e.webhookId === row.webhookId)
      .map((e) => e.webhookEventId),
    reason: row.reason,
    detail: row.detail,
    at: row.lastAt,
  }));
}

/** The channel's email address and every Admin of its provider, each once. */
export async function recipientsOf(
  tx: DbTransaction,
  channel: { providerId: string; notificationEmail: string | null },
): Promise<string[]> {
  const admins = await tx.providerMember.findMany({
    where: { providerId: channel.providerId, role: "admin" },
    select: { user: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const all = [channel.notificationEmail, ...admins.map((admin) => admin.user.email)];
  const seen = new Set<string>();
  return all.filter((address): address is string => {
    const key = address?.toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Sends a channel's notification everywhere it goes, in the caller's transaction: the email to
 * its recipients, and the same news as an alert to its provider's operational webhooks. Returns
 * the email's id.
 */
export async function notify(
  tx: DbTransaction,
  channel: { id: string; providerId: string; kind: string; notificationEmail: string | null },
  notice: { kind: EmailKind; email: Email; alert: Alert },
  now: Date,
  settings: Pick<ComposeSettings, "smtpConfigured">,
): Promise<string> {
  await queueAlerts(tx, channel, notice.alert, now);
  const recipients = await recipientsOf(tx, channel);
  return storeEmail(tx, {
    channelId: channel.id,
    kind: notice.kind,
    email: notice.email,
    recipients,
    now,
    settings,
  });
}

async function storeEmail(
  tx: DbTransaction,
  {
    channelId,
    kind,
    email,
    recipients,
    now,
    settings,
  }: {
    channelId: string;
    kind: EmailKind;
    email: Email;
    recipients: string[];
    now: Date;
    settings: Pick<ComposeSettings, "smtpConfigured">;
  },
): Promise<string> {
  const status: NotificationStatus =
    recipients.length === 0 ? "failed" : settings.smtpConfigured ? "queued" : "outbox";
  const { id } = await tx.notification.create({
    data: {
      id: newUlid(now.getTime()),
      channelId,
      kind,
      // One email per cooldown claim: the same claim cannot store two.
      dedupeKey: `${kind}:${channelId}:${now.toISOString()}`,
      recipients: JSON.stringify(recipients),
      subject: email.subject,
      text: email.text,
      status,
      lastError:
        recipients.length === 0
          ? "No recipient: the channel has no email address and its provider no Admin"
          : null,
      nextAttemptAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return id;
}
