import type { ReactNode } from "react";

// The short notes that say why a control is missing or off for the operator's role. The server
// refuses the request either way (lib/access/authorize.ts); these only save a futile click.

export const VIEWER_NOTE = "Viewers can see settings but not change them.";

export const ADMIN_ONLY = {
  channelSecret: "Only Admins can see or reissue the channel secret.",
  accessToken: "Only Admins can issue or reissue the channel access token.",
  channelDetails:
    "Only Admins can rename, describe or delete this channel, or change its error notifications.",
  createChannel: "Only Admins can create channels in this provider.",
  members: "Only Admins can add, change or remove members.",
  provider: "Only Admins can rename or delete this provider.",
} as const;

/** A note beside controls the operator's role does not allow. */
export function RoleNote({ children }: { children: ReactNode }) {
  return (
    <p data-testid="role-note" className="text-xs text-muted">
      {children}
    </p>
  );
}
