import type { Metadata } from "next";
import { ProviderChannels } from "@/components/providers/provider-channels";
import { loadProvider } from "@/lib/http/page-data";

type Props = { params: Promise<{ providerId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { providerId } = await params;
  const { provider } = await loadProvider(providerId);
  return { title: provider.name };
}

export default async function ProviderPage({ params }: Props) {
  const { providerId } = await params;
  const { provider, role } = await loadProvider(providerId);
  return <ProviderChannels initialProvider={provider} role={role} />;
}
