"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateChannelInput } from "@/lib/channels/channel-input";
import * as providers from "@/lib/http/endpoints/providers";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/**
 * POST /api/providers/{id}/channels: creates a channel under the provider; the providers (their
 * channel counts and channel lists) are refetched before it settles.
 */
export function useCreateChannel(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChannelInput) =>
      callEndpoint(providers.createChannel, { params: { providerId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
