"use client";

import { useTranslations } from "next-intl";
import { useProviderDetail } from "@/components/data/use-provider-detail";
import { useRenameProvider } from "@/components/data/use-rename-provider";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { ADMIN_ONLY } from "@/components/roles/role-note";
import { NameSetting } from "@/components/settings/name-setting";
import { IdSetting, SettingsCard } from "@/components/settings/settings-card";
import { SettingRow } from "@/components/ui/card";
import type { ProviderDetail } from "@/lib/providers/provider-view";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
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
  const t = useTranslations("providers.settings");
  const common = useTranslations("common");
  const f = useConsoleFormat();

  return (
    <div className="space-y-6">
      <SettingsCard title={t("title")} canEdit={isAdmin} readOnlyNote={ADMIN_ONLY.provider}>
        <IdSetting label={t("providerId")} id={provider.id} />
        <NameSetting
          label={t("name")}
          name={provider.name}
          canEdit={isAdmin}
          rename={rename}
          testId="provider-name"
        />
        <SettingRow label={t("created")}>
          {f.instant(provider.createdAt)} {common("utc9")}
        </SettingRow>
      </SettingsCard>
      {isAdmin && <DeleteProvider provider={provider} />}
    </div>
  );
}
