"use client";

import { useQuery } from "@tanstack/react-query";
import { channelQuery } from "@/components/data/console-queries";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { NameSetting } from "@/components/settings/name-setting";
import { IdSetting, SettingsCard } from "@/components/settings/settings-card";
import { TextSetting } from "@/components/settings/text-setting";
import { SettingRow } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";
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
  const { data: channel } = useQuery({
    ...channelQuery(initialChannel.id),
    initialData: initialChannel,
  });
  const rename = useUpdateChannel(channel.id, { optimistic: false });
  const describe = useUpdateChannel(channel.id, { optimistic: false });
  const isAdmin = roleCan(role, "manage");

  return (
    <div className="space-y-6">
      <SettingsCard
        title="Basic settings"
        canEdit={isAdmin}
        readOnlyNote={ADMIN_ONLY.channelDetails}
      >
        <IdSetting label="Channel ID" id={channel.id} />
        <NameSetting
          label="Channel name"
          name={channel.name}
          canEdit={isAdmin}
          rename={rename}
          testId="channel-name"
        />
        <TextSetting
          label="Channel description"
          value={channel.description}
          placeholder="Not set"
          maxLength={500}
          hint="Up to 500 characters. Leave empty to remove."
          canEdit={isAdmin}
          mutation={describe}
          toInput={(description) => ({ description })}
          testId="channel-description"
        />
        <ErrorNotificationSettings channel={channel} canManage={isAdmin} />
        <SettingRow
          label="Channel secret"
          help="Signs every webhook (x-line-signature). Keep it private; reissue it if it leaks."
        >
          {isAdmin ? (
            <ChannelSecret channelId={channel.id} />
          ) : (
            <div className="space-y-2">
              <MaskedChannelSecret />
              <RoleNote>{ADMIN_ONLY.channelSecret}</RoleNote>
            </div>
          )}
        </SettingRow>
        <SettingRow
          label="Your user ID"
          help="The bot's user ID. Webhooks carry it as destination."
        >
          <span className="font-mono text-sm break-all">{channel.botUserId}</span>
        </SettingRow>
      </SettingsCard>
      {isAdmin && <DeleteChannel channel={channel} />}
    </div>
  );
}
