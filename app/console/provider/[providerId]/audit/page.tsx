import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { AUDIT_PAGE_SIZE } from "@/components/audit/audit-paging";
import { listAudit } from "@/lib/audit/list-audit";
import { db } from "@/lib/db/client";
import { loadProvider } from "@/lib/http/page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("auditLog") };
}

export default async function ProviderAuditPage({
  params,
}: {
  params: Promise<{ providerId: string }>;
}) {
  const { providerId } = await params;
  // loadProvider checks the operator may read the provider before its log is read.
  const { provider } = await loadProvider(providerId);
  const scope = { providerId: provider.id };
  const initialPage = await listAudit(db(), scope, { limit: AUDIT_PAGE_SIZE });
  return <AuditLog scope={scope} initialPage={initialPage} />;
}
