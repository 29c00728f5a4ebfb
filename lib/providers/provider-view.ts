import "server-only";
import type { ChannelView } from "../channels/channel-view";
import type { Provider } from "../db/client";
import type { ProviderRole } from "../shared/provider-roles";

// What the console API shows of a provider. The answer types are declared here, once, and the
// client (components/data) and the e2e tests import them rather than restate them.

export function toProviderView(provider: Pick<Provider, "id" | "name" | "createdAt">) {
  return {
    id: provider.id,
    name: provider.name,
    createdAt: provider.createdAt.toISOString(),
  };
}

export type ProviderView = ReturnType<typeof toProviderView>;

/** GET /api/providers lists providers with how many channels each has, and the caller's role. */
export type ProviderSummary = ProviderView & { channelCount: number; role: ProviderRole };

/** GET /api/providers/{id}: the provider with its channels. */
export type ProviderDetail = ProviderView & { channels: ChannelView[] };
