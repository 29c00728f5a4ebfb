"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** DELETE /api/providers/{id}/members/{userId}: 204; refused with 409 for the last Admin. */
export function useRemoveMember(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      fetchJson<null>(`/api/providers/${providerId}/members/${encodeURIComponent(userId)}`, {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
