import "server-only";
import { toChannelView } from "../channels/channel-view";
import { NUMERIC_ID_PATTERN } from "../channels/credentials";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import { type ProviderDetail, toProviderView } from "./provider-view";

/** The provider with its channels; throws NotFoundError for an unknown (or malformed) id. */
export async function getProvider(db: Db, providerId: string): Promise<ProviderDetail> {
  const provider = NUMERIC_ID_PATTERN.test(providerId)
    ? await db.provider.findUnique({
        where: { id: providerId },
        include: { channels: { orderBy: { createdAt: "asc" } } },
      })
    : null;
  if (!provider) throw new NotFoundError("Provider", providerId);
  return { ...toProviderView(provider), channels: provider.channels.map(toChannelView) };
}
