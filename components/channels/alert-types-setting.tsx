"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useChannelDetail } from "@/components/data/use-channel-detail";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ALERT_TYPES, type AlertType } from "@/lib/alerts/alert-types";
import type { ChannelView } from "@/lib/channels/channel-view";

/** Message keys cannot hold the types' dots. */
const DESCRIPTION_KEYS = {
  "errors.detected": "errorsDetected",
  "webhook.given_up": "webhookGivenUp",
  "channel.paused": "channelPaused",
  "channel.resumed": "channelResumed",
} as const satisfies Record<AlertType, string>;

/**
 * An operational webhook's card: what it is sent and how to check it, and the alert types it
 * takes (at least one; all of them is stored as "every type", so types added later come too).
 */
export function AlertTypesSetting({
  initialChannel,
  canConfigure,
}: {
  initialChannel: ChannelView;
  canConfigure: boolean;
}) {
  const channel = useChannelDetail(initialChannel);
  const alertTypes = channel.alertTypes ?? [];
  const t = useTranslations("channels.alerts");
  const common = useTranslations("common");
  const update = useUpdateChannel(channel.id, { optimistic: false });
  const [chosen, setChosen] = useState<readonly AlertType[] | null>(null);
  const shown = chosen ?? alertTypes;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const all = ALERT_TYPES.every((type) => shown.includes(type));
    update.mutate(
      { alertTypes: all ? null : ALERT_TYPES.filter((type) => shown.includes(type)) },
      { onSuccess: () => setChosen(null) },
    );
  };

  return (
    <Card title={t("title")}>
      <div className="space-y-4 py-3">
        <p className="text-sm">{t("intro")}</p>
        <p className="text-sm text-muted">
          {t.rich("signing", { code: (chunks) => <code translate="no">{chunks}</code> })}
        </p>
        {!canConfigure && <RoleNote note={VIEWER_NOTE} />}
        <form onSubmit={save} className="space-y-3">
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium">{t("types")}</legend>
            {ALERT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-line-green"
                  checked={shown.includes(type)}
                  disabled={!canConfigure || update.isPending}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked
                        ? [...shown, type]
                        : shown.filter((other) => other !== type),
                    )
                  }
                />
                <span>
                  <code translate="no">{type}</code>
                  <span className="block text-muted">
                    {t(`descriptions.${DESCRIPTION_KEYS[type]}`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {update.error && <Alert tone="error">{update.error.message}</Alert>}
          {canConfigure && (
            <Button
              type="submit"
              variant="primary"
              disabled={chosen === null || shown.length === 0 || update.isPending}
            >
              {update.isPending ? common("saving") : common("save")}
            </Button>
          )}
        </form>
      </div>
    </Card>
  );
}
