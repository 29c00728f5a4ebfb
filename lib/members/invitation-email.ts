// The invitation email: the only place the invitation link goes when the console sends mail, so
// that only the person who reads the invited address can use it. Pure, for its unit test.
import { type Email, oneLine } from "../notifications/notification-email";
import type { ProviderRole } from "../shared/provider-roles";
import { formatUtc9, UTC9_LABEL } from "../shared/utc9";

export interface InvitationEmailInput {
  providerName: string;
  role: ProviderRole;
  /** The inviting Admin's email. */
  invitedBy: string;
  link: string;
  expiresAt: Date;
}

const ROLE_WORDS: Record<ProviderRole, string> = {
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

export function invitationEmail({
  providerName,
  role,
  invitedBy,
  link,
  expiresAt,
}: InvitationEmailInput): Email {
  const provider = oneLine(providerName);
  return {
    subject: `Webhook Console: You are invited to the provider ${provider}`,
    text: [
      `${oneLine(invitedBy)} invited this address to the provider "${provider}" as ${ROLE_WORDS[role]}.`,
      "",
      "To accept, open this link:",
      link,
      "",
      `It works once, until ${formatUtc9(expiresAt)} (${UTC9_LABEL}).`,
      "With an account for this address, sign in to it to accept; without one, the link creates it.",
      "If you did not expect this invitation, ignore this email: nothing happens unless the link is opened and accepted.",
    ].join("\n"),
  };
}
