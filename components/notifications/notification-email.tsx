import { useTranslations } from "next-intl";
import { useId } from "react";
import type { NotificationView } from "@/components/data/notification-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { notificationStatusText } from "./notification-status";

/**
 * One error notification email as it was (or will be) sent. Its subject and text quote the
 * channel's name, which any Admin may set: both are rendered as text, never as markup.
 */
export function NotificationEmail({ email }: { email: NotificationView }) {
  const subjectId = useId();
  const t = useTranslations("notifications");
  const f = useConsoleFormat();
  const status = notificationStatusText(email, t, f.locale);

  return (
    <article aria-labelledby={subjectId} className="space-y-3 py-4">
      <h3 id={subjectId} className="font-semibold break-words">
        {email.subject}
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-muted">{t("email.created")}</dt>
        <dd className="font-mono text-xs leading-5">
          <time dateTime={email.createdAt}>{f.instant(email.createdAt)}</time>
        </dd>
        <dt className="text-muted">{t("email.status")}</dt>
        <dd>
          <span data-testid="notification-status">{status.label}</span>
          {status.problem && (
            <span className="block break-words text-danger">
              {t("email.lastError", { error: status.problem })}
            </span>
          )}
        </dd>
        <dt className="text-muted">{t("email.to")}</dt>
        <dd>
          {email.recipients.length === 0 ? (
            <span className="text-muted">{t("email.noRecipient")}</span>
          ) : (
            <ul aria-label={t("email.recipients")} className="flex flex-wrap gap-x-3">
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
        <figcaption className="sr-only">{t("email.body")}</figcaption>
        <pre className="whitespace-pre-wrap break-words rounded-md border border-line bg-surface p-3 font-mono text-xs">
          {email.text}
        </pre>
      </figure>
    </article>
  );
}
