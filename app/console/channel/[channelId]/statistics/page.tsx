import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatisticsView } from "@/components/statistics/statistics-view";
import { loadChannel } from "@/lib/http/page-data";
import { retentionWindowsFromEnv } from "@/lib/retention/retention-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("statistics") };
}

export default async function StatisticsPage({
  params,
}: {
  params: Promise<{ channelId: string }>;
}) {
  const { channelId } = await params;
  const { channel } = await loadChannel(channelId);
  return (
    <StatisticsView
      initialChannel={channel}
      retention={retentionWindowsFromEnv()}
      renderedAt={Date.now()}
    />
  );
}
