import { WebhookSettings } from "@/components/channels/webhook-settings";
import { getChannel } from "@/lib/channels/get-channel";
import { webhookUrlRequiresHttps } from "@/lib/channels/webhook-url";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/page-data";

export const metadata = { title: "Messaging API" };

export default async function MessagingApiPage({
  params,
}: {
  params: Promise<{ channelId: string }>;
}) {
  const { channelId } = await params;
  const channel = await orNotFound(getChannel(db(), channelId));
  return <WebhookSettings initialChannel={channel} requireHttps={webhookUrlRequiresHttps()} />;
}
