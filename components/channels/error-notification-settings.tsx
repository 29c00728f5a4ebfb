"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("channels.errorNotification");
  const notificationsHref = `/console/channel/${channel.id}/notifications`;

  return (
    <>
      <TextSetting
        label={t("emailAddress")}
        value={channel.notificationEmail ?? ""}
        placeholder={t("notSet")}
        // The server's rule (an address, at most 254 characters) is checked there; its message
        // names the field, and is shown under it.
        maxLength={254}
        hint={t("emailHint")}
        help={t("emailHelp")}
        canEdit={canManage}
        mutation={saveEmail}
        toInput={(typed) => ({ notificationEmail: typed })}
        testId="notification-email"
      />
      <SettingRow
        label={t("label")}
        help={
          <span id={toggleHelpId}>
            {t.rich("help", {
              link: (chunks) => (
                <Link className="underline" href={notificationsHref}>
                  {chunks}
                </Link>
              ),
            })}
          </span>
        }
      >
        <div className="space-y-2">
          <Switch
            label={t("label")}
            checked={channel.errorNotification}
            disabled={!canManage}
            describedBy={toggleHelpId}
            onChange={(errorNotification) => toggle.mutate({ errorNotification })}
          />
          {toggle.error && (
            <Alert tone="error">{t("saveFailed", { message: toggle.error.message })}</Alert>
          )}
        </div>
      </SettingRow>
    </>
  );
}
