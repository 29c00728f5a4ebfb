"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "./account-queries";
import { authFetchJson } from "./auth-api";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * POST /api/auth/change-password. Other sessions are always revoked: whoever knew the old password
 * may be signed in somewhere. Better Auth then replaces this browser's session with a new one (and
 * its cookie), so the session list is read again.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      authFetchJson<{ token: string | null }>("POST /change-password", {
        ...input,
        revokeOtherSessions: true,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
