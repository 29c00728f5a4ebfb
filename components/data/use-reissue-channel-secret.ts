"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnswerOf } from "@/lib/http/endpoint";
import * as channels from "@/lib/http/endpoints/channels";
import { type ChannelSecret, channelKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** POST /api/channels/{id}/secret: `{"channelSecret"}`, the new secret. */
export type ReissuedChannelSecret = AnswerOf<typeof channels.reissueSecret>;

/** Reissues the channel secret and puts the new one in the cache, where Show reads it. */
export function useReissueChannelSecret(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callEndpoint(channels.reissueSecret, { params: { channelId } }),
    onSuccess: (data) => {
      queryClient.setQueryData<ChannelSecret>(channelKeys.secret(channelId), data);
    },
  });
}
