import { BasicSettings } from "@/components/channels/basic-settings";
import { loadChannel } from "@/lib/http/page-data";

export const metadata = { title: "Basic settings" };

export default async function BasicsPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  const { channel, role } = await loadChannel(channelId);
  return <BasicSettings initialChannel={channel} role={role} />;
}
