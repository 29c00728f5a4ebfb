"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UpdateChannelInput } from "@/lib/channels/channel-input";
import type { ChannelView } from "@/lib/channels/channel-view";
import * as channels from "@/lib/http/endpoints/channels";
import { auditKeys } from "./audit-queries";
import { channelKeys, providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** PATCH /api/channels/{id}: any of the channel's settings. */
export type ChannelPatch = UpdateChannelInput;

/**
 * PATCHes channel settings. With `optimistic`, the cache shows the new value at once and rolls
 * back if the server refuses; the caller shows `error` either way.
 */
export function useUpdateChannel(channelId: string, { optimistic }: { optimistic: boolean }) {
  const queryClient = useQueryClient();
  const key = channelKeys.detail(channelId);
  return useMutation({
    mutationFn: (patch: ChannelPatch) =>
      callEndpoint(channels.updateChannel, { params: { channelId }, body: patch }),
    onMutate: async (patch) => {
      if (!optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ChannelView>(key);
      if (previous) queryClient.setQueryData<ChannelView>(key, { ...previous, ...patch });
      return { previous };
    },
    onError: (_error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (channel) => queryClient.setQueryData(key, channel),
    onSettled: () => {
      // Exactly the channel: a prefix match would refetch a revealed secret, and log a reveal.
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
      void queryClient.invalidateQueries({ queryKey: auditKeys.log({ channelId }) });
      void queryClient.invalidateQueries({ queryKey: providerKeys.all });
    },
  });
}
