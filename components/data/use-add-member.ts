"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { addMember } from "@/lib/members/manage-members";
import type { AddMemberInput } from "@/lib/members/member-input";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

type Invitation = Awaited<ReturnType<typeof addMember>>["invitation"];

/**
 * POST /api/providers/{id}/members: the invitation, with its link when the Admin is to send it
 * (the server never shows it again: it keeps only a hash of its token), or null when it was
 * mailed to the invited address.
 */
export type AddMemberAnswer = { invitation: Invitation & { inviteUrl: string | null } };

/** Invites; the provider's members, invitations and audit log are refetched. */
export function useAddMember(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) =>
      fetchJson<AddMemberAnswer>(`/api/providers/${providerId}/members`, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
