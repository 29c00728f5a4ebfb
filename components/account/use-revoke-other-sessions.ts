"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "./account-queries";
import { authFetchJson } from "./auth-api";

/** POST /api/auth/revoke-other-sessions: every session but this browser's ends. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authFetchJson<{ status: boolean }>("POST /revoke-other-sessions"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
