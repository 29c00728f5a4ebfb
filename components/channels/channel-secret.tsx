"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { channelSecretQuery } from "@/components/data/console-queries";
import { useReissueChannelSecret } from "@/components/data/use-reissue-channel-secret";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { utc9InputToIso } from "@/components/statistics/utc9-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { UTC9_LABEL } from "@/lib/shared/utc9";

const MASK = "•".repeat(32);

/** The secret's place, masked: what operators who may not see it get (only Admins may). */
export function MaskedChannelSecret() {
  return (
    <code data-testid="channel-secret" className="rounded bg-surface px-2 py-1 font-mono text-sm">
      {MASK}
    </code>
  );
}

/** Minutes until `iso`, at least 0, counted again every 15 seconds. */
function useMinutesUntil(iso: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 60_000)) : 0;
}

/**
 * Masked by default; the secret is fetched only when the operator asks to see it. For Admins:
 * revealing and reissuing need the "manage" permission. A reissue takes over at once or at a
 * time the Admin picks (UTC+9); until then the revealed secrets show both, and when the new one
 * takes over.
 */
export function ChannelSecret({ channelId }: { channelId: string }) {
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [later, setLater] = useState(false);
  const [switchInput, setSwitchInput] = useState("");
  const [missing, setMissing] = useState(false);
  const secret = useQuery({ ...channelSecretQuery(channelId), enabled: revealed });
  const reissue = useReissueChannelSecret(channelId);
  const t = useTranslations("channels.channelSecret");
  const common = useTranslations("common");
  const f = useConsoleFormat();
  const ids = { group: useId(), now: useId(), later: useId(), at: useId() };
  const scheduled = revealed ? secret.data?.scheduled : null;
  const minutes = useMinutesUntil(scheduled?.switchesAt);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="channel-secret"
          className="rounded bg-surface px-2 py-1 font-mono text-sm"
        >
          {revealed ? (secret.data?.channelSecret ?? common("loading")) : MASK}
        </code>
        <Button onClick={() => setRevealed((value) => !value)}>
          {revealed ? t("hide") : t("show")}
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={reissue.isPending}>
          {t("issue")}
        </Button>
      </div>
      {scheduled && (
        <div className="space-y-1 text-sm" data-testid="scheduled-channel-secret">
          <p className="text-muted">
            {t("scheduled", { time: f.instant(scheduled.switchesAt), minutes })}
          </p>
          <code className="rounded bg-surface px-2 py-1 font-mono text-sm">
            {scheduled.channelSecret}
          </code>
        </div>
      )}
      {(secret.error || reissue.error) && (
        <Alert tone="error">{(secret.error ?? reissue.error)?.message}</Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("reissueTitle")}
        confirmLabel={t("reissue")}
        confirmVariant="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          const switchAt = later ? utc9InputToIso(switchInput) : undefined;
          if (later && !switchAt) {
            setMissing(true);
            return;
          }
          setMissing(false);
          setConfirming(false);
          reissue.mutate(switchAt ?? undefined, { onSuccess: () => setRevealed(true) });
        }}
      >
        <p>{t("reissueBody")}</p>
        <fieldset className="mt-3 space-y-1 text-sm">
          <legend className="font-medium">{t("switchLabel")}</legend>
          <div className="flex items-center gap-2">
            <input id={ids.now} type="radio" checked={!later} onChange={() => setLater(false)} />
            <label htmlFor={ids.now}>{t("switchNow")}</label>
          </div>
          <div className="flex items-center gap-2">
            <input
              id={ids.later}
              type="radio"
              name={ids.group}
              checked={later}
              onChange={() => setLater(true)}
            />
            <label htmlFor={ids.later}>{t("switchLater")}</label>
          </div>
        </fieldset>
        {later && (
          <div className="mt-2">
            <label htmlFor={ids.at} className="block text-sm font-medium">
              {t("switchAt", { zone: UTC9_LABEL })}
            </label>
            <input
              id={ids.at}
              type="datetime-local"
              value={switchInput}
              onChange={(event) => setSwitchInput(event.target.value)}
              aria-invalid={missing || undefined}
              className="mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm"
            />
            {missing && <p className="mt-1 text-xs text-danger">{t("switchAtMissing")}</p>}
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}
