"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import type { CreateProviderInput } from "@/lib/providers/provider-input";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** POST /api/providers: creates a provider; the provider list is refetched before it settles. */
export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProviderInput) =>
      callEndpoint(providers.createProvider, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
