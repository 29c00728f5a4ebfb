"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as channels from "@/lib/http/endpoints/channels";
import { auditKeys } from "./audit-queries";
import { channelKeys, deliveryKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** POST /api/channels/{id}/resume: the channel shows unpaused, its kept webhooks start going out. */
export function useResumeSending(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (drainPerSecond: number) =>
      callEndpoint(channels.resumeSending, { params: { channelId }, body: { drainPerSecond } }),
    onSuccess: (result) => {
      queryClient.setQueryData(channelKeys.detail(channelId), result.channel);
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) });
      void queryClient.invalidateQueries({ queryKey: auditKeys.log({ channelId }) });
    },
  });
}
