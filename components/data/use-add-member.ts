"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { addMember } from "@/lib/members/manage-members";
import type { AddMemberInput } from "@/lib/members/member-input";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

type AddMemberResult = Awaited<ReturnType<typeof addMember>>;
type Invited = Extract<AddMemberResult, { invited: unknown }>["invited"];

/**
 * POST /api/providers/{id}/members: `{member}` when the email has an account (it is a member
 * now), or `{invitation}` when it has none, with the link to send, which the server never shows
 * again (it keeps only a hash of its token).
 */
export type AddMemberAnswer =
  | { member: Extract<AddMemberResult, { added: unknown }>["added"]; invitation?: undefined }
  | { invitation: Omit<Invited, "token"> & { inviteUrl: string }; member?: undefined };

/** Adds or invites; the provider's members, invitations and audit log are refetched. */
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
