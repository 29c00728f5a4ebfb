// One queryOptions factory per resource; the same keys serve fetching and invalidation. Keys,
// URLs and answer types come from the endpoint definitions the route handlers serve
// (lib/http/endpoints/, through endpoint-client.ts), so the client cannot drift from them.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AnswerOf } from "@/lib/http/endpoint";
import * as channels from "@/lib/http/endpoints/channels";
import * as deliveries from "@/lib/http/endpoints/deliveries";
import * as providers from "@/lib/http/endpoints/providers";
import * as statistics from "@/lib/http/endpoints/statistics";
import type { FailureReason } from "@/lib/shared/failure-reasons";
import { DEFAULT_RANGE_MS } from "@/lib/shared/statistics-range";
import type { Bucket } from "@/lib/shared/time-buckets";
import { callEndpoint, endpointKey, endpointUrl, type QueryInput } from "./endpoint-client";
import { ApiError } from "./fetch-json";

export const providerKeys = {
  all: endpointKey(providers.listProviders),
  detail: (providerId: string) => endpointKey(providers.getProvider, { providerId }),
};

export const channelKeys = {
  detail: (channelId: string) => endpointKey(channels.getChannel, { channelId }),
  secret: (channelId: string) => endpointKey(channels.revealSecret, { channelId }),
  accessToken: (channelId: string) => endpointKey(channels.getAccessTokenStatus, { channelId }),
};

export const providersQuery = () =>
  queryOptions({
    queryKey: providerKeys.all,
    queryFn: async () => (await callEndpoint(providers.listProviders)).providers,
  });

export const providerQuery = (providerId: string) =>
  queryOptions({
    queryKey: providerKeys.detail(providerId),
    queryFn: () => callEndpoint(providers.getProvider, { params: { providerId } }),
  });

export const channelQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.detail(channelId),
    queryFn: () => callEndpoint(channels.getChannel, { params: { channelId } }),
  });

/** GET /api/channels/{id}/secret: `{"channelSecret"}`. */
export type ChannelSecret = AnswerOf<typeof channels.revealSecret>;

export const channelSecretQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.secret(channelId),
    queryFn: () => callEndpoint(channels.revealSecret, { params: { channelId } }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Whether a long-lived channel access token is issued; the API never returns the token. */
export type AccessTokenStatus = AnswerOf<typeof channels.getAccessTokenStatus>;

export const channelAccessTokenQuery = (channelId: string) =>
  queryOptions({
    queryKey: channelKeys.accessToken(channelId),
    queryFn: () => callEndpoint(channels.getAccessTokenStatus, { params: { channelId } }),
  });

/** GET /api/channels/{id}/deliveries: `{"deliveries", "nextBefore"}`. */
export type DeliveryList = AnswerOf<typeof deliveries.listDeliveries>;

/** One delivery attempt as GET /api/channels/{id}/deliveries lists it. */
export type DeliveryView = DeliveryList["deliveries"][number];

export const deliveryKeys = {
  list: (channelId: string) => endpointKey(deliveries.listDeliveries, { channelId }),
};

/** The newest attempts, refreshed while the page is open so new deliveries appear by themselves. */
export const deliveriesQuery = (channelId: string, limit = 20) =>
  queryOptions({
    queryKey: [...deliveryKeys.list(channelId), limit] as const,
    queryFn: () =>
      callEndpoint(deliveries.listDeliveries, { params: { channelId }, query: { limit } }),
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
      callEndpoint(deliveries.listDeliveries, {
        params: { channelId },
        // The explorer's URL filters are this endpoint's own query parameters, by name.
        query: { ...explorerFilters(filterSearch), limit, before: pageParam },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
  });

/**
 * The explorer's filters as the deliveries endpoint's query: the page's URL names them as the
 * endpoint does, and the endpoint's schema checks them (a bad one is the API's 400, shown). The
 * page's `limit` and `before` are replaced by the caller's.
 */
function explorerFilters(filterSearch: string) {
  return Object.fromEntries(new URLSearchParams(filterSearch)) as QueryInput<
    typeof deliveries.listDeliveries
  >;
}

/** GET /api/channels/{id}/statistics/errors: totals, details, a chart series and LINE's table. */
export type ErrorStatisticsView = AnswerOf<typeof statistics.errorStatistics>;

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
  all: (channelId: string) => endpointKey(statistics.errorStatistics, { channelId }),
};

/** The instants a request covers when sent at `now`. */
export function resolveStatisticsRange(range: StatisticsRequest["range"], now = new Date()) {
  if ("from" in range) return range;
  const lastMs = range.lastMs ?? DEFAULT_RANGE_MS;
  return { from: new Date(now.getTime() - lastMs).toISOString(), to: now.toISOString() };
}

/** The TSV download of LINE's table for the same range and reason (all pages). */
export const errorStatisticsTsvUrl = (
  channelId: string,
  { from, to, reason }: { from: string; to: string; reason?: FailureReason },
) =>
  endpointUrl(statistics.errorStatisticsTsv, {
    params: { channelId },
    query: { from: new Date(from), to: new Date(to), reason },
  });

/** A 4xx answer (a bad range in a shared link, say) will not change by asking again. */
const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;

/** Error statistics, refreshed every 5 s; the previous answer stays on screen while filters change. */
export const errorStatisticsQuery = (channelId: string, request: StatisticsRequest) =>
  queryOptions({
    queryKey: [...errorStatisticsKeys.all(channelId), request] as const,
    queryFn: () => {
      const { from, to } = resolveStatisticsRange(request.range);
      return callEndpoint(statistics.errorStatistics, {
        params: { channelId },
        query: {
          from: new Date(from),
          to: new Date(to),
          bucket: request.bucket,
          reason: request.reason,
          page: request.page,
          pageSize: request.pageSize,
        },
      });
    },
    refetchInterval: (query) => (isClientError(query.state.error) ? false : 5000),
    retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    placeholderData: keepPreviousData,
  });

/** GET /api/channels/{id}/statistics/deliveries: success rate and latency, totals and series. */
export type DeliveryStatisticsView = AnswerOf<typeof statistics.deliveryStatistics>;

/** What the success rate and latency view asks for: the same range and bucket as the errors'. */
export type DeliveryStatisticsRequest = Pick<StatisticsRequest, "range" | "bucket">;

export const deliveryStatisticsKeys = {
  all: (channelId: string) => endpointKey(statistics.deliveryStatistics, { channelId }),
};

/** The TSV download of the success rate and latency table for the same range and bucket. */
export const deliveryStatisticsTsvUrl = (
  channelId: string,
  { from, to, bucket }: { from: string; to: string; bucket?: Bucket },
) =>
  endpointUrl(statistics.deliveryStatisticsTsv, {
    params: { channelId },
    query: { from: new Date(from), to: new Date(to), bucket },
  });

/** Success rate and latency, refreshed every 5 s like the error statistics. */
export const deliveryStatisticsQuery = (channelId: string, request: DeliveryStatisticsRequest) =>
  queryOptions({
    queryKey: [...deliveryStatisticsKeys.all(channelId), request] as const,
    queryFn: () => {
      const { from, to } = resolveStatisticsRange(request.range);
      return callEndpoint(statistics.deliveryStatistics, {
        params: { channelId },
        query: { from: new Date(from), to: new Date(to), bucket: request.bucket },
      });
    },
    refetchInterval: (query) => (isClientError(query.state.error) ? false : 5000),
    retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    placeholderData: keepPreviousData,
  });
