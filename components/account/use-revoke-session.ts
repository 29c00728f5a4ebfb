"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "./account-queries";
import { authFetchJson } from "./auth-api";

/** POST /api/auth/revoke-session `{token}`: signs one of the operator's other sessions out. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      authFetchJson<{ status: boolean }>("POST /revoke-session", { token }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
