"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnswerOf } from "@/lib/http/endpoint";
import * as channels from "@/lib/http/endpoints/channels";
import { type ChannelSecret, channelKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** POST /api/channels/{id}/secret: `{"channelSecret", "switchesAt"}`, the new secret. */
export type ReissuedChannelSecret = AnswerOf<typeof channels.reissueSecret>;

/**
 * Reissues the channel secret, at once or at `switchAt` (an ISO instant). A secret in force at
 * once goes in the cache, where Show reads it; a scheduled one is read again with the current one.
 */
export function useReissueChannelSecret(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (switchAt: string | undefined) =>
      callEndpoint(channels.reissueSecret, { params: { channelId }, body: { switchAt } }),
    onSuccess: async (data) => {
      if (data.switchesAt === null) {
        queryClient.setQueryData<ChannelSecret>(channelKeys.secret(channelId), {
          channelSecret: data.channelSecret,
          scheduled: null,
        });
      } else {
        await queryClient.invalidateQueries({ queryKey: channelKeys.secret(channelId) });
      }
    },
  });
}
