"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnswerOf } from "@/lib/http/endpoint";
import * as channels from "@/lib/http/endpoints/channels";
import { type AccessTokenStatus, channelKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** POST /api/channels/{id}/access-token: `{"accessToken", "issuedAt"}`, the only time it is sent. */
export type IssuedAccessToken = AnswerOf<typeof channels.issueAccessToken>;

/**
 * Issues a long-lived channel access token (ending the previous one, at once or later). The cached status says
 * "issued" at once; the token itself is only in the answer, for the caller to show once.
 */
export function useIssueAccessToken(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    /** `oldTokenValidMinutes`: how long earlier tokens keep working (0: they stop at once). */
    mutationFn: (oldTokenValidMinutes: number) =>
      callEndpoint(channels.issueAccessToken, {
        params: { channelId },
        body: { oldTokenValidMinutes },
      }),
    onSuccess: (issued) => {
      queryClient.setQueryData<AccessTokenStatus>(channelKeys.accessToken(channelId), {
        issued: true,
        issuedAt: issued.issuedAt,
        oldTokensValidUntil: issued.oldTokensValidUntil,
      });
    },
  });
}
