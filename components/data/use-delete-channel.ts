"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as channels from "@/lib/http/endpoints/channels";
import { channelKeys, providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/**
 * DELETE /api/channels/{id}: 204, with its webhooks, attempts, statistics and tokens. The
 * channel's queries are dropped, not refetched (they would only answer 404 now); its provider
 * (channel list, audit log) and the provider list (channel counts) are refetched.
 */
export function useDeleteChannel(channelId: string, providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callEndpoint(channels.deleteChannel, { params: { channelId } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: channelKeys.detail(channelId) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: providerKeys.all, exact: true }),
        queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
      ]);
    },
  });
}
