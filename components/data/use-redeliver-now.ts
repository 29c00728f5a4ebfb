"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as deliveries from "@/lib/http/endpoints/deliveries";
import { deliveryKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/**
 * POST /api/channels/{id}/deliveries/redeliver: 202 once the webhooks are queued to be sent again;
 * the lists of attempts are refetched so the new attempts show.
 */
export function useRedeliverNow(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookIds: string[]) =>
      callEndpoint(deliveries.redeliverNow, { params: { channelId }, body: { webhookIds } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) }),
  });
}
