"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnswerOf, BodyInputOf } from "@/lib/http/endpoint";
import * as channels from "@/lib/http/endpoints/channels";
import { deliveryKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/**
 * POST /api/channels/{id}/events: 202 with the ids once the webhook is queued, or 200 with
 * `sent: false` and the reason nothing was sent (Use webhook off, no URL).
 */
export type SendEventsAnswer = AnswerOf<typeof channels.sendEvents>;

/** Sends events to the channel; the delivery list is refetched so the attempt shows. */
export function useSendEvents(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyInputOf<typeof channels.sendEvents>) =>
      callEndpoint(channels.sendEvents, { params: { channelId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) }),
  });
}
