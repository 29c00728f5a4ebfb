// How the console pages through a channel's error notification emails. Pure: the server page reads
// the first page with the same size as the browser asks for the next ones.

import { endpointUrl } from "@/components/data/endpoint-client";
import { listNotifications } from "@/lib/http/endpoints/channels";

/** Emails carry their whole text, so a page holds fewer than the audit log's. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The API path of a page of the outbox: the newest emails, or those older than `before`. */
export function notificationsPageUrl(
  channelId: string,
  before: string | null,
  limit = NOTIFICATIONS_PAGE_SIZE,
): string {
  return endpointUrl(listNotifications, { params: { channelId }, query: { limit, before } });
}
