import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ProviderTabs } from "@/components/providers/provider-tabs";
import { RoleBadge } from "@/components/roles/role-badge";
import { loadProvider } from "@/lib/http/page-data";

type Props = { children: ReactNode; params: Promise<{ providerId: string }> };

export default async function ProviderLayout({ children, params }: Props) {
  const { providerId } = await params;
  const { provider, role } = await loadProvider(providerId);
  const t = await getTranslations("pages.provider");
  return (
    <>
      <Breadcrumb items={[{ label: provider.name }]} />
      <div className="mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold break-words">{provider.name}</h1>
          <RoleBadge role={role} testId="provider-role" />
        </div>
        <p className="mt-1 text-sm text-muted">{t("id", { id: provider.id })}</p>
      </div>
      <ProviderTabs providerId={provider.id} />
      <div className="mt-6">{children}</div>
    </>
  );
}
