// One queryOptions factory per resource; the same keys serve fetching and invalidation.
import { queryOptions } from "@tanstack/react-query";
import type { ChannelView } from "@/lib/channels/channel-view";
import type { listDeliveries } from "@/lib/dispatch/list-deliveries";
import { fetchJson } from "./fetch-json";

export interface ProviderSummary {
  id: string;
  name: string;
  createdAt: string;
  channelCount: number;
}

export interface ProviderDetail {
  id: string;
  name: string;
  createdAt: string;
  channels: ChannelView[];
}

export const providerKeys = {
  all: ["providers"] as const,
  detail: (providerId: string) => ["providers", providerId] as const,
};

export const channelKeys = {
  detail: (channelId: string) => ["channels", channelId] as const,
  secret: (channelId: string) => ["channels", channelId, "secret"] as const,
};

export const providersQuery = () =>
  queryOptions({
    queryKey: providerKeys.all,
    queryFn: async () =>
      (await fetchJson<{ providers: ProviderSummary[] }>("/api/providers")).providers,
  });

export const providerQuery = (providerId: string) =>
  queryOptions({
    queryKey: providerKeys.detail(providerId),
    queryFn: () => fetchJson<ProviderDetail>(`/api/providers/${providerId}`),
  });

export const channelQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.detail(channelId),
    queryFn: () => fetchJson<ChannelView>(`/api/channels/${channelId}`),
  });

export const channelSecretQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.secret(channelId),
    queryFn: () => fetchJson<{ channelSecret: string }>(`/api/channels/${channelId}/secret`),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** One delivery attempt as GET /api/channels/{id}/deliveries lists it. */
export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>["deliveries"][number];

export const deliveryKeys = {
  list: (channelId: string) => ["channels", channelId, "deliveries"] as const,
};

/** The newest attempts, refreshed while the page is open so new deliveries appear by themselves. */
export const deliveriesQuery = (channelId: string, limit = 20) =>
  queryOptions({
    queryKey: [...deliveryKeys.list(channelId), limit] as const,
    queryFn: () =>
      fetchJson<{ deliveries: DeliveryView[]; nextBefore: string | null }>(
        `/api/channels/${channelId}/deliveries?limit=${limit}`,
      ),
    refetchInterval: 3000,
  });
