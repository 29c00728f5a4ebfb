"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { channelQuery } from "@/components/data/console-queries";
import { type ChannelPatch, useUpdateChannel } from "@/components/data/use-update-channel";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Card, SettingRow } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import type { ChannelView } from "@/lib/channels/channel-view";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import type { WebhookUrlPolicy } from "@/lib/shared/webhook-url";
import { WebhookUrlField } from "./webhook-url-field";

const settingNames: Record<keyof ChannelPatch, string> = {
  name: "Channel name",
  description: "Channel description",
  webhookUrl: "Webhook URL",
  useWebhook: "Use webhook",
  webhookRedelivery: "Webhook redelivery",
  errorStatisticsAggregation: "Error statistics aggregation",
  notificationEmail: "Email address",
  errorNotification: "Error notification",
};

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
  const { data: channel } = useQuery({
    ...channelQuery(initialChannel.id),
    initialData: initialChannel,
  });
  const toggle = useUpdateChannel(channel.id, { optimistic: true });
  const [confirmingRedelivery, setConfirmingRedelivery] = useState(false);
  const aggregationHelpId = useId();
  const canConfigure = roleCan(role, "configure");

  const failedSetting = toggle.variables ? Object.keys(toggle.variables)[0] : undefined;

  return (
    <div className="space-y-6">
      <Card title="Webhook settings">
        {!canConfigure && (
          <div className="pt-3">
            <RoleNote>{VIEWER_NOTE}</RoleNote>
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
        <SettingRow
          label="Use webhook"
          help="When off, events for this channel are not sent to the webhook URL."
        >
          <Switch
            label="Use webhook"
            checked={channel.useWebhook}
            disabled={!canConfigure}
            onChange={(useWebhook) => toggle.mutate({ useWebhook })}
          />
        </SettingRow>
        <SettingRow
          label="Webhook redelivery"
          help="Resend webhooks that your bot server failed to receive."
        >
          <Switch
            label="Webhook redelivery"
            checked={channel.webhookRedelivery}
            disabled={!canConfigure}
            onChange={(on) =>
              on ? setConfirmingRedelivery(true) : toggle.mutate({ webhookRedelivery: false })
            }
          />
        </SettingRow>
        <SettingRow
          label="Error statistics aggregation"
          help={
            <span id={aggregationHelpId}>
              Counts failed webhooks by reason for the{" "}
              <Link className="underline" href={`/console/channel/${channel.id}/statistics`}>
                Statistics
              </Link>{" "}
              tab.{" "}
              {channel.useWebhook || !canConfigure
                ? "Only webhooks sent while it is on are counted."
                : "Turn on Use webhook to change this setting."}
            </span>
          }
        >
          <Switch
            label="Error statistics aggregation"
            checked={channel.errorStatisticsAggregation}
            disabled={!canConfigure || !channel.useWebhook}
            describedBy={aggregationHelpId}
            onChange={(errorStatisticsAggregation) => toggle.mutate({ errorStatisticsAggregation })}
          />
        </SettingRow>
        {toggle.error && (
          <div className="pb-4">
            <Alert tone="error">
              Could not save{" "}
              {failedSetting ? settingNames[failedSetting as keyof ChannelPatch] : "the setting"}:{" "}
              {toggle.error.message}
            </Alert>
          </div>
        )}
      </Card>
      <ConfirmDialog
        open={confirmingRedelivery}
        title="Turn on webhook redelivery?"
        confirmLabel="Enable"
        onCancel={() => setConfirmingRedelivery(false)}
        onConfirm={() => {
          setConfirmingRedelivery(false);
          toggle.mutate({ webhookRedelivery: true });
        }}
      >
        <p>Before you enable webhook redelivery, make sure your bot server can handle it:</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            The same webhook may arrive more than once. Use <code>webhookEventId</code> to detect
            duplicates.
          </li>
          <li>Redelivered webhooks may arrive in a different order from the original events.</li>
          <li>
            If redelivered webhooks flood the platform, redelivery can be stopped for the channel.
          </li>
        </ul>
      </ConfirmDialog>
    </div>
  );
}
