import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

const tabs = [
  { segment: "basics", label: "basics" },
  { segment: "messaging-api", label: "messagingApi" },
  { segment: "statistics", label: "statistics" },
  { segment: "deliveries", label: "deliveries" },
  { segment: "notifications", label: "notifications" },
  { segment: "audit", label: "audit" },
] as const;

export function ChannelTabs({ channelId }: { channelId: string }) {
  const t = useTranslations("channels.tabs");
  return (
    <TabNav
      label={t("label")}
      tabs={tabs.map((tab) => ({
        href: `/console/channel/${channelId}/${tab.segment}`,
        label: t(tab.label),
      }))}
    />
  );
}
