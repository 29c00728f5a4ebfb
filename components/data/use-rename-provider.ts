"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UpdateProviderInput } from "@/lib/providers/provider-input";
import type { ProviderView } from "@/lib/providers/provider-view";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** PATCH /api/providers/{id} `{name}`; every provider query (the list's names too) is refetched. */
export function useRenameProvider(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProviderInput) =>
      fetchJson<ProviderView>(`/api/providers/${providerId}`, { method: "PATCH", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
