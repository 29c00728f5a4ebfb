"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EnqueueResult } from "@/lib/events/enqueue-events";
import type { SendEventsInput } from "@/lib/events/event-input";
import { deliveryKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

type Queued = Extract<EnqueueResult, { queued: true }>;
type NotQueued = Extract<EnqueueResult, { queued: false }>;

/**
 * POST /api/channels/{id}/events: 202 with the ids once the webhook is queued, or 200 with
 * `sent: false` and the reason nothing was sent (Use webhook off, no URL).
 */
export type SendEventsAnswer =
  | (Pick<Queued, "webhookEventIds" | "webhookId"> & { sent?: undefined })
  | (NotQueued & { sent: false });

/** Sends events from the simulated user; the delivery list is refetched so the attempt shows. */
export function useSendTestMessage(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendEventsInput) =>
      fetchJson<SendEventsAnswer>(`/api/channels/${channelId}/events`, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) }),
  });
}
