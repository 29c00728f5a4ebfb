"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import type { ProviderRole } from "@/lib/shared/provider-roles";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** PATCH /api/providers/{id}/members/{userId} `{role}`; refused with 409 for the last Admin. */
export function useChangeMemberRole(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: ProviderRole }) =>
      callEndpoint(providers.changeMemberRole, { params: { providerId, userId }, body: { role } }),
    // Settled, not only on success: after a refusal the select shows the role that still holds.
    onSettled: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
