import { StatisticsView } from "@/components/statistics/statistics-view";
import { getChannel } from "@/lib/channels/get-channel";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/page-data";

export const metadata = { title: "Statistics" };

export default async function StatisticsPage({
  params,
}: {
  params: Promise<{ channelId: string }>;
}) {
  const { channelId } = await params;
  const channel = await orNotFound(getChannel(db(), channelId));
  return <StatisticsView initialChannel={channel} />;
}
