import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProviderSettings } from "@/components/providers/provider-settings";
import { loadProvider } from "@/lib/http/page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("providerSettings") };
}

export default async function ProviderSettingsPage({
  params,
}: {
  params: Promise<{ providerId: string }>;
}) {
  const { providerId } = await params;
  const { provider, role } = await loadProvider(providerId);
  return <ProviderSettings initialProvider={provider} role={role} />;
}
