import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BasicSettings } from "@/components/channels/basic-settings";
import { loadChannel } from "@/lib/http/page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("basicSettings") };
}

export default async function BasicsPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  const { channel, role } = await loadChannel(channelId);
  return <BasicSettings initialChannel={channel} role={role} />;
}
