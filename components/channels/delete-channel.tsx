"use client";

import { useDeleteChannel } from "@/components/data/use-delete-channel";
import { DeleteCard } from "@/components/settings/delete-card";
import type { ChannelView } from "@/lib/channels/channel-view";

/** For Admins: deletes the channel once its name is typed, then shows its provider. */
export function DeleteChannel({ channel }: { channel: ChannelView }) {
  const remove = useDeleteChannel(channel.id, channel.providerId);

  return (
    <DeleteCard
      label="Delete channel"
      question="Delete this channel?"
      name={channel.name}
      summary="Deletes the channel with its webhooks, delivery history, statistics and access tokens. Its entries stay in the provider's audit log."
      remove={remove}
      leaveTo={`/console/provider/${channel.providerId}`}
    >
      Webhooks stop at once: nothing more is sent to this channel's webhook URL, and its access
      token stops working. This cannot be undone.
    </DeleteCard>
  );
}
