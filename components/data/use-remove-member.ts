"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** DELETE /api/providers/{id}/members/{userId}: 204; refused with 409 for the last Admin. */
export function useRemoveMember(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      callEndpoint(providers.removeMember, { params: { providerId, userId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
