"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateProviderInput } from "@/lib/providers/provider-input";
import type { ProviderView } from "@/lib/providers/provider-view";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** POST /api/providers: creates a provider; the provider list is refetched before it settles. */
export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProviderInput) =>
      fetchJson<ProviderView>("/api/providers", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
