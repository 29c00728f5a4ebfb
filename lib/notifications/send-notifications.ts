import "server-only";
import type { Db } from "../db/client";
import { processMetrics } from "../metrics/console-metrics";
import type { MailTransport } from "./mail-transport";
import { parseRecipients } from "./recipients";

export interface SendSettings {
  from: string;
  /** The first wait after a failed send; it doubles with each failure, up to an hour. */
  retryMs: number;
  /** How long a claim holds: a sender that dies mid-send leaves the email to another after it. */
  leaseMs: number;
}

/** Sends after which an email is marked failed and left in the outbox with its last error. */
export const MAX_SEND_ATTEMPTS = 8;
const MAX_RETRY_MS = 3_600_000;

/** The wait after the `attempts`-th failed send. */
export function retryDelayMs(retryMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_MS, retryMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends the queued emails that are due, one at a time, until none is left or `stopping()` says so;
 * returns how many the mail server accepted. Each is claimed under a lease first, so two workers
 * never send one together; a sender that dies mid-send leaves it to be sent again after the
 * lease (at least once: the Message-ID, the email's id, lets a mail server drop the repeat).
 */
export async function sendDueNotifications(
  db: Db,
  transport: MailTransport,
  settings: SendSettings,
  stopping: () => boolean = () => false,
): Promise<number> {
  let sent = 0;
  while (!stopping()) {
    const claimed = await claimNext(db, settings.leaseMs);
    if (!claimed) break;
    let accepted = false;
    try {
      await transport.send({
        from: settings.from,
        to: parseRecipients(claimed.recipients),
        subject: claimed.subject,
        text: claimed.text,
        messageId: `<${claimed.id}@webhook-console.notifications>`,
      });
      accepted = true;
      processMetrics().notificationEmail("sent");
      await db.notification.updateMany({
        where: { id: claimed.id, status: "sending", attempts: claimed.attempts },
        data: { status: "sent", sentAt: new Date(), leaseUntil: null, lastError: null },
      });
      sent++;
    } catch (error) {
      if (!accepted) processMetrics().notificationEmail("failed");
      const failedFor = error instanceof Error ? error.message : String(error);
      const last = claimed.attempts >= MAX_SEND_ATTEMPTS;
      await db.notification.updateMany({
        where: { id: claimed.id, status: "sending", attempts: claimed.attempts },
        data: {
          status: last ? "failed" : "queued",
          lastError: failedFor.slice(0, 1000),
          leaseUntil: null,
          nextAttemptAt: new Date(Date.now() + retryDelayMs(settings.retryMs, claimed.attempts)),
        },
      });
    }
  }
  return sent;
}

/**
 * The oldest due email, claimed: queued and due, or still "sending" after its lease (its sender
 * died). The claim re-checks that condition in its UPDATE, so of two workers only one wins.
 */
async function claimNext(db: Db, leaseMs: number) {
  const now = new Date();
  const due = {
    OR: [
      { status: "queued", nextAttemptAt: { lte: now } },
      { status: "sending", leaseUntil: { lt: now } },
    ],
  };
  for (;;) {
    const candidate = await db.notification.findFirst({
      where: due,
      orderBy: { nextAttemptAt: "asc" },
      select: { id: true, attempts: true },
    });
    if (!candidate) return null;
    const { count } = await db.notification.updateMany({
      where: { id: candidate.id, attempts: candidate.attempts, ...due },
      data: {
        status: "sending",
        attempts: { increment: 1 },
        leaseUntil: new Date(now.getTime() + leaseMs),
      },
    });
    if (count === 1) {
      return db.notification.findUniqueOrThrow({ where: { id: candidate.id } });
    }
    // Another worker took it: look again.
  }
}
