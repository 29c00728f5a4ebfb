"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnswerOf } from "@/lib/http/endpoint";
import * as replays from "@/lib/http/endpoints/replays";
import { auditKeys } from "./audit-queries";
import { deliveryKeys } from "./console-queries";
import { callEndpoint, endpointKey } from "./endpoint-client";

export type ReplayList = AnswerOf<typeof replays.listReplayJobs>;
export type ReplayJobView = ReplayList["replays"][number];
export type ReplayPreview = AnswerOf<typeof replays.previewReplayJob>;

export const replayKeys = {
  list: (channelId: string) => endpointKey(replays.listReplayJobs, { channelId }),
};

/** The channel's replays, refreshed every 2 s while one runs (its progress moves). */
export const replaysQuery = (channelId: string) =>
  queryOptions({
    queryKey: replayKeys.list(channelId),
    queryFn: () => callEndpoint(replays.listReplayJobs, { params: { channelId } }),
    refetchInterval: (query) =>
      query.state.data?.replays.some((job) => job.status === "running") ? 2000 : false,
  });

/** The dry run: how many webhooks the filters select, by state. Changes nothing. */
export function usePreviewReplay(channelId: string) {
  return useMutation({
    mutationFn: (filter: string) =>
      callEndpoint(replays.previewReplayJob, { params: { channelId }, body: { filter } }),
  });
}

export function useStartReplay(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { filter: string; includeDelivered: boolean; ratePerSecond: number }) =>
      callEndpoint(replays.startReplayJob, { params: { channelId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: replayKeys.list(channelId) });
      void queryClient.invalidateQueries({ queryKey: auditKeys.log({ channelId }) });
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) });
    },
  });
}

export function useCancelReplay(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (replayId: string) =>
      callEndpoint(replays.cancelReplayJob, { params: { channelId, replayId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: replayKeys.list(channelId) }),
  });
}
