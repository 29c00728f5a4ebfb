import { useTranslations } from "next-intl";
import { useId } from "react";
import type { NotificationView } from "@/components/data/notification-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { emailTextParts } from "./email-text-parts";
import { notificationStatusText } from "./notification-status";

/**
 * One error notification email as it was (or will be) sent. Its subject and text quote the
 * channel's name, which any Admin may set: both are rendered as text, never as markup. The web
 * addresses in its text (the console's own pages) are links, shown decoded. The email is in
 * English whatever the page's language, as it was sent: marked `translate="no"`, as data.
 */
export function NotificationEmail({ email }: { email: NotificationView }) {
  const subjectId = useId();
  const t = useTranslations("notifications");
  const f = useConsoleFormat();
  const status = notificationStatusText(email, t, f.locale);

  return (
    <article aria-labelledby={subjectId} className="space-y-3 py-4">
      <h3 id={subjectId} translate="no" className="font-semibold break-words">
        {email.subject}
      </h3>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
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
        <pre
          translate="no"
          className="whitespace-pre-wrap wrap-anywhere rounded-md border border-line bg-surface p-3 font-mono text-xs"
        >
          {emailTextParts(email.text).map((part, index) =>
            "url" in part ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
              <a key={index} href={part.url} className="text-line-green-dark underline">
                {part.label}
              </a>
            ) : (
              part.text
            ),
          )}
        </pre>
      </figure>
    </article>
  );
}
