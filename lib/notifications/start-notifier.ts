import "server-only";
import type { Db } from "../db/client";
import { describeError } from "../logging/describe-error";
import { repeat } from "../shared/repeat";
import { channelsWithNotificationsDue, composeNotification } from "./compose-notification";
import { type MailTransport, smtpTransport } from "./mail-transport";
import type { NotificationSettings } from "./notification-settings";
import { sendDueNotifications } from "./send-notifications";

export interface NotifierJob {
  /**
   * No further pass; resolves once a pass under way has ended, or after `stopWaitMs` if it is
   * still waiting on the mail server: the email it was sending keeps its lease and is sent again
   * after it, by this process's successor or another worker.
   */
  stop(): Promise<void>;
}

export interface NotifierOptions {
  /** How often it looks for due notifications and queued emails. */
  pollMs?: number;
  /** Instead of SMTP_URL's server (tests count what a transport is handed). */
  transport?: MailTransport;
  logError?: (message: string) => void;
  /** The longest stop() waits for a pass under way (a stalled mail server must not hold it). */
  stopWaitMs?: number;
}

/**
 * Makes and sends error notification emails in the background of a dispatcher process (ADR 20):
 * each pass makes the emails whose cooldown has run out from what the recorder stored as due,
 * then sends the queued ones. It never touches the dispatch path: it has its own timer, reads
 * only what was committed, and a slow or failing mail server delays nothing but its own emails.
 * Passes never overlap; its timer does not keep the process alive.
 */
export function startNotifier(
  db: Db,
  settings: NotificationSettings,
  {
    pollMs = 1000,
    transport = settings.smtpUrl
      ? smtpTransport(settings.smtpUrl, settings.smtpTimeoutMs)
      : undefined,
    logError = (message) => console.error(`[notifications] ${message}`),
    stopWaitMs = 2000,
  }: NotifierOptions = {},
): NotifierJob {
  const compose = { ...settings, smtpConfigured: transport !== undefined };
  // Longer than one send can take (connect, greeting, the replies to each command, each bounded
  // by SMTP_TIMEOUT_MS), so only a sender that died leaves its email to another.
  const leaseMs = 10 * settings.smtpTimeoutMs;

  const pass = async () => {
    try {
      for (const { channelId, kind } of await channelsWithNotificationsDue(db)) {
        if (job.stopped) return;
        await composeNotification(db, channelId, kind, compose);
      }
      if (transport) {
        await sendDueNotifications(
          db,
          transport,
          { from: settings.from, retryMs: settings.retryMs, leaseMs },
          () => job.stopped,
        );
      }
    } catch (error) {
      // The database is away, or a write raced another worker's: the next pass tries again.
      logError(`pass failed: ${describeError(error)}`);
    }
  };

  // Errors are the pass's own to log (it catches them): none reaches here.
  const job = repeat(pollMs, pass, () => {});

  return {
    async stop() {
      const ending = job.stop();
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        ending,
        new Promise((resolve) => {
          waited = setTimeout(resolve, stopWaitMs);
        }),
      ]);
      clearTimeout(waited);
      transport?.close();
    },
  };
}
