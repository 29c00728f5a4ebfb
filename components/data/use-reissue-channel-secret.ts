"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { reissueChannelSecret } from "@/lib/channels/reissue-channel-secret";
import { type ChannelSecret, channelKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** POST /api/channels/{id}/secret: `{"channelSecret"}`, the new secret. */
export type ReissuedChannelSecret = Awaited<ReturnType<typeof reissueChannelSecret>>;

/** Reissues the channel secret and puts the new one in the cache, where Show reads it. */
export function useReissueChannelSecret(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<ReissuedChannelSecret>(`/api/channels/${channelId}/secret`, { method: "POST" }),
    onSuccess: (data) => {
      queryClient.setQueryData<ChannelSecret>(channelKeys.secret(channelId), data);
    },
  });
}
