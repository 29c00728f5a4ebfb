import { ProviderSettings } from "@/components/providers/provider-settings";
import { loadProvider } from "@/lib/http/page-data";

export const metadata = { title: "Provider settings" };

export default async function ProviderSettingsPage({
  params,
}: {
  params: Promise<{ providerId: string }>;
}) {
  const { providerId } = await params;
  const { provider, role } = await loadProvider(providerId);
  return <ProviderSettings initialProvider={provider} role={role} />;
}
