"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

/** DELETE /api/providers/{id}/invitations/{invitationId}: 204; the link stops working. */
export function useRevokeInvitation(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      fetchJson<null>(
        `/api/providers/${providerId}/invitations/${encodeURIComponent(invitationId)}`,
        { method: "DELETE" },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
