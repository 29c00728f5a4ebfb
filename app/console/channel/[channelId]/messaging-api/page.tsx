import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AlertTypesSetting } from "@/components/channels/alert-types-setting";
import { ChannelAccessToken } from "@/components/channels/channel-access-token";
import { PausedSending } from "@/components/channels/paused-sending";
import { WebhookSettings } from "@/components/channels/webhook-settings";
import { PlayScenario } from "@/components/deliveries/play-scenario";
import { RecentDeliveries } from "@/components/deliveries/recent-deliveries";
import { SendTestEvent } from "@/components/deliveries/send-test-event";
import { getChannelAccessTokenStatus } from "@/lib/access-tokens/get-channel-access-token-status";
import { webhookUrlPolicyFromEnv } from "@/lib/channels/webhook-url-policy";
import { db } from "@/lib/db/client";
import { loadChannel } from "@/lib/http/page-data";
import { isOperational } from "@/lib/shared/channel-kinds";
import { roleCan } from "@/lib/shared/provider-roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("messagingApi") };
}

export default async function MessagingApiPage({
  params,
}: {
  params: Promise<{ channelId: string }>;
}) {
  const { channelId } = await params;
  const { channel, role } = await loadChannel(channelId);
  if (isOperational(channel.kind)) {
    // An operational webhook: its webhook settings and alerts; no LINE messages, no tokens.
    return (
      <div className="space-y-6">
        <PausedSending initialChannel={channel} canConfigure={roleCan(role, "configure")} />
        <WebhookSettings
          initialChannel={channel}
          urlPolicy={webhookUrlPolicyFromEnv()}
          role={role}
        />
        <AlertTypesSetting initialChannel={channel} canConfigure={roleCan(role, "configure")} />
        <RecentDeliveries channelId={channel.id} />
      </div>
    );
  }
  const accessTokenStatus = await getChannelAccessTokenStatus(db(), channel.id);
  return (
    <div className="space-y-6">
      <PausedSending initialChannel={channel} canConfigure={roleCan(role, "configure")} />
      <WebhookSettings initialChannel={channel} urlPolicy={webhookUrlPolicyFromEnv()} role={role} />
      <SendTestEvent channelId={channel.id} canConfigure={roleCan(role, "configure")} />
      <PlayScenario channelId={channel.id} canConfigure={roleCan(role, "configure")} />
      <RecentDeliveries channelId={channel.id} />
      <ChannelAccessToken
        channelId={channel.id}
        initialStatus={accessTokenStatus}
        canManage={roleCan(role, "manage")}
      />
    </div>
  );
}
