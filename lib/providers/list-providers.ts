import type { Db } from "../db/client";

export async function listProviders(db: Db) {
  const providers = await db.provider.findMany({
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { channels: true } } },
  });
  return providers.map(({ _count, ...provider }) => ({
    ...provider,
    channelCount: _count.channels,
  }));
}
