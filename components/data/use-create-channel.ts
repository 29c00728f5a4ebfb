"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateChannelInput } from "@/lib/channels/channel-input";
import type { ChannelView } from "@/lib/channels/channel-view";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/**
 * POST /api/providers/{id}/channels: creates a channel under the provider; the providers (their
 * channel counts and channel lists) are refetched before it settles.
 */
export function useCreateChannel(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChannelInput) =>
      fetchJson<ChannelView>(`/api/providers/${providerId}/channels`, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
