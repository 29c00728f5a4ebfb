// How the console pages through a channel's error notification emails. Pure: the server page reads
// the first page with the same size as the browser asks for the next ones.

import { newestFirstPageUrl } from "@/components/data/newest-first-page-url";

/** Emails carry their whole text, so a page holds fewer than the audit log's. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The API path of a page of the outbox: the newest emails, or those older than `before`. */
export function notificationsPageUrl(
  channelId: string,
  before: string | null,
  limit = NOTIFICATIONS_PAGE_SIZE,
): string {
  return newestFirstPageUrl(
    `/api/channels/${encodeURIComponent(channelId)}/notifications`,
    before,
    limit,
  );
}
