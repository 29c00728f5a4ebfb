import { redirect } from "next/navigation";

export default async function ChannelPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  redirect(`/console/channel/${channelId}/basics`);
}
