"use client";

import { useMutation } from "@tanstack/react-query";
import * as channels from "@/lib/http/endpoints/channels";
import { callEndpoint } from "./endpoint-client";

/**
 * POST /api/channels/{id}/webhook/verify: sends a verification webhook to the channel's URL. It is
 * not a delivery (nothing is recorded or counted), so no cached data changes.
 */
export function useVerifyWebhook(channelId: string) {
  return useMutation({
    mutationFn: () =>
      // The channel's own URL: no endpoint in the body.
      callEndpoint(channels.verifyWebhook, { params: { channelId }, body: {} }),
  });
}
