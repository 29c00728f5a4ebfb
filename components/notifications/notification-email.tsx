import { useId } from "react";
import type { NotificationView } from "@/components/data/notification-queries";
import { formatUtc9 } from "@/lib/shared/utc9";
import { notificationStatusText } from "./notification-status";

/**
 * One error notification email as it was (or will be) sent. Its subject and text quote the
 * channel's name, which any Admin may set: both are rendered as text, never as markup.
 */
export function NotificationEmail({ email }: { email: NotificationView }) {
  const subjectId = useId();
  const status = notificationStatusText(email);

  return (
    <article aria-labelledby={subjectId} className="space-y-3 py-4">
      <h3 id={subjectId} className="font-semibold break-words">
        {email.subject}
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-muted">Created (UTC+9)</dt>
        <dd className="font-mono text-xs leading-5">
          <time dateTime={email.createdAt}>{formatUtc9(new Date(email.createdAt))}</time>
        </dd>
        <dt className="text-muted">Status</dt>
        <dd>
          <span data-testid="notification-status">{status.label}</span>
          {status.problem && (
            <span className="block break-words text-danger">Last error: {status.problem}</span>
          )}
        </dd>
        <dt className="text-muted">To</dt>
        <dd>
          {email.recipients.length === 0 ? (
            <span className="text-muted">No recipient</span>
          ) : (
            <ul aria-label="Recipients" className="flex flex-wrap gap-x-3">
              {email.recipients.map((address) => (
                <li key={address} className="break-all">
                  {address}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <figure>
        <figcaption className="sr-only">Email body</figcaption>
        <pre className="whitespace-pre-wrap break-words rounded-md border border-line bg-surface p-3 font-mono text-xs">
          {email.text}
        </pre>
      </figure>
    </article>
  );
}
