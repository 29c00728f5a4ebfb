"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deliveriesQuery } from "@/components/data/console-queries";
import { useChannelDetail } from "@/components/data/use-channel-detail";
import { useResumeSending } from "@/components/data/use-resume-sending";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RateSelect } from "@/components/ui/rate-select";
import type { ChannelView } from "@/lib/channels/channel-view";
import { DEFAULT_DRAIN_PER_SECOND } from "@/lib/channels/pause-limits";
import { formatUtc9Minute } from "@/lib/shared/utc9";

/** The rates the operator picks from for the kept webhooks: per second. */
const DRAIN_RATES = [1, 5, DEFAULT_DRAIN_PER_SECOND, 50, 100] as const;
const LAST_ERRORS = 5;

/**
 * "Paused since …, because …" with the last errors and Resume, on the Messaging API tab while the
 * pause rule holds the channel's sending; nothing while it sends.
 */
export function PausedSending({
  initialChannel,
  canConfigure,
}: {
  initialChannel: ChannelView;
  canConfigure: boolean;
}) {
  const channel = useChannelDetail(initialChannel);
  const resume = useResumeSending(channel.id);
  const t = useTranslations("channels.pause");
  if (!channel.paused) {
    return resume.data ? (
      <Alert tone="success">{t("resumed", { backlog: resume.data.backlog })}</Alert>
    ) : null;
  }
  const { since, because } = channel.paused;
  const at = (iso: string) => formatUtc9Minute(new Date(iso));
  return (
    <section
      aria-labelledby="paused-title"
      className="space-y-3 rounded-lg border border-l-4 border-danger/40 border-l-danger bg-white p-4"
    >
      <h2 id="paused-title" className="font-semibold">
        {t("pausedTitle")}
      </h2>
      <p className="text-sm">
        {because
          ? t("pausedBecause", {
              since: at(since),
              minutes: because.rule.minutes,
              failedAttempts: because.failedAttempts,
              failingSince: at(because.failingSince),
            })
          : t("pausedSince", { since: at(since) })}
      </p>
      <p className="text-sm text-muted">{t("keptNote")}</p>
      <LastErrors channelId={channel.id} />
      {canConfigure && (
        <ResumeControl
          pending={resume.isPending}
          onResume={(drainPerSecond) => resume.mutate(drainPerSecond)}
        />
      )}
      {resume.error && (
        <Alert tone="error">{t("resumeFailed", { message: resume.error.message })}</Alert>
      )}
    </section>
  );
}

function LastErrors({ channelId }: { channelId: string }) {
  const t = useTranslations("channels.pause");
  // The newest attempts are failures while paused: no attempt succeeds before the pause.
  const { data } = useQuery(deliveriesQuery(channelId, LAST_ERRORS));
  const failures = (data?.deliveries ?? []).filter((delivery) => !delivery.success);
  return (
    <div>
      <h3 className="text-sm font-medium">{t("lastErrors")}</h3>
      {failures.length === 0 ? (
        <p className="text-sm text-muted">{t("noErrors")}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm">
          {failures.map((delivery) => (
            <li key={delivery.id} data-testid="paused-last-error">
              <span className="tabular-nums">
                {formatUtc9Minute(new Date(delivery.attemptedAt))}
              </span>{" "}
              <code translate="no">
                {delivery.reason} / {delivery.detail}
              </code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ResumeControl({
  pending,
  onResume,
}: {
  pending: boolean;
  onResume: (drainPerSecond: number) => void;
}) {
  const t = useTranslations("channels.pause");
  const [rate, setRate] = useState<number>(DEFAULT_DRAIN_PER_SECOND);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <RateSelect
        label={t("drainRate")}
        rates={DRAIN_RATES}
        value={rate}
        onChange={setRate}
        format={(count) => t("perSecond", { count })}
      />
      <Button variant="primary" disabled={pending} onClick={() => onResume(rate)}>
        {pending ? t("resuming") : t("resume")}
      </Button>
    </div>
  );
}
