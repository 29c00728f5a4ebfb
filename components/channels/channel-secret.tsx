"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { channelSecretQuery } from "@/components/data/console-queries";
import { useReissueChannelSecret } from "@/components/data/use-reissue-channel-secret";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

const MASK = "•".repeat(32);

/** The secret's place, masked: what operators who may not see it get (only Admins may). */
export function MaskedChannelSecret() {
  return (
    <code data-testid="channel-secret" className="rounded bg-surface px-2 py-1 font-mono text-sm">
      {MASK}
    </code>
  );
}

/**
 * Masked by default; the secret is fetched only when the operator asks to see it. For Admins:
 * revealing and reissuing need the "manage" permission.
 */
export function ChannelSecret({ channelId }: { channelId: string }) {
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const secret = useQuery({ ...channelSecretQuery(channelId), enabled: revealed });
  const reissue = useReissueChannelSecret(channelId);
  const t = useTranslations("channels.channelSecret");
  const common = useTranslations("common");

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
          setConfirming(false);
          reissue.mutate(undefined, { onSuccess: () => setRevealed(true) });
        }}
      >
        <p>{t("reissueBody")}</p>
      </ConfirmDialog>
    </div>
  );
}
