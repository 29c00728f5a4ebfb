import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ProviderChannels } from "@/components/providers/provider-channels";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/page-data";
import { getProvider } from "@/lib/providers/get-provider";

type Props = { params: Promise<{ providerId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { providerId } = await params;
  const provider = await orNotFound(getProvider(db(), providerId));
  return { title: provider.name };
}

export default async function ProviderPage({ params }: Props) {
  const { providerId } = await params;
  const provider = await orNotFound(getProvider(db(), providerId));
  return (
    <>
      <Breadcrumb items={[{ label: provider.name }]} />
      <ProviderChannels
        initialProvider={{ ...provider, createdAt: provider.createdAt.toISOString() }}
      />
    </>
  );
}
