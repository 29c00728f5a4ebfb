"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { issueChannelAccessToken } from "@/lib/access-tokens/issue-channel-access-token";
import { type AccessTokenStatus, channelKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** POST /api/channels/{id}/access-token: `{"accessToken", "issuedAt"}`, the only time it is sent. */
export type IssuedAccessToken = Awaited<ReturnType<typeof issueChannelAccessToken>>;

/**
 * Issues a long-lived channel access token (revoking the previous one). The cached status says
 * "issued" at once; the token itself is only in the answer, for the caller to show once.
 */
export function useIssueAccessToken(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<IssuedAccessToken>(`/api/channels/${channelId}/access-token`, { method: "POST" }),
    onSuccess: (issued) => {
      queryClient.setQueryData<AccessTokenStatus>(channelKeys.accessToken(channelId), {
        issued: true,
        issuedAt: issued.issuedAt,
      });
    },
  });
}
