import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";
import { type ChannelKind, isOperational } from "@/lib/shared/channel-kinds";

const tabs = [
  { segment: "basics", label: "basics" },
  { segment: "messaging-api", label: "messagingApi" },
  { segment: "statistics", label: "statistics" },
  { segment: "deliveries", label: "deliveries" },
  { segment: "notifications", label: "notifications" },
  { segment: "audit", label: "audit" },
] as const;

/** The channel's tabs; an operational webhook's second tab holds its webhook, not LINE's API. */
export function ChannelTabs({ channelId, kind }: { channelId: string; kind: ChannelKind }) {
  const t = useTranslations("channels.tabs");
  return (
    <TabNav
      label={t("label")}
      tabs={tabs.map((tab) => ({
        href: `/console/channel/${channelId}/${tab.segment}`,
        label: t(isOperational(kind) && tab.label === "messagingApi" ? "webhook" : tab.label),
      }))}
    />
  );
}
