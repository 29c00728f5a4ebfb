"use client";

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
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="primary"
        disabled={!canConfigure || count === 0 || tooMany || redeliver.isPending}
        onClick={() => redeliver.mutate([...webhookIds], { onSuccess: () => onQueued?.() })}
      >
        {redeliver.isPending
          ? "Queuing…"
          : count > 1
            ? `Redeliver ${count} webhooks now`
            : "Redeliver now"}
      </Button>
      {!canConfigure && <RoleNote>{VIEWER_NOTE}</RoleNote>}
      {tooMany && (
        <span className="text-xs text-danger">
          At most {REDELIVER_NOW_LIMIT} webhooks can be redelivered at once.
        </span>
      )}
      <div aria-live="polite" className="text-sm">
        {redeliver.error && <Alert tone="error">{redeliver.error.message}</Alert>}
        {redeliver.isSuccess && !redeliver.isPending && (
          <Alert tone="success">
            {redeliver.data.webhookIds.length === 1
              ? "Queued for redelivery; the new attempt appears below once it is made."
              : `${redeliver.data.webhookIds.length} webhooks queued for redelivery; their new attempts appear below once they are made.`}
          </Alert>
        )}
      </div>
    </div>
  );
}
