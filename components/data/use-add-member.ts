"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnswerOf } from "@/lib/http/endpoint";
import * as providers from "@/lib/http/endpoints/providers";
import type { AddMemberInput } from "@/lib/members/member-input";
import { providerKeys } from "./console-queries";
import { callEndpoint } from "./endpoint-client";

/**
 * POST /api/providers/{id}/members: the invitation, with its link when the Admin is to send it
 * (the server never shows it again: it keeps only a hash of its token), or null when it was
 * mailed to the invited address.
 */
export type AddMemberAnswer = AnswerOf<typeof providers.addMember>;

/** Invites; the provider's members, invitations and audit log are refetched. */
export function useAddMember(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) =>
      callEndpoint(providers.addMember, { params: { providerId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKeys.detail(providerId) }),
  });
}
