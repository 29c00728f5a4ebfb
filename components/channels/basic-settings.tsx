"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { channelQuery } from "@/components/data/console-queries";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { Card, SettingRow } from "@/components/ui/card";
import { InlineTextEdit } from "@/components/ui/inline-text-edit";
import type { ChannelView } from "@/lib/channels/channel-view";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import { ChannelSecret, MaskedChannelSecret } from "./channel-secret";
import { DeleteChannel } from "./delete-channel";

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
  const router = useRouter();
  const rename = useUpdateChannel(channel.id, { optimistic: false });
  const describe = useUpdateChannel(channel.id, { optimistic: false });
  const isAdmin = roleCan(role, "manage");
  // The layout's heading and breadcrumb are rendered by the server: refresh them after a rename.
  const saved = (close: () => void) => () => {
    close();
    router.refresh();
  };

  return (
    <div className="space-y-6">
      <Card title="Basic settings">
        {!isAdmin && (
          <div className="pt-3">
            <RoleNote>{ADMIN_ONLY.channelDetails}</RoleNote>
          </div>
        )}
        <SettingRow label="Channel ID">
          <span className="font-mono text-sm">{channel.id}</span>
        </SettingRow>
        <SettingRow label="Channel name">
          <InlineTextEdit
            label="Channel name"
            value={channel.name}
            maxLength={100}
            required
            canEdit={isAdmin}
            saving={rename.isPending}
            error={rename.error?.message ?? null}
            onStart={rename.reset}
            onSave={(name, close) => rename.mutate({ name }, { onSuccess: saved(close) })}
            testId="channel-name"
          />
        </SettingRow>
        <SettingRow label="Channel description">
          <InlineTextEdit
            label="Channel description"
            value={channel.description}
            placeholder="Not set"
            maxLength={500}
            hint="Up to 500 characters. Leave empty to remove."
            canEdit={isAdmin}
            saving={describe.isPending}
            error={describe.error?.message ?? null}
            onStart={describe.reset}
            onSave={(description, close) =>
              describe.mutate({ description }, { onSuccess: saved(close) })
            }
            testId="channel-description"
          />
        </SettingRow>
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
      </Card>
      {isAdmin && <DeleteChannel channel={channel} />}
    </div>
  );
}
