"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type NotificationList, notificationsQuery } from "@/components/data/notification-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LoadOlder } from "@/components/ui/load-older";
import { UTC9_LABEL } from "@/lib/shared/utc9";
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

  return (
    <Card title="Error notification emails">
      <div className="grid gap-3 py-3">
        {emails.length === 0 ? (
          <div className="space-y-1 text-sm text-muted">
            <p>No error notification emails yet.</p>
            <p>
              An email appears here when webhooks to your bot server fail, or their redelivery
              stops, while Error notification is on in{" "}
              <Link className="underline" href={`/console/channel/${channelId}/basics`}>
                Basic settings
              </Link>
              . Without a mail server configured (SMTP_URL), emails are kept here instead of being
              sent.
            </p>
          </div>
        ) : (
          <>
            <p className="text-xs text-muted">
              Newest first. Times in {UTC9_LABEL}. Without a mail server configured (SMTP_URL),
              emails are kept here instead of being sent.
            </p>
            <ol aria-label="Error notification emails" className="divide-y divide-line">
              {emails.map((email) => (
                <li key={email.id}>
                  <NotificationEmail email={email} />
                </li>
              ))}
            </ol>
          </>
        )}
        {outbox.error && (
          <Alert tone="error">The emails could not be loaded: {outbox.error.message}</Alert>
        )}
        <LoadOlder pages={outbox} />
      </div>
    </Card>
  );
}
