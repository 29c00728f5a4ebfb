import { StatisticsView } from "@/components/statistics/statistics-view";
import { loadChannel } from "@/lib/http/page-data";
import { retentionWindowsFromEnv } from "@/lib/retention/retention-settings";

export const metadata = { title: "Statistics" };

export default async function StatisticsPage({
  params,
}: {
  params: Promise<{ channelId: string }>;
}) {
  const { channelId } = await params;
  const { channel } = await loadChannel(channelId);
  return <StatisticsView initialChannel={channel} retention={retentionWindowsFromEnv()} />;
}
