"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import type { UpdateProviderInput } from "@/lib/providers/provider-input";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** PATCH /api/providers/{id} `{name}`; every provider query (the list's names too) is refetched. */
export function useRenameProvider(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProviderInput) =>
      callEndpoint(providers.renameProvider, { params: { providerId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
