"use client";

import { useMutation } from "@tanstack/react-query";
import type { VerificationResult } from "@/lib/verification/verify-webhook";
import { fetchJson } from "./fetch-json";

/**
 * POST /api/channels/{id}/webhook/verify: sends a verification webhook to the channel's URL. It is
 * not a delivery (nothing is recorded or counted), so no cached data changes.
 */
export function useVerifyWebhook(channelId: string) {
  return useMutation({
    mutationFn: () =>
      fetchJson<VerificationResult>(`/api/channels/${channelId}/webhook/verify`, {
        method: "POST",
      }),
  });
}
