"use client";

import { useProviderDetail } from "@/components/data/use-provider-detail";
import { useRenameProvider } from "@/components/data/use-rename-provider";
import { ADMIN_ONLY } from "@/components/roles/role-note";
import { NameSetting } from "@/components/settings/name-setting";
import { IdSetting, SettingsCard } from "@/components/settings/settings-card";
import { SettingRow } from "@/components/ui/card";
import type { ProviderDetail } from "@/lib/providers/provider-view";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import { formatUtc9, UTC9_LABEL } from "@/lib/shared/utc9";
import { DeleteProvider } from "./delete-provider";

/** The provider's Settings tab: its name (Admins rename it) and, for Admins, deleting it. */
export function ProviderSettings({
  initialProvider,
  role,
}: {
  initialProvider: ProviderDetail;
  role: ProviderRole;
}) {
  const provider = useProviderDetail(initialProvider);
  const rename = useRenameProvider(provider.id);
  const isAdmin = roleCan(role, "manage");

  return (
    <div className="space-y-6">
      <SettingsCard title="Provider settings" canEdit={isAdmin} readOnlyNote={ADMIN_ONLY.provider}>
        <IdSetting label="Provider ID" id={provider.id} />
        <NameSetting
          label="Provider name"
          name={provider.name}
          canEdit={isAdmin}
          rename={rename}
          testId="provider-name"
        />
        <SettingRow label="Created">
          {formatUtc9(new Date(provider.createdAt))} {UTC9_LABEL}
        </SettingRow>
      </SettingsCard>
      {isAdmin && <DeleteProvider provider={provider} />}
    </div>
  );
}
