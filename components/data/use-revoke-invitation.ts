"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/** DELETE /api/providers/{id}/invitations/{invitationId}: 204; the link stops working. */
export function useRevokeInvitation(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      callEndpoint(providers.revokeInvitation, { params: { providerId, invitationId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
