// What the outbox says of an email's state. Pure, for its unit test: the caller hands in the
// notifications translator and the page's language.
import type { Translator } from "@/components/i18n/translator";
import { formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { NotificationView } from "@/lib/notifications/list-notifications";

export interface NotificationStatusText {
  /** "Kept in outbox", "Sent 2026-11-27 17:05:09", "Queued (retry at …)", "Sending", "Failed". */
  label: string;
  /** Why the last send failed, while it matters: the email is waiting to be retried, or gave up. */
  problem: string | null;
}

type StatusFields = Pick<
  NotificationView,
  "status" | "attempts" | "lastError" | "nextAttemptAt" | "sentAt"
>;

/** The label and the problem to show for an email; times in UTC+9 like the rest of the console. */
export function notificationStatusText(
  email: StatusFields,
  t: Translator<"notifications">,
  locale: Locale,
): NotificationStatusText {
  const time = (iso: string) => formatInstant(locale, new Date(iso));
  switch (email.status) {
    case "outbox":
      return { label: t("status.outbox"), problem: null };
    case "sent":
      return {
        label: email.sentAt ? t("status.sentAt", { time: time(email.sentAt) }) : t("status.sent"),
        problem: null,
      };
    case "sending":
      return { label: t("status.sending"), problem: null };
    case "queued":
      // Before its first attempt an email is simply waiting its turn; after one, it is a retry.
      return {
        label:
          email.attempts > 0 && email.nextAttemptAt
            ? t("status.queuedRetry", { time: time(email.nextAttemptAt) })
            : t("status.queued"),
        problem: email.lastError,
      };
    case "failed":
      return { label: t("status.failed"), problem: email.lastError };
  }
}
