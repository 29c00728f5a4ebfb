"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";

/** Says which webhook is missing and leads back to the channel's Deliveries tab. */
export function WebhookNotFound() {
  const t = useTranslations("pages.webhookNotFound");
  // A not-found boundary gets no params of its own; the URL it answers has them.
  const { channelId } = useParams<{ channelId: string }>();
  return (
    <section className="rounded-lg border border-line bg-white p-10 text-center">
      <p className="font-mono text-sm text-muted">404</p>
      <h2 className="mt-2 text-xl font-semibold">{t("heading")}</h2>
      <p className="mt-2 text-muted">{t("text")}</p>
      <Link
        href={`/console/channel/${channelId}/deliveries`}
        className="mt-6 inline-block rounded-md bg-line-green-dark px-4 py-2 font-medium text-white hover:bg-line-green-darker"
      >
        {t("back")}
      </Link>
    </section>
  );
}
