import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ProviderList } from "@/components/providers/provider-list";
import { loadProviders } from "@/lib/http/page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("providers") };
}

export default async function ProvidersPage() {
  const providers = await loadProviders();
  const t = await getTranslations("pages");
  return (
    <>
      <Breadcrumb items={[]} />
      <h1 className="mb-6 text-2xl font-semibold">{t("providers.heading")}</h1>
      <ProviderList initialProviders={providers} />
    </>
  );
}
