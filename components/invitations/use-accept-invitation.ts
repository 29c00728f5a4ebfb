"use client";

import { useMutation } from "@tanstack/react-query";
import { authFetchJson } from "@/components/account/auth-api";
import { callEndpoint } from "@/components/data/endpoint-client";
import { acceptInvitation as acceptInvitationEndpoint } from "@/lib/http/endpoints/invitations";
import type { acceptInvitation } from "@/lib/members/accept-invitation";

/** POST /api/invitations/accept: who joined which provider, and whether an account was made. */
export type AcceptedInvitation = Awaited<ReturnType<typeof acceptInvitation>>;

export type AcceptInvitationOutcome =
  /** Joined, signed in: the provider's page can be shown. */
  | { kind: "signed-in"; accepted: AcceptedInvitation }
  /**
   * The account is made, but signing in failed (too many attempts, say): sign in by hand. The
   * message is the server's, null when the console did not answer.
   */
  | { kind: "sign-in-failed"; accepted: AcceptedInvitation; message: string | null };

/**
 * Accepts the invitation: signed in to the invited address's account already (`account` null),
 * or by creating that account, then signing in with it as the sign-in page does. Signing in goes
 * through authFetchJson, not fetchJson: a refused sign-in is a 401, which must be reported here,
 * not turned into a trip to the sign-in page.
 */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: async (
      account: { name: string; password: string } | null,
    ): Promise<AcceptInvitationOutcome> => {
      const accepted = await callEndpoint(acceptInvitationEndpoint, {
        body: { token, ...account },
      });
      if (!account) return { kind: "signed-in", accepted };
      try {
        await authFetchJson("POST /sign-in/email", {
          email: accepted.email,
          password: account.password,
        });
        return { kind: "signed-in", accepted };
      } catch (error) {
        const message = error instanceof Error ? error.message : null;
        return { kind: "sign-in-failed", accepted, message };
      }
    },
  });
}
