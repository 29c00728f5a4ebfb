"use client";

import { useQuery } from "@tanstack/react-query";
import { channelQuery } from "@/components/data/console-queries";
import { Card, SettingRow } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";
import { ChannelSecret } from "./channel-secret";

export function BasicSettings({ initialChannel }: { initialChannel: ChannelView }) {
  const { data: channel } = useQuery({
    ...channelQuery(initialChannel.id),
    initialData: initialChannel,
  });
  return (
    <Card title="Basic settings">
      <SettingRow label="Channel ID">
        <span className="font-mono text-sm">{channel.id}</span>
      </SettingRow>
      <SettingRow label="Channel name">{channel.name}</SettingRow>
      <SettingRow label="Channel description">
        {channel.description || <span className="text-muted">Not set</span>}
      </SettingRow>
      <SettingRow
        label="Channel secret"
        help="Signs every webhook (x-line-signature). Keep it private; reissue it if it leaks."
      >
        <ChannelSecret channelId={channel.id} />
      </SettingRow>
      <SettingRow label="Your user ID" help="The bot's user ID. Webhooks carry it as destination.">
        <span className="font-mono text-sm break-all">{channel.botUserId}</span>
      </SettingRow>
    </Card>
  );
}
