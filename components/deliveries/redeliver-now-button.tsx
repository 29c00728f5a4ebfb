"use client";

import { useTranslations } from "next-intl";
import { useRedeliverNow } from "@/components/data/use-redeliver-now";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { REDELIVER_NOW_LIMIT } from "@/lib/shared/redeliver-now";

/**
 * "Redeliver now" for one webhook or a selection: sends their events again at once, marked
 * `deliveryContext.isRedelivery: true`. Off for a Viewer (the server refuses it too) and beyond
 * REDELIVER_NOW_LIMIT webhooks.
 */
export function RedeliverNowButton({
  channelId,
  webhookIds,
  canConfigure,
  onQueued,
}: {
  channelId: string;
  webhookIds: readonly string[];
  canConfigure: boolean;
  /** Called once the webhooks are queued: the caller watches for their new attempts. */
  onQueued?: () => void;
}) {
  const redeliver = useRedeliverNow(channelId);
  const count = webhookIds.length;
  const tooMany = count > REDELIVER_NOW_LIMIT;
  const t = useTranslations("deliveries.redeliverNow");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="primary"
        disabled={!canConfigure || count === 0 || tooMany || redeliver.isPending}
        onClick={() => redeliver.mutate([...webhookIds], { onSuccess: () => onQueued?.() })}
      >
        {redeliver.isPending
          ? t("queuing")
          : count > 1
            ? t("redeliverCount", { count: String(count) })
            : t("redeliver")}
      </Button>
      {!canConfigure && <RoleNote note={VIEWER_NOTE} />}
      {tooMany && (
        <span className="text-xs text-danger">
          {t("tooMany", { limit: String(REDELIVER_NOW_LIMIT) })}
        </span>
      )}
      <div aria-live="polite" className="text-sm">
        {redeliver.error && <Alert tone="error">{redeliver.error.message}</Alert>}
        {redeliver.isSuccess && !redeliver.isPending && (
          <Alert tone="success">
            {redeliver.data.webhookIds.length === 1
              ? t("queuedOne")
              : t("queuedMany", { count: String(redeliver.data.webhookIds.length) })}
          </Alert>
        )}
      </div>
    </div>
  );
}
