// One queryOptions factory per resource; the same keys serve fetching and invalidation.
// The answer types come from lib (type-only imports: those modules are server code), so the client
// cannot drift from what the route handlers send.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { getChannelAccessTokenStatus } from "@/lib/access-tokens/get-channel-access-token-status";
import type { ChannelView } from "@/lib/channels/channel-view";
import type { getChannelSecret } from "@/lib/channels/get-channel";
import type { listDeliveries } from "@/lib/deliveries/list-deliveries";
import type { ProviderDetail, ProviderSummary } from "@/lib/providers/provider-view";
import { deliveriesPageUrl } from "@/lib/shared/delivery-filters";
import type { FailureReason } from "@/lib/shared/failure-reasons";
import { DEFAULT_RANGE_MS } from "@/lib/shared/statistics-range";
import type { Bucket } from "@/lib/shared/time-buckets";
import type { DeliveryStatistics } from "@/lib/statistics/query-delivery-statistics";
import type { ErrorStatistics } from "@/lib/statistics/query-error-statistics";
import { ApiError, fetchJson } from "./fetch-json";

export const providerKeys = {
  all: ["providers"] as const,
  detail: (providerId: string) => ["providers", providerId] as const,
};

export const channelKeys = {
  detail: (channelId: string) => ["channels", channelId] as const,
  secret: (channelId: string) => ["channels", channelId, "secret"] as const,
  accessToken: (channelId: string) => ["channels", channelId, "access-token"] as const,
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

/** GET /api/channels/{id}/secret: `{"channelSecret"}`. */
export type ChannelSecret = Awaited<ReturnType<typeof getChannelSecret>>;

export const channelSecretQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.secret(channelId),
    queryFn: () => fetchJson<ChannelSecret>(`/api/channels/${channelId}/secret`),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Whether a long-lived channel access token is issued; the API never returns the token. */
export type AccessTokenStatus = Awaited<ReturnType<typeof getChannelAccessTokenStatus>>;

export const channelAccessTokenQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.accessToken(channelId),
    queryFn: () => fetchJson<AccessTokenStatus>(`/api/channels/${channelId}/access-token`),
  });

/** GET /api/channels/{id}/deliveries: `{"deliveries", "nextBefore"}`. */
export type DeliveryList = Awaited<ReturnType<typeof listDeliveries>>;

/** One delivery attempt as GET /api/channels/{id}/deliveries lists it. */
export type DeliveryView = DeliveryList["deliveries"][number];

export const deliveryKeys = {
  list: (channelId: string) => ["channels", channelId, "deliveries"] as const,
};

/** The newest attempts, refreshed while the page is open so new deliveries appear by themselves. */
export const deliveriesQuery = (channelId: string, limit = 20) =>
  queryOptions({
    queryKey: [...deliveryKeys.list(channelId), limit] as const,
    queryFn: () => fetchJson<DeliveryList>(`/api/channels/${channelId}/deliveries?limit=${limit}`),
    refetchInterval: 3000,
  });

/**
 * The deliveries explorer: the attempts matching `filterSearch` (its URL's filters), newest first,
 * a page at a time ("Load older" asks for those before the last one shown).
 */
export const exploredDeliveriesQuery = (channelId: string, filterSearch: string, limit: number) =>
  infiniteQueryOptions({
    queryKey: [...deliveryKeys.list(channelId), "explorer", filterSearch] as const,
    queryFn: ({ pageParam }) =>
      fetchJson<DeliveryList>(deliveriesPageUrl(channelId, filterSearch, pageParam, limit)),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
  });

/** GET /api/channels/{id}/statistics/errors: totals, details, a chart series and LINE's table. */
export type ErrorStatisticsView = ErrorStatistics;

/**
 * What the statistics view asks for. A rolling range ("the last 7 days") is resolved when the
 * request is sent, so the key stays the same while each refetch slides the window forward.
 */
export interface StatisticsRequest {
  /** `lastMs` absent: the API's default length, DEFAULT_RANGE_MS (the last 24 hours). */
  range: { lastMs?: number } | { from: string; to: string };
  bucket?: Bucket;
  reason?: FailureReason;
  page: number;
  pageSize?: number;
}

export const errorStatisticsKeys = {
  all: (channelId: string) => ["channels", channelId, "statistics", "errors"] as const,
};

/** The instants a request covers when sent at `now`. */
export function resolveStatisticsRange(range: StatisticsRequest["range"], now = new Date()) {
  if ("from" in range) return range;
  const lastMs = range.lastMs ?? DEFAULT_RANGE_MS;
  return { from: new Date(now.getTime() - lastMs).toISOString(), to: now.toISOString() };
}

function searchOf(entries: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(entries)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params.toString();
}

/** The TSV download of LINE's table for the same range and reason (all pages). */
export const errorStatisticsTsvUrl = (
  channelId: string,
  filters: { from: string; to: string; reason?: FailureReason },
) => `/api/channels/${channelId}/statistics/errors.tsv?${searchOf(filters)}`;

/** A 4xx answer (a bad range in a shared link, say) will not change by asking again. */
const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;

/** Error statistics, refreshed every 5 s; the previous answer stays on screen while filters change. */
export const errorStatisticsQuery = (channelId: string, request: StatisticsRequest) =>
  queryOptions({
    queryKey: [...errorStatisticsKeys.all(channelId), request] as const,
    queryFn: () => {
      const { from, to } = resolveStatisticsRange(request.range);
      const search = searchOf({
        from,
        to,
        bucket: request.bucket,
        reason: request.reason,
        page: request.page,
        pageSize: request.pageSize,
      });
      return fetchJson<ErrorStatisticsView>(
        `/api/channels/${channelId}/statistics/errors?${search}`,
      );
    },
    refetchInterval: (query) => (isClientError(query.state.error) ? false : 5000),
    retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    placeholderData: keepPreviousData,
  });

/** GET /api/channels/{id}/statistics/deliveries: success rate and latency, totals and series. */
export type DeliveryStatisticsView = DeliveryStatistics;

/** What the success rate and latency view asks for: the same range and bucket as the errors'. */
export type DeliveryStatisticsRequest = Pick<StatisticsRequest, "range" | "bucket">;

export const deliveryStatisticsKeys = {
  all: (channelId: string) => ["channels", channelId, "statistics", "deliveries"] as const,
};

/** The TSV download of the success rate and latency table for the same range and bucket. */
export const deliveryStatisticsTsvUrl = (
  channelId: string,
  filters: { from: string; to: string; bucket?: Bucket },
) => `/api/channels/${channelId}/statistics/deliveries.tsv?${searchOf(filters)}`;

/** Success rate and latency, refreshed every 5 s like the error statistics. */
export const deliveryStatisticsQuery = (channelId: string, request: DeliveryStatisticsRequest) =>
  queryOptions({
    queryKey: [...deliveryStatisticsKeys.all(channelId), request] as const,
    queryFn: () => {
      const { from, to } = resolveStatisticsRange(request.range);
      const search = searchOf({ from, to, bucket: request.bucket });
      return fetchJson<DeliveryStatisticsView>(
        `/api/channels/${channelId}/statistics/deliveries?${search}`,
      );
    },
    refetchInterval: (query) => (isClientError(query.state.error) ? false : 5000),
    retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    placeholderData: keepPreviousData,
  });
