import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersPanel } from "@/components/members/members-panel";
import { db } from "@/lib/db/client";
import { loadOperator, loadProvider } from "@/lib/http/page-data";
import { listMembers } from "@/lib/members/list-members";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("members") };
}

export default async function ProviderMembersPage({
  params,
}: {
  params: Promise<{ providerId: string }>;
}) {
  const { providerId } = await params;
  // loadProvider checks the operator may read the provider before its members are read.
  const { provider, role } = await loadProvider(providerId);
  const [operator, members] = await Promise.all([loadOperator(), listMembers(db(), provider.id)]);
  return (
    <MembersPanel
      providerId={provider.id}
      role={role}
      currentUserId={operator.userId}
      initialMembers={members}
    />
  );
}
