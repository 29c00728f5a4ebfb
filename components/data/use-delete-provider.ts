"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/**
 * DELETE /api/providers/{id}: 204, with its channels and all their data. The provider's own
 * queries are dropped, not refetched (they would only answer 404 now); the list is refetched.
 */
export function useDeleteProvider(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callEndpoint(providers.deleteProvider, { params: { providerId } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: providerKeys.detail(providerId) });
      return queryClient.invalidateQueries({ queryKey: providerKeys.all, exact: true });
    },
  });
}
