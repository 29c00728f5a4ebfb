"use client";

import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { NotFoundPanel } from "@/components/layout/not-found-panel";

/** Says which webhook is missing and leads back to the channel's Deliveries tab. */
export function WebhookNotFound() {
  const t = useTranslations("pages.webhookNotFound");
  // A not-found boundary gets no params of its own; the URL it answers has them.
  const { channelId } = useParams<{ channelId: string }>();
  return (
    <NotFoundPanel
      level={2}
      heading={t("heading")}
      text={t("text")}
      back={{ href: `/console/channel/${channelId}/deliveries`, label: t("back") }}
    />
  );
}
