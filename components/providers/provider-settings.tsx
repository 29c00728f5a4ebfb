"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { providerQuery } from "@/components/data/console-queries";
import { useRenameProvider } from "@/components/data/use-rename-provider";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { Card, SettingRow } from "@/components/ui/card";
import { InlineTextEdit } from "@/components/ui/inline-text-edit";
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
  const { data: provider } = useQuery({
    ...providerQuery(initialProvider.id),
    initialData: initialProvider,
  });
  const router = useRouter();
  const rename = useRenameProvider(provider.id);
  const isAdmin = roleCan(role, "manage");

  return (
    <div className="space-y-6">
      <Card title="Provider settings">
        {!isAdmin && (
          <div className="pt-3">
            <RoleNote>{ADMIN_ONLY.provider}</RoleNote>
          </div>
        )}
        <SettingRow label="Provider ID">
          <span className="font-mono text-sm">{provider.id}</span>
        </SettingRow>
        <SettingRow label="Provider name">
          <InlineTextEdit
            label="Provider name"
            value={provider.name}
            maxLength={100}
            required
            canEdit={isAdmin}
            saving={rename.isPending}
            error={rename.error?.message ?? null}
            onStart={rename.reset}
            onSave={(name, close) =>
              rename.mutate(
                { name },
                {
                  onSuccess: () => {
                    close();
                    // The heading and breadcrumb come from the server layout.
                    router.refresh();
                  },
                },
              )
            }
            testId="provider-name"
          />
        </SettingRow>
        <SettingRow label="Created">
          {formatUtc9(new Date(provider.createdAt))} {UTC9_LABEL}
        </SettingRow>
      </Card>
      {isAdmin && <DeleteProvider provider={provider} />}
    </div>
  );
}
