// A channel's error notification emails (its outbox), newest first, read a page at a time: "Load
// older" asks for the emails before the last one shown (the answer's `nextBefore`).
import { infiniteQueryOptions } from "@tanstack/react-query";
import { notificationsPageUrl } from "@/components/notifications/notification-paging";
import { listNotifications } from "@/lib/http/endpoints/channels";
import type { NotificationList } from "@/lib/notifications/list-notifications";
import { endpointKey } from "./endpoint-client";
import { fetchJson } from "./fetch-json";

export type { NotificationList, NotificationView } from "@/lib/notifications/list-notifications";

export const notificationKeys = {
  list: (channelId: string) => endpointKey(listNotifications, { channelId }),
};

/**
 * The outbox, read again every 5 s while it is open: the notifier makes an email a second or so
 * after a failure is recorded, and a queued email's status changes as it is sent.
 */
export const notificationsQuery = (channelId: string) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(channelId),
    queryFn: ({ pageParam }) =>
      fetchJson<NotificationList>(notificationsPageUrl(channelId, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
    refetchInterval: 5000,
  });
