import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WebhookDetailView } from "@/components/deliveries/webhook-detail";
import { loadChannel, loadWebhookDetail } from "@/lib/http/page-data";
import { roleCan } from "@/lib/shared/provider-roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("webhook") };
}

/** One webhook of the Deliveries tab: its request as sent and every attempt (a linkable page). */
export default async function WebhookDetailPage({
  params,
}: {
  params: Promise<{ channelId: string; webhookId: string }>;
}) {
  const { channelId, webhookId } = await params;
  // Checks the operator may read the channel before the webhook is read.
  const detail = await loadWebhookDetail(channelId, webhookId);
  const { role } = await loadChannel(channelId);
  return (
    <WebhookDetailView
      channelId={channelId}
      detail={detail}
      canConfigure={roleCan(role, "configure")}
    />
  );
}
