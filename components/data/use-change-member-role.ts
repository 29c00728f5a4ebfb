"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ProviderRole } from "@/lib/shared/provider-roles";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** PATCH /api/providers/{id}/members/{userId} `{role}`; refused with 409 for the last Admin. */
export function useChangeMemberRole(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: ProviderRole }) =>
      fetchJson<{ userId: string; role: ProviderRole }>(
        `/api/providers/${providerId}/members/${encodeURIComponent(userId)}`,
        { method: "PATCH", body: { role } },
      ),
    // Settled, not only on success: after a refusal the select shows the role that still holds.
    onSettled: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
