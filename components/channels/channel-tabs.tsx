import { TabNav } from "@/components/ui/tab-nav";

const tabs = [
  { segment: "basics", label: "Basic settings" },
  { segment: "messaging-api", label: "Messaging API" },
  { segment: "statistics", label: "Statistics" },
  { segment: "deliveries", label: "Deliveries" },
  { segment: "notifications", label: "Notifications" },
  { segment: "audit", label: "Audit log" },
];

export function ChannelTabs({ channelId }: { channelId: string }) {
  return (
    <TabNav
      label="Channel settings"
      tabs={tabs.map((tab) => ({
        href: `/console/channel/${channelId}/${tab.segment}`,
        label: tab.label,
      }))}
    />
  );
}
