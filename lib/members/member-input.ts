import { z } from "zod";
import { emailInput, newPasswordInput } from "../shared/account-input";
import { PROVIDER_ROLES } from "../shared/provider-roles";

const roleInput = z.enum(PROVIDER_ROLES, { error: "must be admin, member or viewer" });

/** POST /api/providers/{id}/members: invite an email, with an account or not. */
export const addMemberInput = z.strictObject({ email: emailInput, role: roleInput });
export type AddMemberInput = z.infer<typeof addMemberInput>;

/** PATCH /api/providers/{id}/members/{userId}. */
export const changeMemberRoleInput = z.strictObject({ role: roleInput });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInput>;

/**
 * POST /api/invitations/accept: the link's token; with the name and password of the account it
 * creates when the invited address has none (lib/members/accept-invitation.ts).
 */
export const acceptInvitationInput = z.strictObject({
  token: z.string({ error: "must be a string" }).max(200, "is not an invitation token"),
  name: z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters")
    .optional(),
  password: newPasswordInput.optional(),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
