// What the outbox says of an email's state. Pure, for its unit test.
import type { NotificationView } from "@/lib/notifications/list-notifications";
import { formatUtc9 } from "@/lib/shared/utc9";

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
export function notificationStatusText(email: StatusFields): NotificationStatusText {
  switch (email.status) {
    case "outbox":
      return { label: "Kept in outbox", problem: null };
    case "sent":
      return {
        label: email.sentAt ? `Sent ${formatUtc9(new Date(email.sentAt))}` : "Sent",
        problem: null,
      };
    case "sending":
      return { label: "Sending", problem: null };
    case "queued":
      // Before its first attempt an email is simply waiting its turn; after one, it is a retry.
      return {
        label:
          email.attempts > 0 && email.nextAttemptAt
            ? `Queued (retry at ${formatUtc9(new Date(email.nextAttemptAt))})`
            : "Queued",
        problem: email.lastError,
      };
    case "failed":
      return { label: "Failed", problem: email.lastError };
  }
}
