import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ProviderList } from "@/components/providers/provider-list";
import { loadProviders } from "@/lib/http/page-data";

export const metadata = { title: "Providers" };

export default async function ProvidersPage() {
  const providers = await loadProviders();
  return (
    <>
      <Breadcrumb items={[]} />
      <h1 className="mb-6 text-2xl font-semibold">Providers</h1>
      <ProviderList initialProviders={providers} />
    </>
  );
}
