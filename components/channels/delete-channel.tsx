"use client";

import { useTranslations } from "next-intl";
import { useDeleteChannel } from "@/components/data/use-delete-channel";
import { DeleteCard } from "@/components/settings/delete-card";
import type { ChannelView } from "@/lib/channels/channel-view";

/** For Admins: deletes the channel once its name is typed, then shows its provider. */
export function DeleteChannel({ channel }: { channel: ChannelView }) {
  const remove = useDeleteChannel(channel.id, channel.providerId);
  const t = useTranslations("channels.deleteChannel");

  return (
    <DeleteCard
      label={t("label")}
      question={t("question")}
      name={channel.name}
      summary={t("summary")}
      remove={remove}
      leaveTo={`/console/provider/${channel.providerId}`}
    >
      {t("body")}
    </DeleteCard>
  );
}
