"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type NotificationList, notificationsQuery } from "@/components/data/notification-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LoadOlder } from "@/components/ui/load-older";
import { NotificationEmail } from "./notification-email";

/**
 * The channel's error notification emails, newest first, a page at a time ("Load older"): the
 * ones sent, the ones waiting to be, and without a mail server the ones kept here instead.
 */
export function NotificationOutbox({
  channelId,
  initialPage,
}: {
  channelId: string;
  /** The newest page, read by the server page, so the outbox shows without a loading step. */
  initialPage: NotificationList;
}) {
  const outbox = useInfiniteQuery({
    ...notificationsQuery(channelId),
    initialData: { pages: [initialPage], pageParams: [null] },
    staleTime: 0,
  });
  const emails = outbox.data.pages.flatMap((page) => page.notifications);
  const t = useTranslations("notifications.outbox");

  return (
    <Card title={t("title")}>
      <div className="grid grid-cols-1 gap-3 py-3">
        {emails.length === 0 ? (
          <div className="space-y-1 text-sm text-muted">
            <p>{t("empty")}</p>
            <p>
              {t.rich("emptyHelp", {
                link: (chunks) => (
                  <Link className="underline" href={`/console/channel/${channelId}/basics`}>
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </div>
        ) : (
          <>
            <p className="text-xs text-muted">{t("listNote")}</p>
            <ol aria-label={t("title")} className="divide-y divide-line">
              {emails.map((email) => (
                <li key={email.id}>
                  <NotificationEmail email={email} />
                </li>
              ))}
            </ol>
          </>
        )}
        {outbox.error && (
          <Alert tone="error">{t("loadFailed", { message: outbox.error.message })}</Alert>
        )}
        <LoadOlder pages={outbox} />
      </div>
    </Card>
  );
}
