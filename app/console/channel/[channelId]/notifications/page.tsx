import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationOutbox } from "@/components/notifications/notification-outbox";
import { NOTIFICATIONS_PAGE_SIZE } from "@/components/notifications/notification-paging";
import { db } from "@/lib/db/client";
import { loadChannel } from "@/lib/http/page-data";
import { listNotifications } from "@/lib/notifications/list-notifications";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("notifications") };
}

export default async function ChannelNotificationsPage({
  params,
}: {
  params: Promise<{ channelId: string }>;
}) {
  const { channelId } = await params;
  // loadChannel checks the operator may read the channel before its emails are read.
  const { channel } = await loadChannel(channelId);
  const initialPage = await listNotifications(db(), channel.id, {
    limit: NOTIFICATIONS_PAGE_SIZE,
  });
  return <NotificationOutbox channelId={channel.id} initialPage={initialPage} />;
}
