"use client";

import Link from "next/link";
import { useId } from "react";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { TextSetting } from "@/components/settings/text-setting";
import { Alert } from "@/components/ui/alert";
import { SettingRow } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import type { ChannelView } from "@/lib/channels/channel-view";

/**
 * Basic settings' Email address and Error notification rows: who is emailed when webhooks fail.
 * Both are Admin settings on the server (lib/channels/channel-input.ts); others see them only.
 */
export function ErrorNotificationSettings({
  channel,
  canManage,
}: {
  channel: ChannelView;
  canManage: boolean;
}) {
  const saveEmail = useUpdateChannel(channel.id, { optimistic: false });
  const toggle = useUpdateChannel(channel.id, { optimistic: true });
  const toggleHelpId = useId();
  const notificationsHref = `/console/channel/${channel.id}/notifications`;

  return (
    <>
      <TextSetting
        label="Email address"
        value={channel.notificationEmail ?? ""}
        placeholder="Not set"
        // The server's rule (an address, at most 254 characters) is checked there; its message
        // names the field, and is shown under it.
        maxLength={254}
        hint="Optional. Leave empty to remove."
        help="Receives the error notification emails of this channel, as every Admin of the channel does."
        canEdit={canManage}
        mutation={saveEmail}
        toInput={(typed) => ({ notificationEmail: typed })}
        testId="notification-email"
      />
      <SettingRow
        label="Error notification"
        help={
          <span id={toggleHelpId}>
            When on, the email address above and every Admin of this channel receive an email when
            webhooks to your bot server fail or their redelivery stops. Each email is listed on the{" "}
            <Link className="underline" href={notificationsHref}>
              Notifications
            </Link>{" "}
            tab.
          </span>
        }
      >
        <div className="space-y-2">
          <Switch
            label="Error notification"
            checked={channel.errorNotification}
            disabled={!canManage}
            describedBy={toggleHelpId}
            onChange={(errorNotification) => toggle.mutate({ errorNotification })}
          />
          {toggle.error && (
            <Alert tone="error">Could not save Error notification: {toggle.error.message}</Alert>
          )}
        </div>
      </SettingRow>
    </>
  );
}
