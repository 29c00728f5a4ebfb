"use client";

import { useTranslations } from "next-intl";
import { useChannelDetail } from "@/components/data/use-channel-detail";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { NameSetting } from "@/components/settings/name-setting";
import { IdSetting, SettingsCard } from "@/components/settings/settings-card";
import { TextSetting } from "@/components/settings/text-setting";
import { SettingRow } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";
import { isOperational } from "@/lib/shared/channel-kinds";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import { ChannelSecret, MaskedChannelSecret } from "./channel-secret";
import { DeleteChannel } from "./delete-channel";
import { ErrorNotificationSettings } from "./error-notification-settings";

export function BasicSettings({
  initialChannel,
  role,
}: {
  initialChannel: ChannelView;
  role: ProviderRole;
}) {
  const channel = useChannelDetail(initialChannel);
  const rename = useUpdateChannel(channel.id, { optimistic: false });
  const describe = useUpdateChannel(channel.id, { optimistic: false });
  const isAdmin = roleCan(role, "manage");
  const t = useTranslations("channels.basicSettings");
  // An operational webhook signs alerts with its secret and has no bot (ADR 33).
  const operational = isOperational(channel.kind);

  return (
    <div className="space-y-6">
      <SettingsCard title={t("title")} canEdit={isAdmin} readOnlyNote={ADMIN_ONLY.channelDetails}>
        <IdSetting label={t("channelId")} id={channel.id} />
        <NameSetting
          label={t("channelName")}
          name={channel.name}
          canEdit={isAdmin}
          rename={rename}
          testId="channel-name"
        />
        <TextSetting
          label={t("channelDescription")}
          value={channel.description}
          placeholder={t("notSet")}
          maxLength={500}
          hint={t("descriptionHint")}
          canEdit={isAdmin}
          mutation={describe}
          toInput={(description) => ({ description })}
          testId="channel-description"
        />
        <ErrorNotificationSettings channel={channel} canManage={isAdmin} />
        <SettingRow
          label={t(operational ? "signingSecret" : "channelSecret")}
          help={t(operational ? "signingSecretHelp" : "channelSecretHelp")}
        >
          {isAdmin ? (
            <ChannelSecret channelId={channel.id} />
          ) : (
            <div className="space-y-2">
              <MaskedChannelSecret />
              <RoleNote note={ADMIN_ONLY.channelSecret} />
            </div>
          )}
        </SettingRow>
        {!operational && (
          <SettingRow label={t("yourUserId")} help={t("yourUserIdHelp")}>
            <span className="font-mono text-sm break-all">{channel.botUserId}</span>
          </SettingRow>
        )}
      </SettingsCard>
      {isAdmin && <DeleteChannel channel={channel} />}
    </div>
  );
}
