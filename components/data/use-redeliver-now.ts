"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deliveryKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/**
 * POST /api/channels/{id}/deliveries/redeliver: 202 once the webhooks are queued to be sent again;
 * the lists of attempts are refetched so the new attempts show.
 */
export function useRedeliverNow(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookIds: string[]) =>
      fetchJson<{ webhookIds: string[] }>(`/api/channels/${channelId}/deliveries/redeliver`, {
        method: "POST",
        body: { webhookIds },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) }),
  });
}
