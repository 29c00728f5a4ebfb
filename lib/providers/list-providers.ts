import "server-only";
import type { Db } from "../db/client";
import { type ProviderSummary, toProviderView } from "./provider-view";

export async function listProviders(db: Db): Promise<ProviderSummary[]> {
  const providers = await db.provider.findMany({
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { channels: true } } },
  });
  return providers.map(({ _count, ...provider }) => ({
    ...toProviderView(provider),
    channelCount: _count.channels,
  }));
}
