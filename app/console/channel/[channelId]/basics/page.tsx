import { BasicSettings } from "@/components/channels/basic-settings";
import { getChannel } from "@/lib/channels/get-channel";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/page-data";

export const metadata = { title: "Basic settings" };

export default async function BasicsPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  const channel = await orNotFound(getChannel(db(), channelId));
  return <BasicSettings initialChannel={channel} />;
}
