"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useChannelDetail } from "@/components/data/use-channel-detail";
import { type ChannelPatch, useUpdateChannel } from "@/components/data/use-update-channel";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Card, SettingRow } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import type { ChannelView } from "@/lib/channels/channel-view";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import type { WebhookUrlPolicy } from "@/lib/shared/webhook-url";
import { PauseRuleSetting } from "./pause-rule-setting";
import { WebhookUrlField } from "./webhook-url-field";

/** The Webhook settings card. A Viewer sees every setting, with the controls off. */
export function WebhookSettings({
  initialChannel,
  urlPolicy,
  role,
}: {
  initialChannel: ChannelView;
  urlPolicy: WebhookUrlPolicy;
  role: ProviderRole;
}) {
  const channel = useChannelDetail(initialChannel);
  const toggle = useUpdateChannel(channel.id, { optimistic: true });
  const [confirmingRedelivery, setConfirmingRedelivery] = useState(false);
  const aggregationHelpId = useId();
  const canConfigure = roleCan(role, "configure");
  const t = useTranslations("channels.webhookSettings");
  const pause = useTranslations("channels.pause");

  // A switch sends one setting at a time: the one a failed save names.
  const failedSetting = toggle.variables
    ? (Object.keys(toggle.variables)[0] as keyof ChannelPatch | undefined)
    : undefined;

  return (
    <div className="space-y-6">
      <Card title={t("title")}>
        {!canConfigure && (
          <div className="pt-3">
            <RoleNote note={VIEWER_NOTE} />
          </div>
        )}
        <SettingRow label="Webhook URL">
          <WebhookUrlField
            channelId={channel.id}
            webhookUrl={channel.webhookUrl}
            urlPolicy={urlPolicy}
            canConfigure={canConfigure}
          />
        </SettingRow>
        <SettingRow label={t("useWebhook")} help={t("useWebhookHelp")}>
          <Switch
            label={t("useWebhook")}
            checked={channel.useWebhook}
            disabled={!canConfigure}
            onChange={(useWebhook) => toggle.mutate({ useWebhook })}
          />
        </SettingRow>
        <SettingRow label={t("redelivery")} help={t("redeliveryHelp")}>
          <Switch
            label={t("redelivery")}
            checked={channel.webhookRedelivery}
            disabled={!canConfigure}
            onChange={(on) =>
              on ? setConfirmingRedelivery(true) : toggle.mutate({ webhookRedelivery: false })
            }
          />
        </SettingRow>
        <SettingRow
          label={t("aggregation")}
          help={
            <span id={aggregationHelpId}>
              {t.rich("aggregationHelp", {
                note: channel.useWebhook || !canConfigure ? "counted" : "locked",
                link: (chunks) => (
                  <Link className="underline" href={`/console/channel/${channel.id}/statistics`}>
                    {chunks}
                  </Link>
                ),
              })}
            </span>
          }
        >
          <Switch
            label={t("aggregation")}
            checked={channel.errorStatisticsAggregation}
            disabled={!canConfigure || !channel.useWebhook}
            describedBy={aggregationHelpId}
            onChange={(errorStatisticsAggregation) => toggle.mutate({ errorStatisticsAggregation })}
          />
        </SettingRow>
        <SettingRow label={t("pauseRule")} help={pause("ruleHelp")}>
          <PauseRuleSetting
            channelId={channel.id}
            rule={channel.pauseRule}
            canConfigure={canConfigure}
          />
        </SettingRow>
        {toggle.error && (
          <div className="pb-4">
            <Alert tone="error">
              {t("saveFailed", {
                setting: failedSetting ? t(`settingNames.${failedSetting}`) : t("theSetting"),
                message: toggle.error.message,
              })}
            </Alert>
          </div>
        )}
      </Card>
      <ConfirmDialog
        open={confirmingRedelivery}
        title={t("redeliveryConfirm.title")}
        confirmLabel={t("redeliveryConfirm.confirm")}
        onCancel={() => setConfirmingRedelivery(false)}
        onConfirm={() => {
          setConfirmingRedelivery(false);
          toggle.mutate({ webhookRedelivery: true });
        }}
      >
        <p>{t("redeliveryConfirm.intro")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            {t.rich("redeliveryConfirm.duplicates", {
              code: (chunks) => <code>{chunks}</code>,
            })}
          </li>
          <li>{t("redeliveryConfirm.order")}</li>
          <li>{t("redeliveryConfirm.flood")}</li>
        </ul>
      </ConfirmDialog>
    </div>
  );
}
